import { parseGlobalId } from '@shared/graphql/global-id.js';

import type { IssueRepository } from '../domain/repository.js';
import { isIssueRecord } from '../domain/types.js';

import type { TopicState } from './subscriptions/topic-state.js';

/**
 * What the engine may know of issue topics (`issueUpdated(issueId:)`,
 * `issuableAssigneesUpdated(issuableId:)`): the issue as it is now, read by id (shared by a
 * subscribe storm through the single-flight repository), and its version, `updatedAt`, which
 * every write moves forward by at least 1 ms under the row lock.
 */
export function issueTopicState(repository: Pick<IssueRepository, 'findIssueById'>): TopicState {
  return {
    current({ args }) {
      const gid = args.issueId ?? args.issuableId;
      const id = typeof gid === 'string' ? parseGlobalId(gid, 'Issue') : null;
      return id === null ? Promise.resolve(null) : repository.findIssueById(id);
    },
    versionOf: (object) => (isIssueRecord(object) ? object.updatedAt.getTime() : undefined),
  };
}
