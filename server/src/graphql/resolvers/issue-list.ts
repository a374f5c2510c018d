import { GraphQLError } from 'graphql';

import type { IssueListCursor, IssueListFilter } from '../../domain/repository.js';
import type { IssueRecord, ProjectRecord } from '../../domain/types.js';
import { Ability } from '../../permissions/ability.js';
import type { GraphQLContext } from '../context.js';
import type {
  IssueConnectionResolvers,
  IssueEdgeResolvers,
  ProjectIssuesArgs,
} from '../generated/resolvers-types.js';

/** A page of issues as `IssueConnection` resolves it; `count` is only read when selected. */
export interface IssuePage {
  readonly issues: readonly IssueRecord[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly count: () => Promise<number>;
}

/** GitLab's page sizes: 100 at most. */
const MAX_PAGE = 100;
/** More filter values than this in one argument is no list a person asked for. */
const MAX_FILTER_VALUES = 50;

/**
 * `Project.issues`: the project's issues the caller may read, filtered with GitLab's arguments,
 * newest created first, a keyset page at a time. The project itself was checked by the field
 * that returned it; confidential issues are filtered in the query with the same rule as
 * `read_issue`, so counts and pages never include one the caller could not open.
 */
export async function projectIssues(
  project: ProjectRecord,
  args: ProjectIssuesArgs,
  { repository, viewerIn }: Pick<GraphQLContext, 'repository' | 'viewerIn'>,
): Promise<IssuePage> {
  const first = Math.min(Math.max(args.first ?? 50, 0), MAX_PAGE);
  const after = args.after ? decodeCursor(args.after) : undefined;
  if (args.state === 'locked') return emptyPage(after !== undefined); // never locked here
  const viewer = await viewerIn(project.id);
  const filter = listFilter(args, Ability.confidentialIssueScope(viewer));
  let count: Promise<number> | undefined;
  const page = await repository.listIssuePage(project.id, filter, { first, after });
  return {
    ...page,
    hasPreviousPage: after !== undefined,
    count: () => (count ??= repository.countIssues(project.id, filter)),
  };
}

function listFilter(args: ProjectIssuesArgs, confidential: IssueListFilter['confidential']) {
  const assignees = args.assigneeUsernames?.length
    ? args.assigneeUsernames
    : args.assigneeUsername
      ? [args.assigneeUsername]
      : undefined;
  const filter: IssueListFilter = { confidential };
  if (args.state === 'opened' || args.state === 'closed') filter.state = args.state;
  const labels = present(args.labelName, 'labelName');
  if (labels) filter.labelTitles = labels;
  const milestones = present(args.milestoneTitle, 'milestoneTitle');
  if (milestones) filter.milestoneTitles = milestones;
  const usernames = present(assignees, 'assigneeUsernames');
  if (usernames) filter.assigneeUsernames = usernames;
  return filter;
}

/** The non-empty values of a list argument (GitLab's lists admit nulls), or undefined for none. */
function present(
  values: readonly (string | null)[] | null | undefined,
  name: string,
): string[] | undefined {
  const kept = (values ?? []).filter((value): value is string => !!value);
  if (kept.length > MAX_FILTER_VALUES) {
    throw new GraphQLError(`${name} takes at most ${MAX_FILTER_VALUES} values`);
  }
  return kept.length > 0 ? kept : undefined;
}

function emptyPage(hasPreviousPage: boolean): IssuePage {
  return { issues: [], hasNextPage: false, hasPreviousPage, count: () => Promise.resolve(0) };
}

/**
 * A cursor as GitLab's keyset connections write it: base64 of JSON naming the sort column and
 * the id. Opaque to clients; anything else is refused.
 */
export function encodeCursor(issue: Pick<IssueRecord, 'createdAt' | 'id'>): string {
  const json = JSON.stringify({ created_at: issue.createdAt.toISOString(), id: String(issue.id) });
  return Buffer.from(json).toString('base64');
}

export function decodeCursor(cursor: string): IssueListCursor {
  const invalid = new GraphQLError('Please provide a valid cursor');
  if (cursor.length > 200) throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    throw invalid;
  }
  const { created_at: createdAt, id } = (decoded ?? {}) as Record<string, unknown>;
  const at = typeof createdAt === 'string' ? new Date(createdAt) : null;
  if (!at || Number.isNaN(at.getTime()) || typeof id !== 'string' || !/^\d{1,9}$/.test(id)) {
    throw invalid;
  }
  return { createdAt: at, id: Number(id) };
}

export const IssueConnection: IssueConnectionResolvers = {
  count: (page) => page.count(),
  nodes: (page) => [...page.issues],
  edges: (page) => [...page.issues],
  pageInfo: (page) => {
    const first = page.issues[0];
    const last = page.issues.at(-1);
    return {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: first ? encodeCursor(first) : null,
      endCursor: last ? encodeCursor(last) : null,
    };
  },
};

/** An edge is its issue: the cursor is derived from it. */
export const IssueEdge: IssueEdgeResolvers = {
  cursor: (issue) => encodeCursor(issue),
  node: (issue) => issue,
};
