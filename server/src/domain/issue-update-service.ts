import type { Logger } from 'pino';

import { Ability } from './ability.js';
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
  actor: UserRecord | null;
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

/** Same message whether the issue is missing or hidden, so it cannot be used as an oracle. */
export const NOT_FOUND_MESSAGE =
  "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

/** Upper bound on one request's usernames, so a huge list is refused before any query. */
export const MAX_ASSIGNEES = 100;

/**
 * The only write path for issues (GitLab's `Issues::UpdateService`): every assignee change,
 * whether from GraphQL, REST or a script, goes through here and, after the commit, is announced
 * once through {@link IssueEvents}. A failed announcement is logged and never fails the write.
 */
export class IssueUpdateService {
  constructor(
    private readonly repository: IssueRepository,
    private readonly events: IssueEvents,
    private readonly logger: Logger,
  ) {}

  async setAssignees(input: SetAssigneesInput): Promise<UpdateResult> {
    const usernames = [...new Set(input.usernames)];
    if (usernames.length > MAX_ASSIGNEES) {
      return { issue: null, errors: [`Too many assignees: at most ${MAX_ASSIGNEES} may be given`] };
    }
    const issue = await this.findReadableIssue(input);
    if (!issue) return { issue: null, errors: [NOT_FOUND_MESSAGE] };

    const users = await this.repository.findUsersByUsernames(usernames);
    const byUsername = new Map(users.map((user) => [user.username, user]));
    const unknown = usernames.filter((name) => !byUsername.has(name));
    if (unknown.length > 0) {
      return { issue, errors: [`Unknown users: ${unknown.map((name) => `@${name}`).join(', ')}`] };
    }
    const requested = usernames.map((name) => (byUsername.get(name) as UserRecord).id);

    const { issue: updated, changed } = await this.repository.updateAssignees(issue.id, (current) =>
      applyMode(
        current.map((user) => user.id),
        requested,
        input.mode,
      ),
    );
    if (changed) {
      await this.announce(updated, 'issueUpdated');
      await this.announce(updated, 'issuableAssigneesUpdated');
    }
    // Unassigning yourself from a confidential issue can take away your own access.
    return { issue: Ability.readIssue(input.actor, updated) ? updated : null, errors: [] };
  }

  /** Sets the confidential flag; viewers who may no longer read the issue stop getting pushes. */
  async setConfidential(input: IssueTarget & { confidential: boolean }): Promise<UpdateResult> {
    const issue = await this.findReadableIssue(input);
    if (!issue) return { issue: null, errors: [NOT_FOUND_MESSAGE] };
    const { issue: updated, changed } = await this.repository.setConfidential(
      issue.id,
      input.confidential,
    );
    if (changed) await this.announce(updated, 'issueUpdated');
    return { issue: Ability.readIssue(input.actor, updated) ? updated : null, errors: [] };
  }

  /** The issue, when it exists and the actor may read it; otherwise null (one answer for both). */
  private async findReadableIssue({
    projectPath,
    iid,
    actor,
  }: IssueTarget): Promise<IssueRecord | null> {
    if (!/^\d{1,9}$/.test(iid)) return null;
    const project = await this.repository.findProjectByFullPath(projectPath);
    const issue = project ? await this.repository.findIssue(project.id, Number(iid)) : null;
    return issue && Ability.readIssue(actor, issue) ? issue : null;
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
