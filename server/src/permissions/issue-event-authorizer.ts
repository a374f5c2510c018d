import {
  isIssuePresenceEvent,
  isIssueRecord,
  isProjectIssueEvent,
  isProjectIssuesResync,
  type IssueRecord,
  type ProjectRecord,
} from '../domain/types.js';
import type { IdentityRepository, ProjectViewer } from '../domain/identity.js';

import { Ability, type Viewer } from './ability.js';
import type { Caller } from './principal.js';

/**
 * A subscriber's answer for one event: `true` deliver it, `false` the subscriber may no longer
 * see the topic (the engine ends it), `'skip'` not this event, but the topic still (a list
 * subscriber who may not read one confidential issue of the project).
 */
export type EventVerdict = boolean | 'skip';

/**
 * The subscription engine's check before every push of an issue event: `read_issue` for every
 * subscriber as they are now (blocked, membership, admin), read for all of them in ONE query per
 * event and process, so a thousand viewers cost one read, not a thousand. `contexts` are the
 * subscribers' GraphQL contexts. A presence event is checked against the issue it carries, so
 * a confidential issue's viewers reach only its readers. A project's list event
 * (`projectIssuesUpdated`) goes to the issue's readers and skips the project's other readers;
 * its resync goes to the project's readers. Anything else is refused.
 */
export function issueEventAuthorizer(identity: IdentityRepository) {
  return async (
    event: unknown,
    contexts: readonly unknown[],
  ): Promise<(context: unknown) => EventVerdict> => {
    const check = verdictFor(event);
    if (!check) return () => false;
    const userIds = new Set<number>();
    for (const context of contexts) {
      const user = (context as Caller).currentUser;
      if (user) userIds.add(user.id);
    }
    const viewers =
      userIds.size > 0
        ? await identity.projectViewers(check.projectId, [...userIds])
        : new Map<number, ProjectViewer>();
    return (context) => {
      const user = (context as Caller).currentUser;
      if (!user) return check.verdict(null);
      const viewer = viewers.get(user.id);
      return viewer !== undefined && check.verdict(viewer); // a deleted user sees nothing
    };
  };
}

interface Check {
  projectId: number;
  verdict(viewer: Viewer): EventVerdict;
}

function verdictFor(event: unknown): Check | null {
  if (isProjectIssueEvent(event)) return listCheck(event.issue);
  if (isProjectIssuesResync(event)) return projectCheck(event.project);
  const issue = isIssuePresenceEvent(event) ? event.issue : event;
  if (!isIssueRecord(issue)) return null;
  return { projectId: issue.projectId, verdict: (viewer) => Ability.readIssue(viewer, issue) };
}

function listCheck(issue: IssueRecord): Check {
  const project = { visibility: issue.projectVisibility };
  return {
    projectId: issue.projectId,
    verdict: (viewer) =>
      Ability.readIssue(viewer, issue) || (Ability.readProject(viewer, project) && 'skip'),
  };
}

function projectCheck(project: Pick<ProjectRecord, 'id' | 'visibility'>): Check {
  return { projectId: project.id, verdict: (viewer) => Ability.readProject(viewer, project) };
}
