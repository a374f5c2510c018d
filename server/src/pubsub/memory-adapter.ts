import { PubSub, type MessageHandler } from './pubsub.js';
import { SubscriberMap } from './subscriber-map.js';

/**
 * In-process pub/sub (Rails' `async` adapter): the embedded default for one process.
 *
 * Delivery is synchronous: every handler has been called when `publish` settles. A handler that
 * throws does not keep the payload from the others; the publish then rejects with its error (an
 * AggregateError when several threw), so the caller's failure logging reports it.
 */
export class MemoryAdapter extends PubSub {
  private readonly subscribers = new SubscriberMap();

  publish(trigger: string, payload: string): Promise<void> {
    const errors = this.subscribers.dispatch(trigger, payload);
    if (errors.length === 0) return Promise.resolve();
    const error =
      errors.length === 1
        ? errors[0]
        : new AggregateError(errors, `${errors.length} handlers of ${trigger} threw`);
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  subscribe(trigger: string, onMessage: MessageHandler): Promise<number> {
    return Promise.resolve(this.subscribers.add(trigger, onMessage).id);
  }

  unsubscribe(subscriptionId: number): void {
    this.subscribers.remove(subscriptionId);
  }

  shutdown(): Promise<void> {
    this.subscribers.clear();
    return Promise.resolve();
  }

  /** Nothing to lose a connection to (and so never a gap to report). */
  isReady(): boolean {
    return true;
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  /** Subscriptions held; for leak tests. */
  get subscriptionCount(): number {
    return this.subscribers.subscriptionCount;
  }
}
