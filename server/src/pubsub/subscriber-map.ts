import type { MessageHandler } from './pubsub.js';

/**
 * The local subscriptions of each stream (Rails' `ActionCable::SubscriptionAdapter::SubscriberMap`),
 * by id as graphql-subscriptions hands them out.
 *
 * An adapter asks it whether a subscription was the first of its stream (time to subscribe
 * upstream) or the last one (time to unsubscribe), and hands it every payload to fan out.
 */
export class SubscriberMap {
  private readonly handlers = new Map<string, Map<number, MessageHandler>>();
  private readonly streams = new Map<number, string>();
  private lastId = 0;

  /** Adds a subscription; `first` when `stream` had none before (the adapter subscribes upstream). */
  add(stream: string, handler: MessageHandler): { id: number; first: boolean } {
    this.lastId += 1;
    const id = this.lastId;
    this.streams.set(id, stream);
    const existing = this.handlers.get(stream);
    if (existing) {
      existing.set(id, handler);
      return { id, first: false };
    }
    this.handlers.set(stream, new Map([[id, handler]]));
    return { id, first: true };
  }

  /** Removes a subscription; its stream when it was the last one there, else undefined. */
  remove(id: number): string | undefined {
    const stream = this.streams.get(id);
    if (stream === undefined) return undefined;
    this.streams.delete(id);
    const existing = this.handlers.get(stream);
    existing?.delete(id);
    if (existing && existing.size > 0) return undefined;
    this.handlers.delete(stream);
    return stream;
  }

  /** Drops every subscription of `stream` at once (its upstream subscription failed). */
  removeStream(stream: string): void {
    for (const id of this.handlers.get(stream)?.keys() ?? []) this.streams.delete(id);
    this.handlers.delete(stream);
  }

  /** Whether `stream` has at least one subscription. */
  has(stream: string): boolean {
    return this.handlers.has(stream);
  }

  /**
   * Calls every handler of `stream` with `payload`, in subscription order. A handler that
   * throws does not keep the payload from the others; the errors are returned for the caller
   * to report where it can (the memory adapter rejects the publish, Redis logs).
   */
  dispatch(stream: string, payload: string): unknown[] {
    const errors: unknown[] = [];
    const current = this.handlers.get(stream);
    if (!current) return errors;
    // A snapshot, so a handler that unsubscribes (or subscribes) while being called does not
    // change who receives this payload.
    for (const handler of [...current.values()]) {
      try {
        handler(payload);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  /** Forgets every subscription. */
  clear(): void {
    this.handlers.clear();
    this.streams.clear();
  }

  /** Streams with at least one subscription. */
  get streamCount(): number {
    return this.handlers.size;
  }

  /** Subscriptions held. */
  get subscriptionCount(): number {
    return this.streams.size;
  }
}
