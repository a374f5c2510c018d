import type { TopicDescriptor } from './operation-topic.js';

/**
 * What the engine may know of the objects its topics carry, so that nobody is left stale or sent
 * an older state after a newer one. Without it, the engine trusts event order and first
 * payloads resolve on their own.
 */
export interface TopicState {
  /**
   * The object a topic's events carry, as it is now (one read), or null when there is none:
   * the root of a subscriber's first payload and of a resync after a pub/sub gap.
   */
  current(topic: TopicDescriptor): Promise<unknown>;
  /** The object's version, increasing with every change (undefined: unordered). */
  versionOf(object: unknown): number | undefined;
}
