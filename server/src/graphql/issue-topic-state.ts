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
): TopicState {
  return {
    current({ field, args }) {
      if (field === PROJECT_ISSUES_FIELD) return projectResync(repository, args.projectPath);
      const gid = args.issueId ?? args.issuableId;
      const id = typeof gid === 'string' ? parseGlobalId(gid, 'Issue') : null;
      if (id === null) return Promise.resolve(null);
      return field === PRESENCE_FIELD ? presence.current(id) : repository.findIssueById(id);
    },
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
