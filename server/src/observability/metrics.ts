import { Counter, Registry, type Histogram } from 'prom-client';

import type { PubSub } from '../pubsub/pubsub.js';

import { registerCableMetrics, type CableMetricsSource } from './cable-metrics.js';
import {
  createDeliveryHistogram,
  registerEngineMetrics,
  type EngineMetricsSource,
} from './engine-metrics.js';
import { CLUSTER_METRICS_CONTENT_TYPE, clusterMetricsScraper } from './cluster-metrics.js';
import { processMetricsRegistry } from './process-metrics.js';
import { registerPubSubMetrics } from './pubsub-metrics.js';

/** The parts of a running server the metrics read; a process without a cable omits it. */
export interface MetricSources {
  cable?: CableMetricsSource;
  engine?: EngineMetricsSource;
  pubsub?: Pick<PubSub, 'isReady' | 'stats'>;
}

/**
 * One server's metrics: its own registry (tests run many servers in one process, so never
 * prom-client's global one) plus the process-wide Node metrics, rendered together.
 *
 * Almost everything is read from the stats objects the cable, engine and pub/sub already keep,
 * when Prometheus scrapes; only the delivery latency is observed as it happens.
 *
 * @example
 *   const metrics = new ServerMetrics();
 *   const engine = new ActionCableSubscriptions(schema, adapter, logger, {
 *     onEventDelivered: metrics.observeEventDelivery,
 *   });
 *   metrics.track({ cable, engine, pubsub: adapter });
 *   const { contentType, text } = await metrics.render();
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly deliveryLatency: Histogram;

  constructor() {
    this.deliveryLatency = createDeliveryHistogram(this.registry);
  }

  /** Records one event's arrival-to-last-frame time; bound, so it can be passed as a callback. */
  readonly observeEventDelivery = (seconds: number): void => {
    this.deliveryLatency.observe(seconds);
  };

  /** Registers the metrics of each source given; call once. */
  track(sources: MetricSources): void {
    const { cable, engine, pubsub } = sources;
    if (cable) registerCableMetrics(this.registry, cable);
    if (engine) registerEngineMetrics(this.registry, engine);
    if (pubsub) registerPubSubMetrics(this.registry, pubsub);
    // GitLab's broadcast counter, with its label normalized to a fixed set of values.
    new Counter({
      name: 'action_cable_broadcasts_total',
      help: 'Broadcasts this process sent to the pub/sub, by kind (graphql-event, internal)',
      labelNames: ['broadcasting'],
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc({ broadcasting: 'graphql-event' }, engine?.stats.publishes ?? 0);
        this.inc({ broadcasting: 'internal' }, cable?.stats.remoteDisconnectBroadcasts ?? 0);
      },
    });
  }

  private clusterScrape: (() => Promise<string>) | undefined;

  /** In a cluster worker: `render()` answers with every worker's metrics, summed by the primary. */
  aggregateAcrossCluster(): void {
    this.clusterScrape = clusterMetricsScraper([processMetricsRegistry(), this.registry]);
  }

  /** The Prometheus text exposition of this server's and the process's metrics. */
  async render(): Promise<{ contentType: string; text: string }> {
    if (this.clusterScrape) {
      return { contentType: CLUSTER_METRICS_CONTENT_TYPE, text: await this.clusterScrape() };
    }
    const merged = Registry.merge([processMetricsRegistry(), this.registry]);
    return { contentType: merged.contentType, text: await merged.metrics() };
  }
}
