import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';

import { ProjectLabelsDocument } from '@shared/graphql/generated/operations';

import { useDebouncedSearch } from '../widget/useDebouncedSearch';

/** The project's labels matching the search (`Project.labels(searchTerm:)`), debounced. */
export function useProjectLabels(fullPath: () => string, search: Ref<string>) {
  const { debounced, pending } = useDebouncedSearch(search);
  const { result, loading, error } = useQuery(
    ProjectLabelsDocument,
    () => ({ fullPath: fullPath(), searchTerm: debounced.value || null }),
    { fetchPolicy: 'cache-and-network' },
  );
  const labels = computed(() => result.value?.workspace?.labels?.nodes ?? []);
  const searching = computed(() => loading.value || pending.value);
  return { labels, searching, error };
}
