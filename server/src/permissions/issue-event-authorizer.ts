import { isIssuePresenceEvent, isIssueRecord } from '../domain/types.js';
import type { IdentityRepository, ProjectViewer } from '../domain/identity.js';

import { Ability } from './ability.js';
import type { Caller } from './principal.js';

/**
 * The subscription engine's check before every push of an issue event: `read_issue` for every
 * subscriber as they are now (blocked, membership, admin), read for all of them in ONE query per
 * event and process, so a thousand viewers cost one read, not a thousand. `contexts` are the
 * subscribers' GraphQL contexts. A presence event is checked against the issue it carries, so
 * a confidential issue's viewers reach only its readers. Anything else is refused.
 */
export function issueEventAuthorizer(identity: IdentityRepository) {
  return async (
    event: unknown,
    contexts: readonly unknown[],
  ): Promise<(context: unknown) => boolean> => {
    const issue = isIssuePresenceEvent(event) ? event.issue : event;
    if (!isIssueRecord(issue)) return () => false;
    const userIds = new Set<number>();
    for (const context of contexts) {
      const user = (context as Caller).currentUser;
      if (user) userIds.add(user.id);
    }
    const viewers =
      userIds.size > 0
        ? await identity.projectViewers(issue.projectId, [...userIds])
        : new Map<number, ProjectViewer>();
    return (context) => {
      const user = (context as Caller).currentUser;
      if (!user) return Ability.readIssue(null, issue);
      const viewer = viewers.get(user.id);
      return viewer !== undefined && Ability.readIssue(viewer, issue); // a deleted user sees nothing
    };
  };
}
