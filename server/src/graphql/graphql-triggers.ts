import type { Logger } from 'pino';

import { toGlobalId } from '@shared/graphql/global-id.js';

import type { IssueCreatedEvents } from '../domain/issue-create-service.js';
import type { IssueEvents } from '../domain/issue-update-service.js';
import type {
  IssuePresenceEvent,
  IssueRecord,
  ProjectIssueEvent,
  ProjectIssuesResync,
} from '../domain/types.js';

import type { ActionCableSubscriptions } from './subscriptions/action-cable-subscriptions.js';

/** The `broadcast_issue_updates` feature flag, read on every event. */
export interface BroadcastGate {
  broadcastEnabled(): boolean;
  logger: Pick<Logger, 'debug'>;
}

/**
 * The facade domain services call after a commit (GitLab's `GraphqlTriggers`): one method per
 * event, each a thin call to the subscription engine with the topic's arguments. Resolvers never
 * publish on their own. The event carries the whole loaded issue, so a delivery reads nothing.
 * With the `broadcast_issue_updates` flag off, events are dropped here (the write stands).
 */
export class GraphqlTriggers implements IssueEvents, IssueCreatedEvents {
  constructor(
    private readonly subscriptions: Pick<ActionCableSubscriptions, 'trigger'>,
    private readonly gate?: BroadcastGate,
  ) {}

  /** Triggers GitLab's `issuableAssigneesUpdated(issuableId: "gid://gitlab/Issue/<id>")`. */
  issuableAssigneesUpdated(issue: IssueRecord): Promise<void> {
    return this.trigger(
      'issuableAssigneesUpdated',
      { issuableId: toGlobalId('Issue', issue.id) },
      issue,
    );
  }

  /** Triggers GitLab's `issuableLabelsUpdated(issuableId: …)`. */
  issuableLabelsUpdated(issue: IssueRecord): Promise<void> {
    return this.issuable('issuableLabelsUpdated', issue);
  }

  /** Triggers GitLab's `issuableMilestoneUpdated(issuableId: …)`. */
  issuableMilestoneUpdated(issue: IssueRecord): Promise<void> {
    return this.issuable('issuableMilestoneUpdated', issue);
  }

  /** Triggers GitLab's `issuableDatesUpdated(issuableId: …)` (the due date). */
  issuableDatesUpdated(issue: IssueRecord): Promise<void> {
    return this.issuable('issuableDatesUpdated', issue);
  }

  /** Triggers GitLab's `issuableTitleUpdated(issuableId: …)`. */
  issuableTitleUpdated(issue: IssueRecord): Promise<void> {
    return this.issuable('issuableTitleUpdated', issue);
  }

  /** Triggers GitLab's `issuableDescriptionUpdated(issuableId: …)`. */
  issuableDescriptionUpdated(issue: IssueRecord): Promise<void> {
    return this.issuable('issuableDescriptionUpdated', issue);
  }

  private issuable(field: string, issue: IssueRecord): Promise<void> {
    return this.trigger(field, { issuableId: toGlobalId('Issue', issue.id) }, issue);
  }

  /**
   * Triggers `issueUpdated(issueId: "gid://gitlab/Issue/<id>")`, and the project's list event
   * `projectIssuesUpdated(projectPath:)` with it (published together: a slow pub/sub is waited
   * for once).
   */
  async issueUpdated(issue: IssueRecord): Promise<void> {
    await Promise.all([
      this.trigger('issueUpdated', { issueId: toGlobalId('Issue', issue.id) }, issue),
      this.projectIssuesUpdated(issue),
    ]);
  }

  /** A new issue: only the project's list can be listening (nobody subscribes to it yet). */
  issueCreated(issue: IssueRecord): Promise<void> {
    return this.projectIssuesUpdated(issue);
  }

  /**
   * The issue's readers may have shrunk: the project's lists get a resync (a null payload: every
   * list reloads), so the issue leaves the lists of those who may no longer read it, though
   * they are sent nothing of it.
   */
  issueReadersNarrowed(issue: IssueRecord): Promise<void> {
    const project = {
      id: issue.projectId,
      fullPath: issue.projectFullPath,
      visibility: issue.projectVisibility,
    };
    const event: ProjectIssuesResync = { kind: 'project_issues_resync', project };
    return this.trigger('projectIssuesUpdated', { projectPath: issue.projectFullPath }, event);
  }

  private projectIssuesUpdated(issue: IssueRecord): Promise<void> {
    const event: ProjectIssueEvent = { kind: 'project_issue', issue };
    return this.trigger('projectIssuesUpdated', { projectPath: issue.projectFullPath }, event);
  }

  /** Triggers `issuableViewersUpdated(issuableId:)` with the issue and its viewers (presence). */
  issuableViewersUpdated(event: IssuePresenceEvent): Promise<void> {
    return this.trigger(
      'issuableViewersUpdated',
      { issuableId: toGlobalId('Issue', event.issue.id) },
      event,
    );
  }

  private trigger(
    field: string,
    args: Record<string, string>,
    object: IssueRecord | IssuePresenceEvent | ProjectIssueEvent | ProjectIssuesResync,
  ): Promise<void> {
    if (this.gate && !this.gate.broadcastEnabled()) {
      this.gate.logger.debug(
        { field, ...('kind' in object ? subjectOf(object) : { issueId: object.id }) },
        'trigger skipped: broadcast_issue_updates is off',
      );
      return Promise.resolve();
    }
    return this.subscriptions.trigger(field, args, object);
  }
}

function subjectOf(event: IssuePresenceEvent | ProjectIssueEvent | ProjectIssuesResync) {
  return 'issue' in event ? { issueId: event.issue.id } : { projectId: event.project.id };
}
