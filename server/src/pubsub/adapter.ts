/**
 * The pub/sub behind Action Cable streams (Rails' `ActionCable::SubscriptionAdapter`).
 *
 * Payloads are strings so every adapter carries the same bytes: the in-process one for the
 * embedded default, Redis Pub/Sub when several processes must see each other's broadcasts.
 *
 * @example
 *   await adapter.subscribe('graphql-event::issueUpdated:issueId:gid://gitlab/Issue/1', onEvent);
 *   await adapter.broadcast('graphql-event::issueUpdated:issueId:gid://gitlab/Issue/1', json);
 */
export type StreamListener = (payload: string) => void;

/** Counters a networked adapter keeps for metrics; they only grow. */
export interface PubSubStats {
  /** Broadcasts the server accepted. */
  published: number;
  /** Broadcasts that rejected (server unreachable, timed out, or the adapter was shut down). */
  publishFailures: number;
  /** Connections re-established after a loss. */
  reconnects: number;
  /** Messages received from the server, before fan-out to local listeners. */
  received: number;
}

export interface SubscriptionAdapter {
  /** Publishes to every listener of `stream` in every process sharing this adapter. */
  broadcast(stream: string, payload: string): Promise<void>;
  /** Adds a listener; resolves once broadcasts on `stream` will reach it (no window where one is lost). */
  subscribe(stream: string, listener: StreamListener): Promise<void>;
  /** Removes that listener; unknown pairs are ignored. */
  unsubscribe(stream: string, listener: StreamListener): Promise<void>;
  /** Drops every listener and releases connections. */
  shutdown(): Promise<void>;
  /**
   * Whether broadcasts can go out and come in right now (readiness): false while a networked
   * adapter has lost its server or after shutdown; the in-process adapter is always ready.
   */
  isReady(): boolean;
  /** Counters for metrics; absent when there is no server to count against (in-process). */
  readonly stats?: PubSubStats;
}
