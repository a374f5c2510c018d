import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';

import { ProjectMembersDocument } from '@shared/graphql/generated/operations';

/** Users that can be assigned to the project's issues (fresh each time the editor opens). */
export function useProjectMembers(fullPath: MaybeRefOrGetter<string>) {
  const { result, loading, error } = useQuery(
    ProjectMembersDocument,
    () => ({ fullPath: toValue(fullPath) }),
    { fetchPolicy: 'cache-and-network' },
  );
  const users = computed(() => result.value?.project?.autocompleteUsers ?? []);
  return { users, loading, error };
}
