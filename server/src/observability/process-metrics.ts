import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * Node's process metrics (CPU, memory, heap, event loop lag, GC, handles: prom-client's
 * defaults) in one registry per process. They describe the process, not a server, and their
 * collectors (event-loop monitor, GC observer) cannot be stopped, so several servers in one
 * process (tests) share one set instead of starting one each.
 */
export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
