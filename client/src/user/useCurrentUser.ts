import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';

import { CurrentUserDocument } from '@shared/graphql/generated/operations';

import type { SidebarUser } from '../sidebar/sidebarUser';

/** The signed-in user, or null for an anonymous visitor (and while loading). */
export function useCurrentUser() {
  const { result, loading } = useQuery(CurrentUserDocument, {}, { fetchPolicy: 'cache-first' });
  const currentUser = computed<SidebarUser | null>(() => result.value?.currentUser ?? null);
  return { currentUser, loading };
}
