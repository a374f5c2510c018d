import { useSubscription } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';

import {
  IssuableViewersUpdatedDocument,
  type IssuableViewersUpdatedSubscription,
} from '@shared/graphql/generated/operations';

import { useRealtimeState } from '../../apollo/realtime-state';

type Pushed = NonNullable<IssuableViewersUpdatedSubscription['issuableViewersUpdated']>;
export type IssueViewersData = NonNullable<Extract<Pushed, { __typename: 'Issue' }>['viewers']>;
export type ViewerData = IssueViewersData['users']['nodes'][number];

/**
 * Who is viewing the issue now, live: `issuableViewersUpdated`, whose first payload carries the
 * viewers as they are. Null while unknown, with real-time off, or with `issue_presence` off.
 */
export function useIssueViewers(issueId: MaybeRefOrGetter<string>) {
  const realtime = useRealtimeState();
  const { result } = useSubscription(
    IssuableViewersUpdatedDocument,
    () => ({ issuableId: toValue(issueId) }),
    () => ({ enabled: realtime.enabled }),
  );
  return computed<IssueViewersData | null>(() => {
    const pushed = result.value?.issuableViewersUpdated;
    return pushed?.__typename === 'Issue' ? (pushed.viewers ?? null) : null;
  });
}
