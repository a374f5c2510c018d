import type { ViewerField } from './local-viewers.js';
import { summarize } from './summarize.js';
import type { PresenceStore, PushClaim, StoredViewers } from './presence-store.js';

interface IssueEntry {
  counts: Map<ViewerField, number>;
  seq: number;
  pushed: number;
  claimedUntil: number;
}

/**
 * The presence store of one process (the embedded default): counts in memory, nothing expires
 * (a crash takes the viewers with it). Change numbers start at the clock so they keep growing.
 */
export class MemoryPresenceStore implements PresenceStore {
  private readonly issues = new Map<number, IssueEntry>();

  constructor(
    private readonly pushIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  change(issueId: number, deltas: ReadonlyMap<ViewerField, number>): Promise<number> {
    const entry = this.entry(issueId);
    for (const [field, delta] of deltas) {
      const next = (entry.counts.get(field) ?? 0) + delta;
      if (next > 0) entry.counts.set(field, next);
      else entry.counts.delete(field);
    }
    entry.seq += 1;
    return Promise.resolve(entry.seq);
  }

  replace(issueId: number, counts: ReadonlyMap<ViewerField, number>): Promise<number> {
    const entry = this.entry(issueId);
    entry.counts = new Map(counts);
    entry.seq += 1;
    return Promise.resolve(entry.seq);
  }

  renew(): Promise<{ expired: Map<number, number>; lost: number[] }> {
    return Promise.resolve({ expired: new Map(), lost: [] });
  }

  claimPush(issueId: number, seq: number): Promise<PushClaim> {
    const entry = this.entry(issueId);
    if (seq <= entry.pushed) return Promise.resolve({ kind: 'clean' });
    const now = this.now();
    if (entry.claimedUntil > now) {
      return Promise.resolve({ kind: 'wait', ms: entry.claimedUntil - now });
    }
    entry.claimedUntil = now + this.pushIntervalMs;
    entry.pushed = entry.seq;
    return Promise.resolve({ kind: 'push', viewers: this.viewers(entry) });
  }

  read(issueId: number): Promise<StoredViewers> {
    return Promise.resolve(this.viewers(this.entry(issueId)));
  }

  clear(issueIds: readonly number[]): Promise<void> {
    for (const id of issueIds) this.issues.get(id)?.counts.clear();
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private entry(issueId: number): IssueEntry {
    let entry = this.issues.get(issueId);
    if (!entry) {
      entry = { counts: new Map(), seq: this.now(), pushed: 0, claimedUntil: 0 };
      this.issues.set(issueId, entry);
    }
    return entry;
  }

  private viewers(entry: IssueEntry): StoredViewers {
    return { version: entry.seq, ...summarize(entry.counts) };
  }
}
