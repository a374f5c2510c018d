import type { Logger } from 'pino';

import { Ability, type Viewer } from '../permissions/ability.js';
import { isCalendarDate } from './dates.js';
import type { AccountRecord, IdentityRepository } from './identity.js';
import { narrowsReaders } from './issue-readers.js';
import { changedFields, changedPatch, patchedRecord } from './issue-patch.js';
import { textErrors, type TextChanges } from './issue-text.js';
import { namedLabelIds } from './labels.js';
import {
  STALE,
  type IssueField,
  type IssueRepository,
  type UpdateContextRequest,
} from './repository.js';
import type { IssueRecord } from './types.js';
import { decideUpdate } from './update-decision.js';

export { applyMode } from './update-decision.js';

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

/** An update that went through: the issue as committed (or as read, when nothing changed). */
interface Written {
  issue: IssueRecord;
  changed: IssueField[];
  viewer: Viewer;
}

/**
 * The only write path for issues (GitLab's `Issues::UpdateService`): every change, whether from
 * GraphQL, REST or a script, goes through here, is checked against `update_issue`, commits
 * atomically (one statement, see `update`), and after the commit is announced through {@link IssueEvents}: `issueUpdated` once,
 * and once the event of each field that changed. A failed announcement is logged and never fails
 * the write.
 */
export class IssueUpdateService {
  constructor(
    private readonly repository: IssueRepository,
    // Memberships now come with the update's one read; kept so every caller builds it as before.
    _identity: IdentityRepository,
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

  /**
   * Applies `changes` atomically, or writes nothing and answers why. Two database round trips:
   * one read of everything the decision needs, one statement that writes if the issue is still
   * as read. When another write came between them, the decision is made again in a transaction
   * under the issue's row lock, so no change is lost.
   */
  async update(target: IssueTarget, changes: IssueChanges): Promise<UpdateResult> {
    // Checks that need no read come first: a hostile request costs nothing more.
    const refused = this.refusedUpfront(changes);
    if (refused.length > 0) return { issue: null, errors: refused };
    if (!/^\d{1,9}$/.test(target.iid)) return { issue: null, errors: [NOT_FOUND_MESSAGE] };
    const request: UpdateContextRequest = {
      projectPath: target.projectPath,
      iid: Number(target.iid),
      actorId: target.actor?.id ?? null,
      usernames: [...new Set(changes.assignees?.usernames ?? [])],
      labelIds: changes.labels ? namedLabelIds(changes.labels) : [],
      milestoneId: changes.milestoneId ?? null,
    };
    let outcome = await this.attempt(this.repository, request, changes);
    if (outcome === STALE) {
      outcome = await this.repository.transaction((locked) =>
        this.attempt(locked, { ...request, lock: true }, changes),
      );
    }
    if (outcome === STALE) throw new Error(`Issue #${target.iid} changed under its row lock`);
    if (!('changed' in outcome)) return outcome;
    const { issue, changed, viewer } = outcome;
    if (changed.length > 0) {
      // Published together (in this order): each waits at most publishWaitMs on a slow pub/sub,
      // so the mutation waits that once, not once per event.
      const events = changed.flatMap((field) => FIELD_EVENTS[field] ?? []);
      if (narrowsReaders(issue, changed)) events.push('issueReadersNarrowed');
      await Promise.all(
        (['issueUpdated', ...events] as const).map((event) => this.announce(issue, event)),
      );
    }
    // Unassigning yourself from a confidential issue can take away your own access.
    return { issue: Ability.readIssue(viewer, issue) ? issue : null, errors: [] };
  }

  /** One read, the decision, and the write unless nothing changes or the issue moved on. */
  private async attempt(
    repository: IssueRepository,
    request: UpdateContextRequest,
    changes: IssueChanges,
  ): Promise<Written | UpdateResult | typeof STALE> {
    const context = await repository.loadUpdateContext(request);
    const viewer = context?.actor?.viewer ?? null;
    if (!context || !Ability.updateIssue(viewer, context.issue))
      return { issue: null, errors: [NOT_FOUND_MESSAGE] };
    const { issue } = context;
    const decided = decideUpdate(context, changes, {
      maxAssignees: this.maxAssignees,
      maxLabels: MAX_LABELS,
    });
    if ('errors' in decided) return { issue, errors: decided.errors };
    const { patch } = decided;
    const changed = changedFields(issue, patch);
    if (changed.length === 0) return { issue, changed, viewer };
    const written = changedPatch(patch, changed);
    const updatedAt = await repository.writeIssue(
      issue.id,
      context.version,
      written,
      request.actorId,
    );
    if (updatedAt === STALE) return STALE;
    return { issue: patchedRecord(context, written, updatedAt), changed, viewer };
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

  private async announce(issue: IssueRecord, event: keyof IssueEvents): Promise<void> {
    try {
      await this.events[event](issue);
    } catch (error) {
      // The write is committed; viewers converge on their next re-subscribe (current state first).
      this.logger.error({ err: error, issueId: issue.id, event }, 'issue broadcast failed');
    }
  }
}
