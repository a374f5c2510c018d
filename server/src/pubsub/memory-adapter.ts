import type { StreamListener, SubscriptionAdapter } from './adapter.js';
import { SubscriberMap } from './subscriber-map.js';

/**
 * In-process pub/sub (Rails' `async` adapter): the embedded default for one process.
 *
 * Delivery is synchronous: every listener has been called when `broadcast` settles. A listener
 * that throws does not keep the payload from the others; the broadcast then rejects with its
 * error (an AggregateError when several threw), so the caller's failure logging reports it.
 */
export class MemoryAdapter implements SubscriptionAdapter {
  private readonly subscribers = new SubscriberMap();

  broadcast(stream: string, payload: string): Promise<void> {
    const errors = this.subscribers.dispatch(stream, payload);
    if (errors.length === 0) return Promise.resolve();
    const error =
      errors.length === 1
        ? errors[0]
        : new AggregateError(errors, `${errors.length} listeners of ${stream} threw`);
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  subscribe(stream: string, listener: StreamListener): Promise<void> {
    this.subscribers.add(stream, listener);
    return Promise.resolve();
  }

  unsubscribe(stream: string, listener: StreamListener): Promise<void> {
    this.subscribers.remove(stream, listener);
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.subscribers.clear();
    return Promise.resolve();
  }

  /** Nothing to lose a connection to. */
  isReady(): boolean {
    return true;
  }

  /** Number of (stream, listener) pairs held; for leak tests. */
  get listenerCount(): number {
    return this.subscribers.listenerCount;
  }
}
