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
  /**
   * How long (ms) the topic's latest state, read for a first payload or carried by an event,
   * may be the first payload of later subscribers instead of a read of their own. Every change
   * announced meanwhile reaches them as an event, so this bounds only how late they see a
   * change that was not announced. 0 or absent: each subscriber reads.
   */
  sharedFor?(topic: TopicDescriptor): number;
}

/** A topic's latest state in this process: what its last event carried, or its last read. */
export class LatestState {
  private object: unknown;
  private version: number | undefined;
  /** performance.now() when it was read or arrived; -Infinity: none yet. */
  private at = -Infinity;

  /** The state, when it is at most `maxAgeMs` old. */
  fresh(maxAgeMs: number, now = performance.now()): unknown {
    return maxAgeMs > 0 && now - this.at <= maxAgeMs ? this.object : undefined;
  }

  /** Keeps `object` unless the state held is newer (an equal version replaces it). */
  remember(object: unknown, version: number | undefined, at = performance.now()): void {
    if (object === null || object === undefined) return;
    if (version !== undefined && this.version !== undefined && version < this.version) return;
    this.object = object;
    this.version = version;
    this.at = at;
  }
}
