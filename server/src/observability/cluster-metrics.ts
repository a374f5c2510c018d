import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';

import { AggregatorRegistry, Registry } from 'prom-client';

/**
 * With `WEB_CONCURRENCY` workers a scrape of the shared port reaches one random worker, whose
 * own counters would make totals jump between scrapes. So a worker's `/-/metrics` asks the
 * primary, which collects every worker's registries over IPC (prom-client's
 * AggregatorRegistry: counters and histograms summed) and answers with the cluster's totals.
 */
const REQUEST = 'realtime-issues:metrics-request';
const RESPONSE = 'realtime-issues:metrics-response';
const TIMEOUT_MS = 5_000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: string;
}
interface MetricsResponse {
  type: typeof RESPONSE;
  id: string;
  text?: string;
  error?: string;
}

const isRequest = (message: unknown): message is MetricsRequest =>
  (message as Partial<MetricsRequest> | null)?.type === REQUEST;
const isResponse = (message: unknown): message is MetricsResponse =>
  (message as Partial<MetricsResponse> | null)?.type === RESPONSE;

/** In the primary: answers workers' requests for the whole cluster's metrics. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isRequest(message)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text } satisfies MetricsResponse),
      (error: unknown) =>
        worker.send({
          type: RESPONSE,
          id: message.id,
          error: String(error),
        } satisfies MetricsResponse),
    );
  });
}

/**
 * In a worker: reports `registries` to the primary's aggregator, and returns the function that
 * fetches the cluster's metrics from the primary.
 */
export function clusterMetricsScraper(registries: Registry[]): () => Promise<string> {
  AggregatorRegistry.setRegistries(registries);
  new AggregatorRegistry(); // its constructor makes this worker answer the primary's requests
  return () =>
    new Promise((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        process.off('message', onMessage);
        reject(new Error('the cluster primary did not answer the metrics request'));
      }, TIMEOUT_MS);
      const onMessage = (message: unknown) => {
        if (!isResponse(message) || message.id !== id) return;
        clearTimeout(timer);
        process.off('message', onMessage);
        if (message.text === undefined) reject(new Error(message.error ?? 'no metrics'));
        else resolve(message.text);
      };
      process.on('message', onMessage);
      process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
    });
}

export const CLUSTER_METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
