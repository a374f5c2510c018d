import { Router } from 'express';
import type { Logger } from 'pino';

import { isMetricsRequestAllowed, type MetricsAccessOptions } from './metrics-access.js';
import type { ServerMetrics } from './metrics.js';

export const METRICS_PATH = '/-/metrics';

/**
 * `GET /-/metrics`: the Prometheus text format, to the clients `access` allows. Everyone else
 * gets the same 404 as a path that does not exist, so the endpoint's presence is not revealed.
 */
export function metricsRoutes(deps: {
  metrics: ServerMetrics;
  access: MetricsAccessOptions;
  logger: Logger;
}): Router {
  const router = Router();
  router.get(METRICS_PATH, async (req, res) => {
    const queryToken = typeof req.query.token === 'string' ? req.query.token : undefined;
    const allowed = isMetricsRequestAllowed(
      { remoteAddress: req.socket.remoteAddress, headers: req.headers, queryToken },
      deps.access,
    );
    if (!allowed) {
      res.status(404).type('text/plain').send('Page not found');
      return;
    }
    try {
      const { contentType, text } = await deps.metrics.render();
      res.status(200).set('Cache-Control', 'no-store').type(contentType).send(text);
    } catch (error) {
      deps.logger.error({ err: error }, 'metrics collection failed');
      res.status(500).type('text/plain').send('Metrics collection failed');
    }
  });
  return router;
}
