import { toGlobalId } from '@shared/graphql/global-id.js';

import type { IssueEvents } from '../domain/issue-update-service.js';
import type { IssueRecord } from '../domain/types.js';

import type { ActionCableSubscriptions } from './subscriptions/action-cable-subscriptions.js';

/**
 * The facade domain services call after a commit (GitLab's `GraphqlTriggers`): one method per
 * event, each a thin call to the subscription engine with the topic's arguments. Resolvers never
 * publish on their own. The event carries the whole loaded issue, so a delivery reads nothing.
 */
export class GraphqlTriggers implements IssueEvents {
  constructor(private readonly subscriptions: Pick<ActionCableSubscriptions, 'trigger'>) {}

  /** Triggers GitLab's `issuableAssigneesUpdated(issuableId: "gid://gitlab/Issue/<id>")`. */
  issuableAssigneesUpdated(issue: IssueRecord): Promise<void> {
    return this.subscriptions.trigger(
      'issuableAssigneesUpdated',
      { issuableId: toGlobalId('Issue', issue.id) },
      issue,
    );
  }

  /** Triggers `issueUpdated(issueId: "gid://gitlab/Issue/<id>")`. */
  issueUpdated(issue: IssueRecord): Promise<void> {
    return this.subscriptions.trigger(
      'issueUpdated',
      { issueId: toGlobalId('Issue', issue.id) },
      issue,
    );
  }
}
