import type { LocationQuery, LocationQueryRaw } from 'vue-router';

import type {
  IssueListItemFragment,
  ProjectIssuesQueryVariables,
} from '@shared/graphql/generated/operations';

/** GitLab's list tabs: `state=opened|closed|all` in the URL. */
export type StateFilter = 'opened' | 'closed' | 'all';

/** What the list shows; kept in the URL with GitLab's parameter names. */
export interface IssueListFilters {
  state: StateFilter;
  /** Issues with every one of these labels (`label_name[]=`). */
  labels: readonly string[];
  /** Issues assigned to this username (`assignee_username=`). */
  assignee: string | null;
  /** Issues of this milestone (`milestone_title=`). */
  milestone: string | null;
}

/** Issues per page (GitLab's list shows 20). */
export const PAGE_SIZE = 20;
/** More label filters than this is no list a person asked for (the server refuses past 50). */
const MAX_LABELS = 20;

const STATES: readonly StateFilter[] = ['opened', 'closed', 'all'];

/** Every value of a query parameter, with or without GitLab's `[]` suffix. */
function values(query: LocationQuery, name: string): string[] {
  return [query[name], query[`${name}[]`]]
    .flat()
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}

/** The filters a URL asks for; anything unknown or malformed falls back to the default. */
export function filtersFromQuery(query: LocationQuery): IssueListFilters {
  const state = values(query, 'state')[0];
  return {
    state: STATES.includes(state as StateFilter) ? (state as StateFilter) : 'opened',
    labels: [...new Set(values(query, 'label_name'))].slice(0, MAX_LABELS),
    assignee: values(query, 'assignee_username')[0] ?? null,
    milestone: values(query, 'milestone_title')[0] ?? null,
  };
}

/** The URL query for `filters`, as GitLab writes it (the default state is left out). */
export function queryFromFilters(filters: IssueListFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.state !== 'opened') query.state = filters.state;
  if (filters.labels.length > 0) query['label_name[]'] = [...filters.labels];
  if (filters.assignee) query.assignee_username = filters.assignee;
  if (filters.milestone) query.milestone_title = filters.milestone;
  return query;
}

/** The filters as `Project.issues` arguments (shared by the list and its counts). */
export function filterArguments(filters: IssueListFilters) {
  return {
    labelName: filters.labels.length > 0 ? [...filters.labels] : null,
    milestoneTitle: filters.milestone ? [filters.milestone] : null,
    assigneeUsername: filters.assignee,
  };
}

export function listVariables(
  fullPath: string,
  filters: IssueListFilters,
): ProjectIssuesQueryVariables {
  return { fullPath, state: filters.state, ...filterArguments(filters), first: PAGE_SIZE };
}

/**
 * Whether an issue belongs in the list, decided on the client from a pushed issue with the same
 * rules as the server's filters (so a push can be placed without asking the server).
 */
export function matchesFilters(issue: IssueListItemFragment, filters: IssueListFilters): boolean {
  if (filters.state !== 'all' && issue.state !== filters.state) return false;
  const labels = new Set(issue.labels.nodes.map((label) => label.title));
  if (!filters.labels.every((title) => labels.has(title))) return false;
  if (filters.assignee && !issue.assignees.nodes.some((u) => u.username === filters.assignee)) {
    return false;
  }
  return !filters.milestone || issue.milestone?.title === filters.milestone;
}

export function sameFilters(a: IssueListFilters, b: IssueListFilters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
