import { Router, type RequestHandler } from 'express';

import { healthRoutes, LIVENESS_PATH, READINESS_PATH, type HealthDeps } from './health-routes.js';
import type { MetricsAccessOptions } from './metrics-access.js';
import { METRICS_PATH, metricsRoutes } from './metrics-routes.js';
import type { ServerMetrics } from './metrics.js';

export interface ProbeRoutesDeps extends HealthDeps {
  metrics: ServerMetrics;
  /** Who may read `/-/metrics`. */
  metricsAccess: MetricsAccessOptions;
}

/**
 * `/-/liveness`, `/-/readiness` and `/-/metrics` as one handler, independent of the rest of the
 * app (no session, no body parsing): mount it first in any process, whatever else it serves.
 *
 * @example
 *   app.use(probeRoutes({ database, pubsub, isShuttingDown, logger, metrics, metricsAccess }));
 */
export function probeRoutes(deps: ProbeRoutesDeps): RequestHandler {
  const router = Router().use(
    healthRoutes(deps),
    metricsRoutes({ metrics: deps.metrics, access: deps.metricsAccess, logger: deps.logger }),
  );
  // Only the probes' own paths enter the router. Leaving an express 5 router that matched
  // nothing costs a turn of the event loop (router@2 exits with setImmediate), three here
  // (two nested routers): every GraphQL request paid them, behind every other request's work.
  return (req, res, next) => {
    if (PROBE_PATHS.has(req.path.toLowerCase().replace(/(.)\/$/, '$1'))) router(req, res, next);
    else next();
  };
}

const PROBE_PATHS: ReadonlySet<string> = new Set([LIVENESS_PATH, READINESS_PATH, METRICS_PATH]);
