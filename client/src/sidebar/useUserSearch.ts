import { useQuery } from '@vue/apollo-composable';
import {
  computed,
  onScopeDispose,
  ref,
  toValue,
  watch,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue';

import { ProjectMembersDocument } from '@shared/graphql/generated/operations';

export const SEARCH_DEBOUNCE_MS = 250;

/** Users assignable in the project, from `autocompleteUsers(search)`, debounced as the user types. */
export function useUserSearch(fullPath: MaybeRefOrGetter<string>, search: Ref<string>) {
  const debounced = ref(search.value.trim());
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      debounced.value = value.trim();
    }, SEARCH_DEBOUNCE_MS);
  });
  onScopeDispose(() => clearTimeout(timer));

  const { result, loading, error } = useQuery(
    ProjectMembersDocument,
    () => ({ fullPath: toValue(fullPath), search: debounced.value || null }),
    { fetchPolicy: 'cache-and-network' },
  );
  const users = computed(() => result.value?.project?.autocompleteUsers ?? []);
  /** True until the results for what is typed now are in. */
  const searching = computed(() => loading.value || debounced.value !== search.value.trim());
  return { users, searching, error };
}
