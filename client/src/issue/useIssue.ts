import type { SubscribeToMoreUpdateQueryFn } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';

import {
  IssueDocument,
  IssueUpdatedDocument,
  type IssueQuery,
  type IssueQueryVariables,
  type IssueUpdatedSubscription,
} from '@shared/graphql/generated/operations';

import { useRealtimeState } from '../apollo/realtime-state';
import { isOlderVersion } from './issue-version';
import { usePollingFallback } from './usePollingFallback';

export type IssueData = NonNullable<NonNullable<IssueQuery['project']>['issue']>;
export type AssigneeData = IssueData['assignees']['nodes'][number];

/**
 * Merges a pushed `issueUpdated` payload into the issue query. Apollo also normalises the payload
 * by `id`; writing the merged (complete) result keeps the query itself consistent. A push older
 * than the issue shown is ignored (see isOlderVersion).
 */
export const mergeIssueUpdate: SubscribeToMoreUpdateQueryFn<
  IssueQuery,
  IssueQueryVariables,
  IssueUpdatedSubscription
> = (_unsafePrevious, options) => {
  const pushed = options.subscriptionData.data.issueUpdated;
  if (!pushed || !options.complete) return undefined;
  const { previousData } = options;
  const project = previousData.project;
  const issue = project?.issue;
  if (!project || !issue || issue.id !== pushed.id) return undefined;
  if (isOlderVersion(issue.updatedAt, pushed.updatedAt)) return undefined;
  return { ...previousData, project: { ...project, issue: { ...issue, ...pushed } } };
};

/**
 * Loads an issue and keeps it current: through the `issueUpdated` subscription when real-time is
 * on, by refetching after a reconnect, and by polling while pushes cannot flow.
 */
export function useIssue(fullPath: MaybeRefOrGetter<string>, iid: MaybeRefOrGetter<string>) {
  const { result, loading, error, query, refetch } = useQuery(IssueDocument, () => ({
    fullPath: toValue(fullPath),
    iid: toValue(iid),
  }));
  const realtime = useRealtimeState();

  const project = computed(() => result.value?.project ?? null);
  const issue = computed(() => project.value?.issue ?? null);
  const issueId = computed(() => issue.value?.id);
  const subscriptionError = shallowRef<Error | null>(null);

  // Subscribe once the issue's global id is known; again if the query or the issue changes.
  // Skipped altogether when the server turned real-time off.
  watch(
    [query, issueId],
    ([observable, id], _previous, onCleanup) => {
      if (!observable || !id || !realtime.enabled) return;
      subscriptionError.value = null;
      const unsubscribe = observable.subscribeToMore({
        document: IssueUpdatedDocument,
        variables: { issueId: id },
        updateQuery: mergeIssueUpdate,
        onError(subscribeError) {
          subscriptionError.value = subscribeError;
        },
      });
      onCleanup(unsubscribe);
    },
    { immediate: true },
  );

  const refresh = () => {
    refetch()?.catch(() => {
      // Shown through `error`.
    });
  };

  // After a reconnect the re-sent subscription's first payload carries the current issue;
  // refetching as well means the page is never stale, whatever was missed meanwhile.
  onScopeDispose(realtime.onReconnected(refresh));

  const { polling, intervalSeconds } = usePollingFallback(realtime.state, () => {
    if (issue.value) refresh();
  });

  return {
    project,
    issue,
    loading,
    error,
    subscriptionError,
    realtimeState: realtime.state,
    polling,
    pollIntervalSeconds: intervalSeconds,
  };
}
