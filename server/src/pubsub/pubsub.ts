import { PubSubEngine } from 'graphql-subscriptions';

/**
 * The pub/sub behind the cable (Rails' `ActionCable::SubscriptionAdapter`), shaped as
 * graphql-subscriptions' `PubSubEngine`: `publish(trigger, payload)`, `subscribe(trigger,
 * onMessage)` → an id, `unsubscribe(id)` and `asyncIterableIterator(triggers)`. Whatever uses
 * the pub/sub (the subscription engine, remote disconnects, feature flags) needs only that
 * interface, so any engine of that ecosystem (e.g. graphql-redis-subscriptions' `RedisPubSub`)
 * can carry the events.
 *
 * Payloads are strings, so every adapter carries the same bytes: the in-process one for the
 * embedded default, Redis Pub/Sub when several processes must see each other's events.
 *
 * @example
 *   const id = await pubsub.subscribe('graphql-event::issueUpdated:issueId:gid://gitlab/Issue/1', onEvent);
 *   await pubsub.publish('graphql-event::issueUpdated:issueId:gid://gitlab/Issue/1', json);
 *   pubsub.unsubscribe(id);
 */
export type MessageHandler = (payload: string) => void;

/** Counters a networked adapter keeps for metrics; they only grow. */
export interface PubSubStats {
  /** Publishes the server accepted. */
  published: number;
  /** Publishes that rejected (server unreachable, timed out, or the adapter was shut down). */
  publishFailures: number;
  /** Connections re-established after a loss. */
  reconnects: number;
  /** Messages received from the server, before fan-out to local handlers. */
  received: number;
}

/**
 * This server's adapters: a `PubSubEngine` whose `subscribe` resolves once publishes will reach
 * the handler (no window where one is lost), plus what running a server needs: readiness,
 * shutdown and counters.
 */
export abstract class PubSub extends PubSubEngine {
  private readonly gapListeners = new Set<() => void>();

  abstract override publish(trigger: string, payload: string): Promise<void>;
  abstract override subscribe(trigger: string, onMessage: MessageHandler): Promise<number>;
  /** Stops delivery to that subscription at once; unknown ids are ignored. */
  abstract override unsubscribe(subscriptionId: number): void;
  /** Drops every subscription and releases connections. */
  abstract shutdown(): Promise<void>;
  /**
   * Whether publishes can go out and come in right now (readiness): false while a networked
   * adapter has lost its server or after shutdown; the in-process adapter is always ready.
   */
  abstract isReady(): boolean;
  /** Resolves once the server answered a round trip (readiness: a hung server fails it). */
  abstract ping(): Promise<void>;
  /** Counters for metrics; absent when there is no server to count against (in-process). */
  readonly stats?: PubSubStats;

  /**
   * Calls `listener` after each gap in delivery this adapter detects (it lost its server and is
   * subscribed again): messages published meanwhile may never arrive. Returns its remover.
   */
  onGap(listener: () => void): () => void {
    this.gapListeners.add(listener);
    return () => this.gapListeners.delete(listener);
  }

  protected reportGap(): void {
    for (const listener of [...this.gapListeners]) listener();
  }
}
