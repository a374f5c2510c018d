import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';

import { CurrentUserDocument, type UserFragment } from '@shared/graphql/generated/operations';

/** The signed-in user, or null for an anonymous visitor (and while loading). */
export function useCurrentUser() {
  const { result, loading } = useQuery(CurrentUserDocument, {}, { fetchPolicy: 'cache-first' });
  const currentUser = computed<UserFragment | null>(() => result.value?.currentUser ?? null);
  return { currentUser, loading };
}
