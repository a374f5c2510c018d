import type { Logger } from 'pino';

import { Ability, type Viewer } from '../permissions/ability.js';
import { isCalendarDate } from './dates.js';
import type { AccountRecord, IdentityRepository } from './identity.js';
import { resolveAssignees } from './assignee-resolver.js';
import { narrowsReaders } from './issue-readers.js';
import { ConcurrentEdit, textErrors, textPatch, type TextChanges } from './issue-text.js';
import { nextLabelIds } from './labels.js';
import type { IssueField, IssuePatch, IssueRepository } from './repository.js';
import type { IssueRecord, LabelRecord } from './types.js';

/** How `usernames` apply to the current assignees (GitLab's MutationOperationMode). */
export type OperationMode = 'REPLACE' | 'APPEND' | 'REMOVE';

/** What the domain announces after a commit; GraphqlTriggers implements it. */
export interface IssueEvents {
  /** Any change to the issue. */
  issueUpdated(issue: IssueRecord): Promise<void>;
  /** Its assignees changed (GitLab's event for the sidebar). */
  issuableAssigneesUpdated(issue: IssueRecord): Promise<void>;
  /** Its labels changed. */
  issuableLabelsUpdated(issue: IssueRecord): Promise<void>;
  /** Its milestone changed. */
  issuableMilestoneUpdated(issue: IssueRecord): Promise<void>;
  /** Its due date changed. */
  issuableDatesUpdated(issue: IssueRecord): Promise<void>;
  /** Who may read it may have shrunk (see issue-readers.ts): its project's lists reload. */
  issueReadersNarrowed(issue: IssueRecord): Promise<void>;
  /** Its title changed. */
  issuableTitleUpdated(issue: IssueRecord): Promise<void>;
  /** Its description changed. */
  issuableDescriptionUpdated(issue: IssueRecord): Promise<void>;
}

/** The GitLab event each field announces besides `issueUpdated` (confidentiality, state: none). */
const FIELD_EVENTS: Record<IssueField, keyof IssueEvents | null> = {
  assigneeIds: 'issuableAssigneesUpdated',
  labelIds: 'issuableLabelsUpdated',
  milestoneId: 'issuableMilestoneUpdated',
  dueDate: 'issuableDatesUpdated',
  confidential: null,
  title: 'issuableTitleUpdated',
  description: 'issuableDescriptionUpdated',
  state: null,
};

/** Names the issue to change and who is changing it (null: an anonymous visitor). */
export interface IssueTarget {
  projectPath: string;
  iid: string;
  actor: AccountRecord | null;
}

/** What one update asks for; absent parts stay as they are. All of it commits, or nothing. */
export interface IssueChanges extends TextChanges {
  assignees?: { usernames: readonly string[]; mode: OperationMode };
  /** `set` replaces the labels, then `add` and `remove` apply (label ids of the project). */
  labels?: { set?: readonly number[]; add?: readonly number[]; remove?: readonly number[] };
  /** A milestone id of the project, or null to remove it. */
  milestoneId?: number | null;
  /** `YYYY-MM-DD`, or null to remove it. */
  dueDate?: string | null;
  confidential?: boolean;
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
/** Upper bound on an issue's labels, and on each label list of one request. */
export const MAX_LABELS = 100;

/** A rule broken inside the transaction: rolled back, answered as an error. */
class RefusedChange extends Error {}

/**
 * The only write path for issues (GitLab's `Issues::UpdateService`): every change, whether from
 * GraphQL, REST or a script, goes through here, is checked against `update_issue`, commits in one
 * transaction, and after the commit is announced through {@link IssueEvents}: `issueUpdated` once,
 * and once the event of each field that changed. A failed announcement is logged and never fails
 * the write.
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

  setAssignees(input: SetAssigneesInput): Promise<UpdateResult> {
    const { usernames, mode, ...target } = input;
    return this.update(target, { assignees: { usernames, mode } });
  }

  /** Sets the confidential flag; viewers who may no longer read the issue stop getting pushes. */
  setConfidential(input: IssueTarget & { confidential: boolean }): Promise<UpdateResult> {
    const { confidential, ...target } = input;
    return this.update(target, { confidential });
  }

