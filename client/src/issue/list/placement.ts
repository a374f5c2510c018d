import type { IssueListItemFragment } from '@shared/graphql/generated/operations';

import { matchesFilters, type IssueListFilters } from './filters';

/**
 * Where a pushed issue goes in a list the user is reading:
 * - `shown`: it is a row already; the cache updated it in place (a row that stops matching the
 *   filters stays where it is, marked, so nothing under the reader moves);
 * - `insert`: new at the very top while the reader is at the top of the page: shown at once;
 * - `pending`: it matches and belongs among the rows loaded, but inserting it would move what
 *   the reader is looking at: counted in an "N new issues" notice that reloads the list;
 * - `ignore`: it does not match, or it belongs after the loaded rows (a later page brings it).
 */
export type Placement = 'shown' | 'insert' | 'pending' | 'ignore';

/** What a row needs for ordering: the list is newest created first, ties by id. */
export type Ordered = Pick<IssueListItemFragment, 'id' | 'createdAt'>;

export interface ListView {
  /** The rows loaded, in order. */
  rows: readonly Ordered[];
  hasNextPage: boolean;
  filters: IssueListFilters;
  /** Whether the reader is at the top of the page (nothing above the first row to lose). */
  atTop: boolean;
}

export function placePush(issue: IssueListItemFragment, view: ListView): Placement {
  if (view.rows.some((row) => row.id === issue.id)) return 'shown';
  if (!matchesFilters(issue, view.filters)) return 'ignore';
  const first = view.rows[0];
  const last = view.rows.at(-1);
  if (!first || sortsBefore(issue, first)) return view.atTop ? 'insert' : 'pending';
  if (!view.hasNextPage || (last && sortsBefore(issue, last))) return 'pending';
  return 'ignore';
}

/** Whether `a` comes before `b` in the list (created later, or at once with a larger id). */
export function sortsBefore(a: Ordered, b: Ordered): boolean {
  const [at, bt] = [Date.parse(a.createdAt), Date.parse(b.createdAt)];
  if (at !== bt) return at > bt;
  return numericId(a.id) > numericId(b.id);
}

/** The number of a global id (`gid://gitlab/Issue/12` → 12). */
function numericId(id: string): number {
  return Number(id.slice(id.lastIndexOf('/') + 1)) || 0;
}
