import type { Logger } from 'pino';

import { parseGlobalId } from '@shared/graphql/global-id.js';

import type { Caller } from '../permissions/principal.js';

import { LocalViewers, type ViewerField } from './local-viewers.js';
import type { PresenceStore } from './presence-store.js';

/** The subscription fields whose live subscriptions make someone a viewer of the issue. */
export const VIEWING_FIELDS: Readonly<Record<string, string>> = {
  issueUpdated: 'issueId',
  issuableAssigneesUpdated: 'issuableId',
};
/** The presence subscription: it watches the viewers without being one. */
const WATCHING_FIELD = 'issuableViewersUpdated';

/** What the engine tells of a subscription (structurally its TopicDescriptor and Member). */
interface TopicLike {
  readonly field: string;
  readonly args: Readonly<Record<string, unknown>>;
}
interface MemberLike {
  readonly id: string;
  readonly context: unknown;
  readonly transport: { readonly connectionId?: string };
}

export interface TrackerOptions {
  store: PresenceStore;
  /** Told each issue's change number after its counts were written. */
  changed: (issueId: number, seq: number) => void;
  logger: Logger;
  /** Local changes are written together at most this often (ms). */
  flushMs: number;
  /** This process's entries are renewed this often (ms); well under the store's TTL. */
  renewMs: number;
}

/**
 * The engine's subscription observer: counts this process's viewers per issue (LocalViewers)
 * and writes the changes to the store as deltas, coalesced per flush, one store operation at a
 * time; renews this process's entries on a timer and writes them again when the store lost them.
 */
export class PresenceTracker {
  readonly local = new LocalViewers();
  private pending = new Map<number, Map<ViewerField, number>>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly renewTimer: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private enabled = true;
  /** Per issue, bumped by each rewrite: deltas flushed before it are already in what it wrote. */
  private readonly generations = new Map<number, number>();
  /** Per issue, live `issuableViewersUpdated` subscriptions here. */
  private readonly watchers = new Map<number, number>();

  constructor(private readonly options: TrackerOptions) {
    this.renewTimer = setInterval(() => this.enqueue(() => this.renew()), options.renewMs);
    this.renewTimer.unref();
  }

  started(topic: TopicLike, member: MemberLike): void {
    if (topic.field === WATCHING_FIELD) return this.watch(topic, 1);
    const issueId = issueOf(topic);
    if (issueId === null) return;
    const userId = (member.context as Caller).currentUser?.id ?? null;
    const field = this.local.add(issueId, connectionOf(member), userId);
    if (field) this.note(issueId, field, 1);
  }

  ended(topic: TopicLike, member: MemberLike): void {
    if (topic.field === WATCHING_FIELD) return this.watch(topic, -1);
    const issueId = issueOf(topic);
    if (issueId === null) return;
    const field = this.local.remove(issueId, connectionOf(member));
    if (field) this.note(issueId, field, -1);
  }

  /** Flag on: this process's counts are written outright and pushed; off: they are removed. */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.pending.clear();
    const issueIds = this.local.issueIds();
    this.enqueue(async () => {
      if (enabled) await this.rewrite(issueIds);
      else await this.options.store.clear(issueIds);
    });
  }

  /** Writes what is pending and waits for every store operation queued so far. */
  async settle(): Promise<void> {
    this.flush();
    await this.queue;
  }

  close(): void {
    clearInterval(this.renewTimer);
    clearTimeout(this.flushTimer);
  }

  /** Subscribers of an issue's viewers here: renewals look for expired processes there too. */
  private watch(topic: TopicLike, delta: number): void {
    const gid = topic.args.issuableId;
    const issueId = typeof gid === 'string' ? parseGlobalId(gid, 'Issue') : null;
    if (issueId === null) return;
    const next = (this.watchers.get(issueId) ?? 0) + delta;
    if (next > 0) this.watchers.set(issueId, next);
    else this.watchers.delete(issueId);
  }

  private note(issueId: number, field: ViewerField, delta: number): void {
    if (!this.enabled) return;
    let deltas = this.pending.get(issueId);
    if (!deltas) {
      deltas = new Map();
      this.pending.set(issueId, deltas);
    }
    deltas.set(field, (deltas.get(field) ?? 0) + delta);
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.flushMs);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    for (const [issueId, deltas] of batch) {
      for (const [field, delta] of deltas) if (delta === 0) deltas.delete(field);
      if (deltas.size === 0) continue;
      const generation = this.generations.get(issueId) ?? 0;
      this.enqueue(async () => {
        if (generation !== (this.generations.get(issueId) ?? 0)) return;
        this.options.changed(issueId, await this.options.store.change(issueId, deltas));
      });
    }
  }

  private async renew(): Promise<void> {
    if (!this.enabled) return;
    const { expired, lost } = await this.options.store.renew(this.local.issueIds(), [
      ...this.watchers.keys(),
    ]);
    for (const [issueId, seq] of expired) this.options.changed(issueId, seq);
    await this.rewrite(lost);
  }

  /**
   * Writes these issues' counts outright. Deltas not written yet are already in `local`: the
   * pending ones are dropped, and queued ones skip (their generation is over).
   */
  private async rewrite(issueIds: readonly number[]): Promise<void> {
    for (const issueId of issueIds) {
      this.pending.delete(issueId);
      this.generations.set(issueId, (this.generations.get(issueId) ?? 0) + 1);
      const seq = await this.options.store.replace(issueId, this.local.countsOf(issueId));
      this.options.changed(issueId, seq);
    }
  }

  /** Store operations run one at a time, in order (a delta never overtakes a rewrite). */
  private enqueue(operation: () => Promise<void>): void {
    this.queue = this.queue.then(operation).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'presence store operation failed');
    });
  }
}

function issueOf(topic: TopicLike): number | null {
  const argument = VIEWING_FIELDS[topic.field];
  const gid = argument === undefined ? undefined : topic.args[argument];
  return typeof gid === 'string' ? parseGlobalId(gid, 'Issue') : null;
}

function connectionOf(member: MemberLike): string {
  return member.transport.connectionId ?? member.id;
}
