import type { Logger } from 'pino';

import { Ability } from '../permissions/ability.js';
import { isCalendarDate } from './dates.js';
import type { AccountRecord, IdentityRepository } from './identity.js';
import { textErrors } from './issue-text.js';
import { MAX_ASSIGNEES, MAX_LABELS } from './issue-update-service.js';
import { nextLabelIds } from './labels.js';
import type { IssueRepository } from './repository.js';
import type { IssueRecord, ProjectRecord } from './types.js';

export interface CreateIssueInput {
  project: ProjectRecord;
  actor: AccountRecord;
  title: string;
  description: string | null;
  confidential: boolean;
  assigneeIds: readonly number[];
  /** Label ids of the project; of several labels of one scope, the last is kept. */
  labelIds?: readonly number[];
  /** A milestone of the project, or null/absent for none. */
  milestoneId?: number | null;
  /** `YYYY-MM-DD`, or null/absent for none. */
  dueDate?: string | null;
}

/**
 * `forbidden`: the actor may see the project but not create issues in it; `hidden`: they may not
 * see it (answered like a missing project); `invalid`: nothing was written, `errors` say why,
 * each starting with the name of the field it is about ("Title …", "Milestone …") so a form can
 * show it beside that field.
 */
export type CreateIssueResult =
  | { kind: 'created'; issue: IssueRecord }
  | { kind: 'hidden' | 'forbidden' }
  | { kind: 'invalid'; errors: string[] };

/** What the domain announces after a creation; GraphqlTriggers implements it. */
export interface IssueCreatedEvents {
  /** A new issue: its project's list (`projectIssuesUpdated`) shows it to those who may read it. */
  issueCreated(issue: IssueRecord): Promise<void>;
}

/**
 * Creates issues (GitLab's `Issues::CreateService`) for REST and GraphQL alike: checked against
 * the same ability rules as updates, every field validated before anything is written, the issue
 * and its assignees and labels written in one transaction, then announced once.
 */
export class IssueCreateService {
  constructor(
    private readonly repository: IssueRepository,
    private readonly identity: IdentityRepository,
    private readonly events: IssueCreatedEvents,
    private readonly logger: Logger,
    private readonly maxAssignees = MAX_ASSIGNEES,
  ) {}

  async create(input: CreateIssueInput): Promise<CreateIssueResult> {
    const { project, actor } = input;
    const viewer =
      (await this.identity.projectViewers(project.id, [actor.id])).get(actor.id) ?? null;
    if (!Ability.readProject(viewer, project)) return { kind: 'hidden' };
    if (!Ability.createIssue(viewer, project)) return { kind: 'forbidden' };

    const title = input.title.trim();
    const assigneeIds = [...new Set(input.assigneeIds)];
    const requestedLabels = [...new Set(input.labelIds ?? [])];
    // Checks that need no read first: a hostile request costs nothing more.
    const upfront = this.refusedUpfront(input, title, assigneeIds, requestedLabels);
    if (upfront.length > 0) return { kind: 'invalid', errors: upfront };

    const [assigneeErrors, labels, milestoneError] = await Promise.all([
      this.unassignable(input, assigneeIds),
      this.projectLabels(project.id, requestedLabels),
      this.missingMilestone(project.id, input.milestoneId ?? null),
    ]);
    const errors = [...assigneeErrors, ...labels.errors, ...milestoneError];
    if (errors.length > 0) return { kind: 'invalid', errors };

    const issue = await this.repository.createIssue({
      projectId: project.id,
      title,
      description: input.description,
      confidential: input.confidential,
      authorId: actor.id,
      assigneeIds,
      labelIds: labels.ids,
      milestoneId: input.milestoneId ?? null,
      dueDate: input.dueDate ?? null,
    });
    this.logger.info(
      { issueId: issue.id, projectId: project.id, iid: issue.iid, userId: actor.id },
      'issue created',
    );
    await this.announce(issue);
    return { kind: 'created', issue };
  }

  private refusedUpfront(
    input: CreateIssueInput,
    title: string,
    assigneeIds: readonly number[],
    labelIds: readonly number[],
  ): string[] {
    // The same text rules as an update (length in code points, no U+0000).
    const errors = textErrors({ title, description: input.description });
    if (assigneeIds.length > this.maxAssignees)
      errors.push(`Too many assignees: an issue may have at most ${this.maxAssignees}`);
    if (labelIds.length > MAX_LABELS)
      errors.push(`Too many labels: an issue may have at most ${MAX_LABELS}`);
    const milestone = input.milestoneId;
    if (
      milestone != null &&
      !(Number.isInteger(milestone) && milestone > 0 && milestone <= 2 ** 31 - 1)
    )
      errors.push(`Milestone not found: ${milestone}`);
    if (input.dueDate != null && !isCalendarDate(input.dueDate))
      errors.push('Due date must be a date (YYYY-MM-DD)');
    return errors;
  }

  /** Messages for requested assignees who are unknown, not members, or could not read the issue. */
  private async unassignable(input: CreateIssueInput, ids: readonly number[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const viewers = await this.identity.projectViewers(input.project.id, ids);
    const unknown = ids.filter((id) => !viewers.has(id));
    if (unknown.length > 0) return [`Unknown user ids in assignee_ids: ${unknown.join(', ')}`];
    // The issue as it will be, minus its assignees: being assigned must not be what grants access.
    const draft: IssueRecord = {
      id: 0,
      projectId: input.project.id,
      projectFullPath: input.project.fullPath,
      projectVisibility: input.project.visibility,
      iid: 0,
      title: input.title,
      description: input.description,
      state: 'opened',
      confidential: input.confidential,
      author: { id: input.actor.id, username: input.actor.username, name: input.actor.name },
      assignees: [],
      createdAt: new Date(0),
      updatedAt: new Date(0),
      updatedBy: null,
      labels: [],
      milestone: null,
      dueDate: null,
    };
    return ids
      .filter((id) => !Ability.assignIssueTo(viewers.get(id) ?? null, draft))
      .map((id) => `Cannot assign user ${id} to a new issue in ${input.project.fullPath}`);
  }

  /** The labels to write (one per scope, the last one named winning), or those not in the project. */
  private async projectLabels(
    projectId: number,
    ids: readonly number[],
  ): Promise<{ ids: number[]; errors: string[] }> {
    if (ids.length === 0) return { ids: [], errors: [] };
    const found = await this.repository.findLabels(projectId, ids);
    const byId = new Map(found.map((label) => [label.id, label]));
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length > 0) return { ids: [], errors: [`Labels not found: ${unknown.join(', ')}`] };
    return { ids: nextLabelIds([], { set: ids }, byId), errors: [] };
  }

  private async missingMilestone(projectId: number, id: number | null): Promise<string[]> {
    if (id === null) return [];
    return (await this.repository.findMilestone(projectId, id))
      ? []
      : [`Milestone not found: ${id}`];
  }

  private async announce(issue: IssueRecord): Promise<void> {
    try {
      await this.events.issueCreated(issue);
    } catch (error) {
      // The issue is committed; lists converge on their next load.
      this.logger.error({ err: error, issueId: issue.id }, 'issue creation broadcast failed');
    }
  }
}
