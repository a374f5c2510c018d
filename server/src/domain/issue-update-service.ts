import type { Logger } from 'pino';

import { Ability, type Viewer } from '../permissions/ability.js';
import type { AccountRecord, IdentityRepository } from './identity.js';
import type { IssueRepository } from './repository.js';
import type { IssueRecord, UserRecord } from './types.js';

/** How `usernames` apply to the current assignees (GitLab's MutationOperationMode). */
export type OperationMode = 'REPLACE' | 'APPEND' | 'REMOVE';

/** What the domain announces after a commit; GraphqlTriggers implements it. */
export interface IssueEvents {
  /** Any change to the issue. */
  issueUpdated(issue: IssueRecord): Promise<void>;
  /** Its assignees changed (GitLab's event for the sidebar). */
  issuableAssigneesUpdated(issue: IssueRecord): Promise<void>;
}

/** Names the issue to change and who is changing it (null: an anonymous visitor). */
export interface IssueTarget {
  projectPath: string;
  iid: string;
  actor: AccountRecord | null;
}

export interface SetAssigneesInput extends IssueTarget {
  usernames: readonly string[];
  mode: OperationMode;
}

/** `errors` non-empty ⇒ nothing was written. `issue` is null when the actor may not see it. */
export interface UpdateResult {
  issue: IssueRecord | null;
  errors: string[];
}

/** Same message whether the issue is missing, hidden or read-only: no existence oracle. */
export const NOT_FOUND_MESSAGE =
  "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

/** Default upper bound on an issue's assignees (and on one request's usernames). */
export const MAX_ASSIGNEES = 100;

class TooManyAssigneesError extends Error {}

/**
 * The only write path for issues (GitLab's `Issues::UpdateService`): every change, whether from
 * GraphQL, REST or a script, goes through here, is checked against `update_issue`, and after the
 * commit is announced once through {@link IssueEvents}. A failed announcement is logged and never
 * fails the write.
 */
export class IssueUpdateService {
  constructor(
    private readonly repository: IssueRepository,
    private readonly identity: IdentityRepository,
    private readonly events: IssueEvents,
    private readonly logger: Logger,
    /** Public so callers can refuse an oversized list before reading anything. */
    readonly maxAssignees = MAX_ASSIGNEES,
  ) {}

  async setAssignees(input: SetAssigneesInput): Promise<UpdateResult> {
    const tooMany = [`Too many assignees: an issue may have at most ${this.maxAssignees}`];
    const usernames = [...new Set(input.usernames)];
    if (usernames.length > this.maxAssignees) return { issue: null, errors: tooMany };
    const found = await this.findUpdatableIssue(input);
    if (!found) return { issue: null, errors: [NOT_FOUND_MESSAGE] };
    const { issue, viewer } = found;

    const users = await this.repository.findUsersByUsernames(usernames);
    const byUsername = new Map(users.map((user) => [user.username, user]));
    const unknown = usernames.filter((name) => !byUsername.has(name));
    if (unknown.length > 0) {
      return { issue, errors: [`Unknown users: ${unknown.map((name) => `@${name}`).join(', ')}`] };
    }
    const requested = usernames.map((name) => byUsername.get(name) as UserRecord);
    if (input.mode !== 'REMOVE') {
      const refused = await this.unassignable(issue, requested);
      if (refused.length > 0) {
        return {
          issue,
          errors: refused.map((u) => `Cannot assign @${u.username} to #${issue.iid}`),
        };
      }
    }

    const ids = requested.map((user) => user.id);
    let result: { issue: IssueRecord; changed: boolean };
    try {
      result = await this.repository.updateAssignees(
        issue.id,
        (current) => {
          const next = applyMode(
            current.map((user) => user.id),
            ids,
            input.mode,
          );
          if (next.length > this.maxAssignees) throw new TooManyAssigneesError();
          return next;
        },
        input.actor?.id ?? null,
      );
    } catch (error) {
      if (error instanceof TooManyAssigneesError) return { issue, errors: tooMany };
      throw error;
    }
    if (result.changed) {
      // Published together (in this order): each waits at most publishWaitMs on a slow pub/sub,
      // so the mutation waits that once, not once per event.
      await Promise.all([
        this.announce(result.issue, 'issueUpdated'),
        this.announce(result.issue, 'issuableAssigneesUpdated'),
      ]);
    }
    // Unassigning yourself from a confidential issue can take away your own access.
    return { issue: Ability.readIssue(viewer, result.issue) ? result.issue : null, errors: [] };
  }

  /** Sets the confidential flag; viewers who may no longer read the issue stop getting pushes. */
  async setConfidential(input: IssueTarget & { confidential: boolean }): Promise<UpdateResult> {
    const found = await this.findUpdatableIssue(input);
    if (!found) return { issue: null, errors: [NOT_FOUND_MESSAGE] };
    const { issue, changed } = await this.repository.setConfidential(
      found.issue.id,
      input.confidential,
      input.actor?.id ?? null,
    );
    if (changed) await this.announce(issue, 'issueUpdated');
    return { issue: Ability.readIssue(found.viewer, issue) ? issue : null, errors: [] };
  }

  /** The issue and the actor as its viewer, when it exists and the actor may change it. */
  private async findUpdatableIssue(
    target: IssueTarget,
  ): Promise<{ issue: IssueRecord; viewer: Viewer } | null> {
    if (!/^\d{1,9}$/.test(target.iid)) return null;
    const project = await this.repository.findProjectByFullPath(target.projectPath);
    const issue = project ? await this.repository.findIssue(project.id, Number(target.iid)) : null;
    if (!issue) return null;
    const actor = target.actor;
    const viewer = actor
      ? ((await this.identity.projectViewers(issue.projectId, [actor.id])).get(actor.id) ?? null)
      : null;
    return Ability.updateIssue(viewer, issue) ? { issue, viewer } : null;
  }

  /** Requested users who may not be assigned: not members, or unable to read the issue. */
  private async unassignable(
    issue: IssueRecord,
    users: readonly UserRecord[],
  ): Promise<UserRecord[]> {
    const current = new Set(issue.assignees.map((user) => user.id));
    const added = users.filter((user) => !current.has(user.id));
    if (added.length === 0) return [];
    const viewers = await this.identity.projectViewers(
      issue.projectId,
      added.map((user) => user.id),
    );
    return added.filter((user) => !Ability.assignIssueTo(viewers.get(user.id) ?? null, issue));
  }

  private async announce(issue: IssueRecord, event: keyof IssueEvents): Promise<void> {
    try {
      await this.events[event](issue);
    } catch (error) {
      // The write is committed; viewers converge on their next re-subscribe (current state first).
      this.logger.error({ err: error, issueId: issue.id, event }, 'issue broadcast failed');
    }
  }
}

/** The new ordered id list: REPLACE takes `requested`, APPEND adds new ones at the end, REMOVE drops them. */
export function applyMode(
  current: readonly number[],
  requested: readonly number[],
  mode: OperationMode,
): number[] {
  switch (mode) {
    case 'REPLACE':
      return [...requested];
    case 'APPEND':
      return [...new Set([...current, ...requested])];
    case 'REMOVE': {
      const removed = new Set(requested);
      return current.filter((id) => !removed.has(id));
    }
  }
}
