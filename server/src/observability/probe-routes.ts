import { Router } from 'express';

import { healthRoutes, type HealthDeps } from './health-routes.js';
import type { MetricsAccessOptions } from './metrics-access.js';
import { metricsRoutes } from './metrics-routes.js';
import type { ServerMetrics } from './metrics.js';

export interface ProbeRoutesDeps extends HealthDeps {
  metrics: ServerMetrics;
  /** Who may read `/-/metrics`. */
  metricsAccess: MetricsAccessOptions;
}

/**
 * `/-/liveness`, `/-/readiness` and `/-/metrics` as one router, independent of the rest of the
 * app (no session, no body parsing): mount it first in any process, whatever else it serves.
 *
 * @example
 *   app.use(probeRoutes({ database, pubsub, isShuttingDown, logger, metrics, metricsAccess }));
 */
export function probeRoutes(deps: ProbeRoutesDeps): Router {
  return Router().use(
    healthRoutes(deps),
    metricsRoutes({ metrics: deps.metrics, access: deps.metricsAccess, logger: deps.logger }),
  );
}
