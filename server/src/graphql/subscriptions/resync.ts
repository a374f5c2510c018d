import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';

import type { SubscriptionRegistry } from './subscription-registry.js';

export interface ResyncDeps {
  pubsub: PubSubEngine;
  registry: SubscriptionRegistry;
  logger: Logger;
  /** The stream on which a process announces that events were lost. */
  stream: string;
  /** Between attempts to announce while the pub/sub refuses publishes. */
  retryMs: number;
}

/**
 * Convergence after pub/sub faults. Events carry whole states, so a viewer who missed one is
 * current again as soon as it is sent the state as it is now: every topic of a process is read
 * once and delivered like an event (SubscriptionRegistry.resyncAll). Two gaps call for that:
 *
 * - this process's subscriber lost its server and is back (`local()`, from the adapter's gap
 *   report): whatever was published meanwhile never reached it;
 * - a publish failed or did not answer (`owe()`): no process received that event. Once the
 *   pub/sub takes publishes again, an announcement on `stream` makes every process resync.
 *
 * Resyncs coalesce: one asked for while another runs starts once it ends.
 */
export class Resync {
  private subscription: Promise<number> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private owed = false;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: ResyncDeps) {}

  /** Listens for announcements; resolves once they will arrive. */
  async start(): Promise<void> {
    this.subscription = this.deps.pubsub.subscribe(this.deps.stream, () => this.local(), {});
    await this.subscription;
  }

  /** Re-reads and re-delivers every topic of this process. */
  local(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deps.registry.resyncAll().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.local();
      }
    });
  }

  /** An event was lost for everyone: announce a resync as soon as the pub/sub takes it. */
  owe(): void {
    if (this.owed || this.stopped) return;
    this.owed = true;
    this.announce();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const subscription = this.subscription;
    this.subscription = undefined;
    const id = await subscription?.catch(() => undefined); // a failed one holds nothing
    if (id !== undefined) this.deps.pubsub.unsubscribe(id);
    await this.running;
  }

  private announce(): void {
    this.deps.pubsub.publish(this.deps.stream, '').then(
      () => {
        this.owed = false;
        this.deps.logger.info('pub/sub takes publishes again: every process resyncs its viewers');
      },
      () => {
        if (this.stopped) return;
        this.retry = setTimeout(() => this.announce(), this.deps.retryMs);
        this.retry.unref();
      },
    );
  }
}
