import { isIssueRecord } from '../domain/types.js';
import type { IdentityRepository, ProjectViewer } from '../domain/identity.js';

import { Ability } from './ability.js';
import type { Caller } from './principal.js';

/**
 * The subscription engine's check before every push of an issue event: `read_issue` for every
 * subscriber as they are now (blocked, membership, admin), read for all of them in ONE query per
 * event and process, so a thousand viewers cost one read, not a thousand. `contexts` are the
 * subscribers' GraphQL contexts; anything but an issue event is refused.
 */
export function issueEventAuthorizer(identity: IdentityRepository) {
  return async (
    event: unknown,
    contexts: readonly unknown[],
  ): Promise<(context: unknown) => boolean> => {
    if (!isIssueRecord(event)) return () => false;
    const userIds = new Set<number>();
    for (const context of contexts) {
      const user = (context as Caller).currentUser;
      if (user) userIds.add(user.id);
    }
    const viewers =
      userIds.size > 0
        ? await identity.projectViewers(event.projectId, [...userIds])
        : new Map<number, ProjectViewer>();
    return (context) => {
      const user = (context as Caller).currentUser;
      if (!user) return Ability.readIssue(null, event);
      const viewer = viewers.get(user.id);
      return viewer !== undefined && Ability.readIssue(viewer, event); // a deleted user sees nothing
    };
  };
}
