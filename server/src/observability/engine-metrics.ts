import { Histogram, type Registry } from 'prom-client';

import type { ActionCableSubscriptions } from '../graphql/subscriptions/action-cable-subscriptions.js';
import type { EngineStats } from '../graphql/subscriptions/engine-stats.js';

import { collectedCounter, collectedGauge } from './collected.js';

/** What the engine metrics read; ActionCableSubscriptions has it. */
export type EngineMetricsSource = Pick<
  ActionCableSubscriptions,
  'stats' | 'size' | 'groupCount' | 'topicCount' | 'largestTopicSize'
>;

/** Every EngineStats counter, by metric name: adding a counter there is one line here. */
const ENGINE_COUNTERS: readonly [name: string, help: string, field: keyof EngineStats][] = [
  [
    'graphql_subscription_triggers_total',
    'Events published by trigger() (one per trigger, whoever listens)',
    'publishes',
  ],
  [
    'graphql_subscription_events_received_total',
    'Events received from the pub/sub on a topic with local subscribers',
    'eventsReceived',
  ],
  [
    'graphql_subscription_executions_total',
    'GraphQL executions for events (one per group of identical subscriptions per event)',
    'executions',
  ],
  ['graphql_subscription_deliveries_total', 'Event payloads handed to subscribers', 'deliveries'],
  [
    'graphql_subscription_denied_total',
    'Deliveries withheld because the subscriber may no longer see the issue (then ended)',
    'denied',
  ],
  [
    'graphql_subscription_skipped_total',
    'Deliveries withheld from list subscribers who may not read that one issue (kept subscribed)',
    'skipped',
  ],
  [
    'graphql_subscription_stale_events_total',
    'Events dropped because a newer state of the issue was already delivered here (ordering)',
    'staleEvents',
  ],
  [
    'graphql_subscription_resyncs_total',
    'Topics re-read and re-delivered after a pub/sub gap, so viewers converge',
    'resyncs',
  ],
  [
    'graphql_subscription_publish_failures_total',
    'Publishes that failed or did not answer in time (each makes every process resync)',
    'publishFailures',
  ],
];

/**
 * Seconds from an event's arrival in this process (trigger() itself with in-process pub/sub,
 * the Redis message otherwise) to its last frame handed to the sockets: queueing behind earlier
 * events of the topic, the authorization read, one execution per group, the writes.
 */
export function createDeliveryHistogram(registry: Registry): Histogram {
  return new Histogram({
    name: 'graphql_subscription_event_delivery_seconds',
    help: 'Seconds from an event arriving in this process to its last frame written to sockets',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
}

/** Live subscription gauges (no per-topic labels: cardinality stays fixed) and engine counters. */
export function registerEngineMetrics(registry: Registry, engine: EngineMetricsSource): void {
  collectedGauge(
    registry,
    'graphql_subscriptions',
    'Live GraphQL subscriptions in this process',
    () => engine.size,
  );
  collectedGauge(
    registry,
    'graphql_subscription_groups',
    'Groups of identical subscriptions (each event is executed once per group)',
    () => engine.groupCount,
  );
  collectedGauge(
    registry,
    'graphql_subscription_topics',
    'Topics (e.g. one issue) with at least one subscriber in this process',
    () => engine.topicCount,
  );
  collectedGauge(
    registry,
    'graphql_subscription_largest_topic_subscriptions',
    'Subscriptions of the most watched topic in this process',
    () => engine.largestTopicSize,
  );
  for (const [name, help, field] of ENGINE_COUNTERS) {
    collectedCounter(registry, name, help, () => engine.stats[field]);
  }
}
