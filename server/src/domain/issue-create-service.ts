import type { Logger } from 'pino';

import { Ability } from '../permissions/ability.js';
import type { AccountRecord, IdentityRepository } from './identity.js';
import { MAX_ASSIGNEES } from './issue-update-service.js';
import type { IssueRepository } from './repository.js';
import type { IssueRecord, ProjectRecord } from './types.js';

export interface CreateIssueInput {
  project: ProjectRecord;
  actor: AccountRecord;
  title: string;
  description: string | null;
  confidential: boolean;
  assigneeIds: readonly number[];
}

/**
 * `forbidden`: the actor may see the project but not create issues in it; `hidden`: they may not
 * see it (answered like a missing project); `invalid`: nothing was written, `errors` say why.
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
 * Creates issues (GitLab's `Issues::CreateService`), checked against the same ability rules as
 * updates. Nobody can be subscribed to an issue that does not exist yet, so the only event is
 * the project's list event, announced after the commit.
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

    const assigneeIds = [...new Set(input.assigneeIds)];
    if (assigneeIds.length > this.maxAssignees) {
      return {
        kind: 'invalid',
        errors: [`Too many assignees: an issue may have at most ${this.maxAssignees}`],
      };
    }
    const refused = await this.unassignable(input, assigneeIds);
    if (refused.length > 0) return { kind: 'invalid', errors: refused };

    const issue = await this.repository.createIssue({
      projectId: project.id,
      title: input.title,
      description: input.description,
      confidential: input.confidential,
      authorId: actor.id,
      assigneeIds,
    });
    this.logger.info(
      { issueId: issue.id, projectId: project.id, iid: issue.iid, userId: actor.id },
      'issue created',
    );
    try {
      await this.events.issueCreated(issue);
    } catch (error) {
      // The issue is committed; lists converge on their next reload (their resync is a reload).
      this.logger.error({ err: error, issueId: issue.id }, 'issue broadcast failed');
    }
    return { kind: 'created', issue };
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
}
