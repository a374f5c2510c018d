import { EventEmitter } from 'node:events';

import { PubSub } from 'graphql-subscriptions';

import type { StreamListener, SubscriptionAdapter } from './adapter.js';

/**
 * In-process pub/sub (Rails' `async` adapter): the embedded default for one process.
 * Built on graphql-subscriptions' PubSub so it follows the PubSubEngine semantics.
 */
export class MemoryAdapter implements SubscriptionAdapter {
  // Listeners are per stream, not per subscriber, so a busy topic is still one listener;
  // the cap is lifted only to avoid Node's leak warning with many topics.
  private readonly pubsub = new PubSub<Record<string, string>>({
    eventEmitter: new EventEmitter().setMaxListeners(0),
  });
  private readonly ids = new Map<string, Map<StreamListener, number>>();

  async broadcast(stream: string, payload: string): Promise<void> {
    await this.pubsub.publish(stream, payload);
  }

  async subscribe(stream: string, listener: StreamListener): Promise<void> {
    let byListener = this.ids.get(stream);
    if (byListener?.has(listener)) return;
    const id = await this.pubsub.subscribe(stream, listener);
    byListener = this.ids.get(stream) ?? new Map<StreamListener, number>();
    byListener.set(listener, id);
    this.ids.set(stream, byListener);
  }

  unsubscribe(stream: string, listener: StreamListener): Promise<void> {
    const byListener = this.ids.get(stream);
    const id = byListener?.get(listener);
    if (byListener && id !== undefined) {
      this.pubsub.unsubscribe(id);
      byListener.delete(listener);
      if (byListener.size === 0) this.ids.delete(stream);
    }
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    for (const byListener of this.ids.values()) {
      for (const id of byListener.values()) this.pubsub.unsubscribe(id);
    }
    this.ids.clear();
    return Promise.resolve();
  }

  /** Number of (stream, listener) pairs held; for leak tests. */
  get listenerCount(): number {
    let count = 0;
    for (const byListener of this.ids.values()) count += byListener.size;
    return count;
  }
}
