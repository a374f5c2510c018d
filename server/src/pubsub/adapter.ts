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

export interface SubscriptionAdapter {
  /** Publishes to every listener of `stream` in every process sharing this adapter. */
  broadcast(stream: string, payload: string): Promise<void>;
  /** Adds a listener; resolves once broadcasts on `stream` will reach it (no window where one is lost). */
  subscribe(stream: string, listener: StreamListener): Promise<void>;
  /** Removes that listener; unknown pairs are ignored. */
  unsubscribe(stream: string, listener: StreamListener): Promise<void>;
  /** Drops every listener and releases connections. */
  shutdown(): Promise<void>;
}
