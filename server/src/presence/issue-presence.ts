import type { Logger } from 'pino';

import type { IdentityRepository } from '../domain/identity.js';
import { InFlight } from '../domain/in-flight.js';
import type { IssueRepository } from '../domain/repository.js';
import type { IssuePresenceEvent, IssueRecord, IssueViewersRecord } from '../domain/types.js';
import { Ability } from '../permissions/ability.js';

import type { PresenceStore, StoredViewers } from './presence-store.js';
import { PresenceTracker } from './presence-tracker.js';
import { PushScheduler } from './push-scheduler.js';

/** Signed-in viewers listed by name in one push or query; `userCount` counts every one. */
export const LISTED_VIEWERS = 50;

export interface PresenceTiming {
  /** At most one push per issue within this interval, across every process (default 1 s). */
  pushIntervalMs: number;
  /** Local changes are written to the store together at most this often (default 50 ms). */
  flushMs: number;
  /** This process renews its entries this often (default 2 s; the Redis TTL is 3 times it). */
  renewMs: number;
}

export const DEFAULT_PRESENCE_TIMING: PresenceTiming = {
  pushIntervalMs: 1000,
  flushMs: 50,
  renewMs: 2000,
};

export interface IssuePresenceDeps {
  store: PresenceStore;
  repository: Pick<IssueRepository, 'findIssueById' | 'findUsersByIds'>;
  identity: Pick<IdentityRepository, 'projectViewers'>;
  /** Publishes a presence event to every process's `issuableViewersUpdated` subscribers. */
  publish: (event: IssuePresenceEvent) => Promise<void>;
  /** The `issue_presence` flag, read on every query and push. */
  enabled: () => boolean;
  logger: Logger;
  timing: PresenceTiming;
}

/**
 * Who is viewing an issue now: viewers are counted by the tracker (the engine's observer),
 * pushed by the scheduler (coalesced), and read for queries and first payloads. Only users
 * who may read the issue are listed, and each push is checked per subscriber like any other.
 */
export class IssuePresence {
  readonly tracker: PresenceTracker;
  private readonly scheduler: PushScheduler;
  private readonly reads = new InFlight<IssueViewersRecord>();
  private enabled: boolean;

  constructor(private readonly deps: IssuePresenceDeps) {
    const { store, logger, timing } = deps;
    this.scheduler = new PushScheduler(
      store,
      (issueId, viewers) => this.push(issueId, viewers),
      logger,
      timing.pushIntervalMs,
    );
    this.tracker = new PresenceTracker({
      store,
      changed: (issueId, seq) => this.scheduler.changed(issueId, seq),
      logger,
      flushMs: timing.flushMs,
      renewMs: timing.renewMs,
    });
    this.enabled = deps.enabled();
    this.tracker.setEnabled(this.enabled);
  }

  /** The issue with its viewers now (first payloads of `issuableViewersUpdated`), or null. */
  async current(issueId: number): Promise<IssuePresenceEvent | null> {
    const issue = await this.deps.repository.findIssueById(issueId);
    if (!issue) return null;
    return { kind: 'issue_presence', issue, viewers: await this.viewersOf(issue) };
  }

  /** `Issue.viewers`: null while the flag is off. Concurrent reads of one issue share one. */
  async viewersOf(issue: IssueRecord): Promise<IssueViewersRecord | null> {
    if (!this.deps.enabled()) return null;
    return this.reads.run(String(issue.id), async () =>
      this.record(issue, await this.deps.store.read(issue.id)),
    );
  }

  /** The flag changed: counts are written (on) or removed (off), and open pages are told. */
  async flagChanged(): Promise<void> {
    const enabled = this.deps.enabled();
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.tracker.setEnabled(enabled);
    if (enabled) return; // the rewrite pushes every issue viewed here
    await this.tracker.settle();
    for (const issueId of this.tracker.local.issueIds()) {
      const issue = await this.deps.repository.findIssueById(issueId);
      if (issue) await this.deps.publish({ kind: 'issue_presence', issue, viewers: null });
    }
  }

  /**
   * After the cable closed its connections: their leaves are written and pushed (waiting at
   * most `waitMs` for the push slot), then the timers stop.
   */
  async close(waitMs = 1500): Promise<void> {
    await this.tracker.settle();
    await this.scheduler.idle(waitMs);
    this.tracker.close();
    this.scheduler.close();
  }

  private async push(issueId: number, stored: StoredViewers): Promise<void> {
    if (!this.deps.enabled()) return;
    const issue = await this.deps.repository.findIssueById(issueId);
    if (!issue) return;
    await this.deps.publish({
      kind: 'issue_presence',
      issue,
      viewers: await this.record(issue, stored),
    });
  }

  /** Keeps the users who may read the issue (one query for all), lists the first by name. */
  private async record(issue: IssueRecord, stored: StoredViewers): Promise<IssueViewersRecord> {
    const { repository, identity } = this.deps;
    const ids = stored.userIds;
    const viewers = ids.length > 0 ? await identity.projectViewers(issue.projectId, ids) : null;
    const readers = ids.filter((id) => {
      const viewer = viewers?.get(id);
      return viewer !== undefined && Ability.readIssue(viewer, issue);
    });
    const users = await repository.findUsersByIds(readers.slice(0, LISTED_VIEWERS));
    users.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    return {
      version: stored.version,
      users,
      userCount: readers.length,
      anonymousCount: stored.anonymousCount,
    };
  }
}
