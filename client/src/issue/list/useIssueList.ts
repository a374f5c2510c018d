import { useApolloClient, useQuery, useSubscription } from '@vue/apollo-composable';
import {
  computed,
  onScopeDispose,
  shallowRef,
  toValue,
  triggerRef,
  watch,
  type MaybeRefOrGetter,
} from 'vue';

import {
  ProjectIssueCountsDocument,
  ProjectIssuesDocument,
  ProjectIssuesUpdatedDocument,
  type IssueListItemFragment,
} from '@shared/graphql/generated/operations';

import { useRealtimeState } from '../../apollo/realtime-state';
import {
  filterArguments,
  listVariables,
  matchesFilters,
  PAGE_SIZE,
  type IssueListFilters,
} from './filters';
import { placePush } from './placement';

/** A row of the list: the issue, and whether it still matches the filters (else it is marked). */
export interface IssueRow {
  issue: IssueListItemFragment;
  matches: boolean;
}

/** The tabs' counts follow pushes at most this often (one query per burst of changes). */
export const COUNTS_DELAY_MS = 1_000;
/** GitLab's largest page: a reload keeps up to this many rows the reader had loaded. */
const MAX_RELOAD = 100;

export interface IssueListOptions {
  /** Whether the reader is at the top of the page (default: the window's scroll position). */
  atTop?: () => boolean;
}

/**
 * The issue list, live: one keyset page after another (Load more), the tabs' counts, and ONE
 * `projectIssuesUpdated` subscription for the whole list, whatever the filters. Each push lands
 * in the normalized cache by id, so a row shown updates in place; where a new or newly matching
 * issue goes is `placePush`'s rule (nothing under the reader moves without them asking); a null
 * push (the first payload, a reconnect, a pub/sub gap, an issue that lost readers) reloads the
 * rows loaded, since a list has no single current state the server could send.
 */
export function useIssueList(
  fullPath: MaybeRefOrGetter<string>,
  filters: MaybeRefOrGetter<IssueListFilters>,
  options: IssueListOptions = {},
) {
  const atTop = options.atTop ?? (() => typeof window === 'undefined' || window.scrollY < 8);
  const { resolveClient } = useApolloClient();
  const realtime = useRealtimeState();
  const variables = computed(() => listVariables(toValue(fullPath), toValue(filters)));
  const list = useQuery(ProjectIssuesDocument, variables, { fetchPolicy: 'cache-and-network' });
  const counts = useQuery(
    ProjectIssueCountsDocument,
    () => ({ fullPath: toValue(fullPath), ...filterArguments(toValue(filters)) }),
    { fetchPolicy: 'cache-and-network' },
  );

  const project = computed(() => list.result.value?.project ?? null);
  const connection = computed(() => project.value?.issues ?? null);
  const rows = computed<IssueRow[]>(() =>
    (connection.value?.nodes ?? []).map((issue) => ({
      issue,
      matches: matchesFilters(issue, toValue(filters)),
    })),
  );
  /** Ids of matching issues not shown yet, behind the "N new issues" notice. */
  const pending = shallowRef(new Set<string>());
  const loadingMore = shallowRef(false);
  watch(variables, () => (pending.value = new Set()));

  function setPending(id: string, waiting: boolean) {
    const had = pending.value.has(id);
    if (waiting === had) return;
    if (waiting) pending.value.add(id);
    else pending.value.delete(id);
    triggerRef(pending);
  }

  /** Writes a new issue above the first row, in the list's cache entry. */
  function insertTop(issue: IssueListItemFragment) {
    resolveClient().cache.updateQuery(
      { query: ProjectIssuesDocument, variables: variables.value },
      (data) => {
        const issues = data?.project?.issues;
        if (!data?.project || !issues) return data;
        const nodes = [issue, ...issues.nodes];
        return { ...data, project: { ...data.project, issues: { ...issues, nodes } } };
      },
    );
  }

  function place(issue: IssueListItemFragment) {
    const current = connection.value;
    if (!current) return; // the list's own query is still on its way and will bring it
    const placement = placePush(issue, {
      rows: current.nodes,
      hasNextPage: current.pageInfo.hasNextPage,
      filters: toValue(filters),
      atTop: atTop(),
    });
    if (placement === 'insert') insertTop(issue);
    setPending(issue.id, placement === 'pending');
  }

  /** Reloads the rows loaded (as many as the reader had, with what was pending) and the counts. */
  function reload() {
    const wanted = (connection.value?.nodes.length ?? 0) + pending.value.size;
    pending.value = new Set();
    const first = Math.min(Math.max(PAGE_SIZE, wanted), MAX_RELOAD);
    list.refetch({ ...variables.value, first })?.catch(() => undefined); // shown through `error`
    refreshCounts();
  }

  let countsTimer: ReturnType<typeof setTimeout> | undefined;
  function refreshCounts() {
    clearTimeout(countsTimer);
    countsTimer = undefined;
    counts.refetch()?.catch(() => undefined);
  }
  function countsSoon() {
    countsTimer ??= setTimeout(refreshCounts, COUNTS_DELAY_MS);
  }
  onScopeDispose(() => clearTimeout(countsTimer));

  const subscription = useSubscription(
    ProjectIssuesUpdatedDocument,
    () => ({ projectPath: toValue(fullPath) }),
    () => ({ enabled: realtime.enabled }),
  );
  subscription.onResult(({ data }) => {
    const pushed = data?.projectIssuesUpdated;
    if (pushed === undefined) return;
    if (pushed === null) return reload();
    place(pushed);
    countsSoon();
  });

  async function loadMore() {
    const endCursor = connection.value?.pageInfo.endCursor;
    if (!endCursor || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await list.fetchMore({ variables: { after: endCursor, first: PAGE_SIZE } });
    } catch {
      // Shown through `error`.
    } finally {
      loadingMore.value = false;
    }
  }

  const tabCounts = computed(() => {
    const found = counts.result.value?.project;
    return found
      ? {
          opened: found.openedIssues.count,
          closed: found.closedIssues.count,
          all: found.allIssues.count,
        }
      : null;
  });

  return {
    project,
    rows,
    loading: list.loading,
    error: list.error,
    hasNextPage: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loadMore,
    loadingMore,
    pendingCount: computed(() => pending.value.size),
    showPending: reload,
    counts: tabCounts,
    subscriptionError: subscription.error,
    realtimeState: realtime.state,
  };
}
