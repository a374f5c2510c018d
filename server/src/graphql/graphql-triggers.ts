import type { Logger } from 'pino';

import { toGlobalId } from '@shared/graphql/global-id.js';

import type { IssueCreatedEvents } from '../domain/issue-create-service.js';
import type { IssueEvents } from '../domain/issue-update-service.js';
import type { IssuePresenceEvent, IssueRecord } from '../domain/types.js';

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

  private issuable(field: string, issue: IssueRecord): Promise<void> {
    return this.trigger(field, { issuableId: toGlobalId('Issue', issue.id) }, issue);
  }

  /** Triggers `issueUpdated(issueId: "gid://gitlab/Issue/<id>")`. */
  issueUpdated(issue: IssueRecord): Promise<void> {
    return this.trigger('issueUpdated', { issueId: toGlobalId('Issue', issue.id) }, issue);
  }

  /**
   * A new issue, announced like an update: `issueUpdated` on its own topic. The one hook every
   * creation calls after its commit; project-level events (the issue list) belong here too.
   */
  issueCreated(issue: IssueRecord): Promise<void> {
    return this.issueUpdated(issue);
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
    object: IssueRecord | IssuePresenceEvent,
  ): Promise<void> {
    if (this.gate && !this.gate.broadcastEnabled()) {
      this.gate.logger.debug(
        { field, issueId: 'kind' in object ? object.issue.id : object.id },
        'trigger skipped: broadcast_issue_updates is off',
      );
      return Promise.resolve();
    }
    return this.subscriptions.trigger(field, args, object);
  }
}