  /** Applies `changes` in one transaction, or writes nothing and answers why. */
  async update(target: IssueTarget, changes: IssueChanges): Promise<UpdateResult> {
    // Checks that need no read come first: a hostile request costs nothing more.
    const refused = this.refusedUpfront(changes);
    if (refused.length > 0) return { issue: null, errors: refused };
    const found = await this.findUpdatableIssue(target);
    if (!found) return { issue: null, errors: [NOT_FOUND_MESSAGE] };
    const { issue, viewer } = found;

    const assignees = changes.assignees
      ? await resolveAssignees(this.repository, this.identity, issue, changes.assignees)
      : { ids: [], errors: [] };
    const labels = changes.labels ? await this.resolveLabels(issue, changes.labels) : new Map();
    const errors = [...assignees.errors, ...(labels instanceof Map ? [] : labels)];
    if (changes.milestoneId != null) {
      const milestone = await this.repository.findMilestone(issue.projectId, changes.milestoneId);
      if (!milestone) errors.push(`Milestone not found: ${changes.milestoneId}`);
    }
    if (errors.length > 0 || !(labels instanceof Map)) return { issue, errors };

    let result: { issue: IssueRecord; changed: IssueField[] };
    try {
      result = await this.repository.updateIssue(
        issue.id,
        (current) => this.patch(current, changes, assignees.ids, labels),
        target.actor?.id ?? null,
      );
    } catch (error) {
      if (error instanceof RefusedChange || error instanceof ConcurrentEdit)
        return { issue, errors: [error.message] };
      throw error;
    }
    if (result.changed.length > 0) {
      // Published together (in this order): each waits at most publishWaitMs on a slow pub/sub,
      // so the mutation waits that once, not once per event.
      const events = result.changed.flatMap((field) => FIELD_EVENTS[field] ?? []);
      if (narrowsReaders(result.issue, result.changed)) events.push('issueReadersNarrowed');
      await Promise.all(
        (['issueUpdated', ...events] as const).map((event) => this.announce(result.issue, event)),
      );
    }
    // Unassigning yourself from a confidential issue can take away your own access.
    return { issue: Ability.readIssue(viewer, result.issue) ? result.issue : null, errors: [] };
  }

  private refusedUpfront(changes: IssueChanges): string[] {
    const errors: string[] = textErrors(changes);
    const { assignees, labels, dueDate, milestoneId } = changes;
    if (assignees && new Set(assignees.usernames).size > this.maxAssignees)
      errors.push(`Too many assignees: an issue may have at most ${this.maxAssignees}`);
    const lists = [labels?.set, labels?.add, labels?.remove];
    if (lists.some((list) => list && new Set(list).size > MAX_LABELS))
      errors.push(`Too many labels: an issue may have at most ${MAX_LABELS}`);
    if (dueDate != null && !isCalendarDate(dueDate))
      errors.push('Due date must be a date (YYYY-MM-DD)');
    if (milestoneId != null && !(milestoneId > 0 && milestoneId <= 2_147_483_647))
      errors.push(`Milestone not found: ${milestoneId}`);
    return errors;
  }

  /** The new values, computed from the issue as committed (inside the transaction). */
  private patch(
    current: IssueRecord,
    changes: IssueChanges,
    assigneeIds: readonly number[],
    labels: ReadonlyMap<number, LabelRecord>,
  ): IssuePatch {
    const patch: IssuePatch = textPatch(changes, current);
    if (changes.assignees) {
      const ids = current.assignees.map((user) => user.id);
      patch.assigneeIds = applyMode(ids, assigneeIds, changes.assignees.mode);
      if (patch.assigneeIds.length > this.maxAssignees)
        throw new RefusedChange(
          `Too many assignees: an issue may have at most ${this.maxAssignees}`,
        );
    }
    if (changes.labels) {
      patch.labelIds = nextLabelIds(current.labels, changes.labels, labels);
      if (patch.labelIds.length > MAX_LABELS)
        throw new RefusedChange(`Too many labels: an issue may have at most ${MAX_LABELS}`);
    }
    if (changes.milestoneId !== undefined) patch.milestoneId = changes.milestoneId;
    if (changes.dueDate !== undefined) patch.dueDate = changes.dueDate;
    if (changes.confidential !== undefined) patch.confidential = changes.confidential;
    return patch;
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

  /** The project's labels the request names, by id, or the errors for those it has not. */
  private async resolveLabels(
    issue: IssueRecord,
    request: NonNullable<IssueChanges['labels']>,
  ): Promise<Map<number, LabelRecord> | string[]> {
    const ids = [
      ...new Set([...(request.set ?? []), ...(request.add ?? []), ...(request.remove ?? [])]),
    ];
    const found = await this.repository.findLabels(issue.projectId, ids);
    const byId = new Map(found.map((label) => [label.id, label]));
    const unknown = ids.filter((id) => !byId.has(id));
    return unknown.length > 0 ? [`Labels not found: ${unknown.join(', ')}`] : byId;
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
