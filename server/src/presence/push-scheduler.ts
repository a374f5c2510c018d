import type { Logger } from 'pino';

import type { PresenceStore, StoredViewers } from './presence-store.js';

interface Pending {
  /** The newest change number known here for the issue. */
  seq: number;
  timer?: NodeJS.Timeout;
  running: boolean;
}

/**
 * Pushes each changed issue's viewers at most once per push interval across every process: a
 * change claims the issue's push slot in the store; the claim is refused while a push went out
 * within the interval (this process tries again when it ends), and answered "clean" when a push
 * that read this change already went out (from any process). So a burst of joins on a hot issue
 * is one push, and a lone change goes out at once.
 */
export class PushScheduler {
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  private readonly idleWaiters = new Set<() => void>();

  constructor(
    private readonly store: PresenceStore,
    private readonly push: (issueId: number, viewers: StoredViewers) => Promise<void>,
    private readonly logger: Logger,
    private readonly retryMs: number,
  ) {}

  /** The issue's viewers changed (change number `seq`): push them soon. */
  changed(issueId: number, seq: number): void {
    if (this.closed) return;
    let entry = this.pending.get(issueId);
    if (!entry) {
      entry = { seq, running: false };
      this.pending.set(issueId, entry);
    }
    entry.seq = Math.max(entry.seq, seq);
    if (!entry.running && !entry.timer) void this.attempt(issueId, entry);
  }

  /** Resolves once no push is pending (or after `timeoutMs`): shutdown lets the last leaves out. */
  idle(timeoutMs: number): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiters = this.idleWaiters;
      function done() {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
      waiters.add(done);
    });
  }

  close(): void {
    this.closed = true;
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private async attempt(issueId: number, entry: Pending): Promise<void> {
    entry.timer = undefined;
    entry.running = true;
    const seq = entry.seq;
    let retryIn: number | undefined;
    try {
      const claim = await this.store.claimPush(issueId, seq);
      if (claim.kind === 'wait') retryIn = claim.ms;
      else if (claim.kind === 'push') await this.push(issueId, claim.viewers);
    } catch (error) {
      this.logger.warn({ err: error, issueId }, 'presence push failed; retrying');
      retryIn = this.retryMs;
    }
    entry.running = false;
    if (this.closed || this.pending.get(issueId) !== entry) return;
    if (retryIn === undefined && entry.seq === seq) {
      this.pending.delete(issueId); // pushed or covered, and nothing newer arrived meanwhile
      if (this.pending.size === 0) for (const wake of [...this.idleWaiters]) wake();
      return;
    }
    entry.timer = setTimeout(() => void this.attempt(issueId, entry), retryIn ?? 0);
  }
}
