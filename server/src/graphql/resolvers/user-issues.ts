import { parseGlobalId } from '@shared/graphql/global-id.js';
import { GraphQLError } from 'graphql';

import type { IssueRecord } from '../../domain/types.js';
import { Ability } from '../../permissions/ability.js';
import type { GraphQLContext } from '../context.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';

/** Most assignees one `issues` query may name (GitLab's filters are bounded too). */
const MAX_ASSIGNEE_FILTER = 10;
/** Assigned issues read per assignee before the visibility filter. */
const SCAN_LIMIT = 500;

/**
 * GitLab's `Query.user(username:)` and `Query.issues(assigneeUsernames:)`: the user page reads
 * a user and the issues assigned to them, each checked against the caller's access, so a
 * confidential issue stays hidden from those who may not read it.
 */
export const userQueries: Pick<QueryResolvers, 'user' | 'issues'> = {
  user: async (_root, { id, username }, { repository }) => {
    const userId = id ? parseGlobalId(id, 'User') : null;
    if (userId !== null) return (await repository.findUsersByIds([userId]))[0] ?? null;
    if (!username || username.length > 255) return null;
    return (await repository.findUsersByUsernames([username]))[0] ?? null;
  },

  issues: async (_root, args, context) => {
    const usernames = [
      ...new Set([
        ...(args.assigneeUsernames ?? []),
        ...(args.assigneeUsername ? [args.assigneeUsername] : []),
      ]),
    ];
    if (usernames.length === 0)
      throw new GraphQLError('At least one filter must be provided: assigneeUsernames');
    if (usernames.length > MAX_ASSIGNEE_FILTER)
      throw new GraphQLError(`assigneeUsernames: at most ${MAX_ASSIGNEE_FILTER} usernames`);
    const limit = Math.min(Math.max(args.first ?? 20, 0), 100);
    const users = await context.repository.findUsersByUsernames(usernames);
    const lists = await Promise.all(
      users.map((user) => context.repository.listIssuesAssignedTo(user.id, SCAN_LIMIT)),
    );
    const byId = new Map(lists.flat().map((issue) => [issue.id, issue]));
    const state = args.state ?? 'all';
    const candidates = [...byId.values()]
      .filter((issue) => state === 'all' || issue.state === state)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id);
    const visible = await readable(candidates, context);
    // One page, no cursor (`after` is not taken here): what the user page shows.
    return {
      issues: visible.slice(0, limit),
      hasNextPage: visible.length > limit,
      hasPreviousPage: false,
      count: () => Promise.resolve(visible.length),
    };
  },
};

/** The issues the caller may read, in order (one membership read per project). */
async function readable(issues: IssueRecord[], context: GraphQLContext): Promise<IssueRecord[]> {
  const checks = await Promise.all(
    issues.map(async (issue) => Ability.readIssue(await context.viewerIn(issue.projectId), issue)),
  );
  return issues.filter((_issue, i) => checks[i]);
}
