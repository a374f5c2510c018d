import { Ability } from '../permissions/ability.js';
import type { IdentityRepository } from './identity.js';
import type { IssueChanges } from './issue-update-service.js';
import type { IssueRepository } from './repository.js';
import type { IssueRecord, UserRecord } from './types.js';

/** Turning an assignee request (usernames) into user ids, with GitLab's rules on who may be assigned. */

/** The users to apply, by id, or why they cannot be. */
export async function resolveAssignees(
  repository: IssueRepository,
  identity: IdentityRepository,
  issue: IssueRecord,
  request: NonNullable<IssueChanges['assignees']>,
): Promise<{ ids: number[]; errors: string[] }> {
  const usernames = [...new Set(request.usernames)];
  const users = await repository.findUsersByUsernames(usernames);
  const byUsername = new Map(users.map((user) => [user.username, user]));
  const unknown = usernames.filter((name) => !byUsername.has(name));
  if (unknown.length > 0) {
    return { ids: [], errors: [`Unknown users: ${unknown.map((n) => `@${n}`).join(', ')}`] };
  }
  const requested = usernames.map((name) => byUsername.get(name) as UserRecord);
  if (request.mode !== 'REMOVE') {
    const refused = await unassignable(identity, issue, requested);
    if (refused.length > 0) {
      const errors = refused.map((u) => `Cannot assign @${u.username} to #${issue.iid}`);
      return { ids: [], errors };
    }
  }
  return { ids: requested.map((user) => user.id), errors: [] };
}

/** Requested users who may not be assigned: not members, or unable to read the issue. */
async function unassignable(
  identity: IdentityRepository,
  issue: IssueRecord,
  users: readonly UserRecord[],
): Promise<UserRecord[]> {
  const current = new Set(issue.assignees.map((user) => user.id));
  const added = users.filter((user) => !current.has(user.id));
  if (added.length === 0) return [];
  const viewers = await identity.projectViewers(
    issue.projectId,
    added.map((user) => user.id),
  );
  return added.filter((user) => !Ability.assignIssueTo(viewers.get(user.id) ?? null, issue));
}
