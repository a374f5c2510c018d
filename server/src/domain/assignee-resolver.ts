import { Ability } from '../permissions/ability.js';
import type { IssueChanges } from './issue-update-service.js';
import type { NamedUser, UpdateContext } from './repository.js';

/** Turning an assignee request (usernames) into user ids, with GitLab's rules on who may be assigned. */

/** The users to apply, by id, or why they cannot be (from the update's one context read). */
export function resolveAssignees(
  context: Pick<UpdateContext, 'issue' | 'users'>,
  request: NonNullable<IssueChanges['assignees']>,
): { ids: number[]; errors: string[] } {
  const { issue } = context;
  const usernames = [...new Set(request.usernames)];
  const byUsername = new Map(context.users.map((named) => [named.user.username, named]));
  const unknown = usernames.filter((name) => !byUsername.has(name));
  if (unknown.length > 0) {
    return { ids: [], errors: [`Unknown users: ${unknown.map((n) => `@${n}`).join(', ')}`] };
  }
  const requested = usernames.map((name) => byUsername.get(name) as NamedUser);
  if (request.mode !== 'REMOVE') {
    // Requested users who may not be assigned: not members, or unable to read the issue.
    // Those assigned already stay, whatever they may do now.
    const current = new Set(issue.assignees.map((user) => user.id));
    const refused = requested.filter(
      ({ user, viewer }) => !current.has(user.id) && !Ability.assignIssueTo(viewer, issue),
    );
    if (refused.length > 0) {
      const errors = refused.map(({ user }) => `Cannot assign @${user.username} to #${issue.iid}`);
      return { ids: [], errors };
    }
  }
  return { ids: requested.map(({ user }) => user.id), errors: [] };
}
