import { parseGlobalId } from '@shared/graphql/global-id.js';

import type { IssueRepository } from '../domain/repository.js';
import {
  isIssuePresenceEvent,
  isIssueRecord,
  type IssuePresenceEvent,
  type ProjectIssuesResync,
} from '../domain/types.js';

import type { TopicState } from './subscriptions/topic-state.js';

/** Reads an issue with its viewers now (see presence/issue-presence.ts). */
export interface PresenceReader {
  current(issueId: number): Promise<IssuePresenceEvent | null>;
}

/** The presence topic: its events are IssuePresenceEvents, versioned by the viewers' change number. */
export const PRESENCE_FIELD = 'issuableViewersUpdated';

/** A project's list topic: its events are ProjectIssueEvents of many issues, so unversioned. */
export const PROJECT_ISSUES_FIELD = 'projectIssuesUpdated';

/**
 * How long an issue's latest state (an event's, or a read's) is the first payload of further
 * subscribers in a process: a subscribe storm on one issue reads it about once a second, not once
 * per subscriber. Announced changes reach them as events whatever its age; what no event
 * announces (a status change of an assignee of an older issue, see UserStatusService) is seen
 * by a new subscriber at most this late.
 */
export const SHARED_STATE_MS = 1000;

/**
 * What the engine may know of issue topics (`issueUpdated(issueId:)`,
 * `issuableAssigneesUpdated(issuableId:)`): the issue as it is now, read by id (shared by a
 * subscribe storm through the single-flight repository), and its version, `updatedAt`, which
 * every write moves forward by at least 1 ms under the row lock. The presence topic
 * (`issuableViewersUpdated`) carries the issue with its viewers instead, whose version is the
 * viewers' change number: a presence push never moves, nor is ordered by, the issue's version.
 * A project's list topic (`projectIssuesUpdated`) carries many issues, so it has no one current
 * state: its "current" is a resync marker (a null payload: the client reloads its list), and its
 * events are not ordered here (each issue's `updatedAt` orders it on the client).
 */
export function issueTopicState(
  repository: Pick<IssueRepository, 'findIssueById' | 'findProjectByFullPath'>,
  presence: PresenceReader,
  /** Whether changes are announced now (`broadcast_issue_updates`): else nothing is shared. */
  announced: () => boolean = () => true,
  shareMs = SHARED_STATE_MS,
): TopicState {
  return {
    current({ field, args }) {
      if (field === PROJECT_ISSUES_FIELD) return projectResync(repository, args.projectPath);
      const gid = args.issueId ?? args.issuableId;
      const id = typeof gid === 'string' ? parseGlobalId(gid, 'Issue') : null;
      if (id === null) return Promise.resolve(null);
      return field === PRESENCE_FIELD ? presence.current(id) : repository.findIssueById(id);
    },
    // Presence changes with every viewer and is pushed at most once a second: always read.
    sharedFor: ({ field }) => (field !== PRESENCE_FIELD && announced() ? shareMs : 0),
    versionOf(object) {
      if (isIssueRecord(object)) return object.updatedAt.getTime();
      return isIssuePresenceEvent(object) ? object.viewers?.version : undefined;
    },
  };
}

async function projectResync(
  repository: Pick<IssueRepository, 'findProjectByFullPath'>,
  projectPath: unknown,
): Promise<ProjectIssuesResync | null> {
  if (typeof projectPath !== 'string') return null;
  const project = await repository.findProjectByFullPath(projectPath);
  return project && { kind: 'project_issues_resync', project };
}
