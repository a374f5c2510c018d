import type { Registry } from 'prom-client';

import type { PubSubStats, PubSub } from '../pubsub/pubsub.js';

import { collectedCounter, collectedGauge } from './collected.js';

const PUBSUB_COUNTERS: readonly [name: string, help: string, field: keyof PubSubStats][] = [
  ['pubsub_published_total', 'Broadcasts the pub/sub server (Redis) accepted', 'published'],
  [
    'pubsub_publish_failures_total',
    'Broadcasts that failed (Redis unreachable or too slow): those events were lost',
    'publishFailures',
  ],
  [
    'pubsub_reconnects_total',
    'Pub/sub connections re-established after a loss (publisher and subscriber each count)',
    'reconnects',
  ],
  ['pubsub_received_total', 'Messages received from the pub/sub server', 'received'],
];

/**
 * Pub/sub health and traffic. The in-process adapter keeps no counters (there is nothing to
 * fail), so its counters stay at 0 and `pubsub_connected` at 1.
 */
export function registerPubSubMetrics(
  registry: Registry,
  adapter: Pick<PubSub, 'isReady' | 'stats'>,
): void {
  collectedGauge(
    registry,
    'pubsub_connected',
    '1 while the pub/sub can send and receive, else 0',
    () => (adapter.isReady() ? 1 : 0),
  );
  for (const [name, help, field] of PUBSUB_COUNTERS) {
    collectedCounter(registry, name, help, () => adapter.stats?.[field] ?? 0);
  }
}
