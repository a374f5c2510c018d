import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';

import { ProjectMilestonesDocument } from '@shared/graphql/generated/operations';

import { useDebouncedSearch } from '../widget/useDebouncedSearch';

/**
 * The project's milestones matching the search (`Project.milestones(searchTitle:)`), active and
 * closed, debounced; `groups` splits them by state, active first, as the dropdown shows them.
 */
export function useProjectMilestones(fullPath: () => string, search: Ref<string>) {
  const { debounced, pending } = useDebouncedSearch(search);
  const { result, loading, error } = useQuery(
    ProjectMilestonesDocument,
    () => ({ fullPath: fullPath(), title: debounced.value || null }),
    { fetchPolicy: 'cache-and-network' },
  );
  const milestones = computed(() => result.value?.workspace?.attributes?.nodes ?? []);
  const groups = computed(() =>
    (['active', 'closed'] as const)
      .map((state) => ({
        state,
        heading: state === 'active' ? 'Active' : 'Closed',
        milestones: milestones.value.filter((milestone) => milestone.state === state),
      }))
      .filter((group) => group.milestones.length > 0),
  );
  const searching = computed(() => loading.value || pending.value);
  return { groups, searching, error };
}
