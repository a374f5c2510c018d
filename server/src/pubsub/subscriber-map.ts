import type { StreamListener } from './adapter.js';

/**
 * The local listeners of each stream (Rails' `ActionCable::SubscriptionAdapter::SubscriberMap`).
 *
 * An adapter asks it whether a change was the first listener of a stream (time to subscribe
 * upstream) or the last one (time to unsubscribe), and hands it every payload to fan out.
 * A listener is held once per stream, so subscribing the same pair twice delivers once.
 */
export class SubscriberMap {
  private readonly listeners = new Map<string, Set<StreamListener>>();

  /** Adds the pair; true when `stream` had no listener before (the adapter subscribes upstream). */
  add(stream: string, listener: StreamListener): boolean {
    const existing = this.listeners.get(stream);
    if (existing) {
      existing.add(listener);
      return false;
    }
    this.listeners.set(stream, new Set([listener]));
    return true;
  }

  /** Removes the pair; true when it was the last listener of `stream`. Unknown pairs: false. */
  remove(stream: string, listener: StreamListener): boolean {
    const existing = this.listeners.get(stream);
    if (!existing?.delete(listener)) return false;
    if (existing.size > 0) return false;
    this.listeners.delete(stream);
    return true;
  }

  /** Drops every listener of `stream` at once (its upstream subscription failed). */
  removeStream(stream: string): void {
    this.listeners.delete(stream);
  }

  /** Whether `stream` has at least one listener. */
  has(stream: string): boolean {
    return this.listeners.has(stream);
  }

  /**
   * Calls every listener of `stream` with `payload`, in subscription order. A listener that
   * throws does not keep the payload from the others; the errors are returned for the caller
   * to report where it can (the memory adapter rejects the broadcast, Redis logs).
   */
  dispatch(stream: string, payload: string): unknown[] {
    const errors: unknown[] = [];
    const current = this.listeners.get(stream);
    if (!current) return errors;
    // A snapshot, so a listener that unsubscribes (or subscribes) while being called does not
    // change who receives this payload.
    for (const listener of [...current]) {
      try {
        listener(payload);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  /** Forgets every listener. */
  clear(): void {
    this.listeners.clear();
  }

  /** Streams with at least one listener. */
  get streamCount(): number {
    return this.listeners.size;
  }

  /** Number of (stream, listener) pairs held. */
  get listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
