import { Router } from 'express';
import type { Logger } from 'pino';

import type { PubSub } from '../pubsub/pubsub.js';

import { runChecks, type HealthCheck } from './health-checks.js';

export const LIVENESS_PATH = '/-/liveness';
export const READINESS_PATH = '/-/readiness';

/** A database probe slower than this counts as down. */
const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

export interface HealthDeps {
  database: { ping(): Promise<void> };
  pubsub: Pick<PubSub, 'isReady' | 'ping'>;
  /** True once a shutdown has begun: the load balancer must stop sending new clients. */
  isShuttingDown(): boolean;
  logger: Logger;
  checkTimeoutMs?: number;
}

/**
 * GitLab's probes. Liveness: the process answers (restart it if not). Readiness: this process
 * can serve (send it traffic only then): the database answers `select 1`, the pub/sub is
 * connected, and no shutdown is in progress. Both are unauthenticated and cheap; failures say
 * which check failed in fixed words and log the real error.
 */
export function healthRoutes(deps: HealthDeps): Router {
  const checks: HealthCheck[] = [
    {
      name: 'master_check',
      failure: 'shutting down',
      run: () =>
        deps.isShuttingDown() ? Promise.reject(new Error('shutting down')) : Promise.resolve(),
    },
    { name: 'db_check', failure: 'database query failed', run: () => deps.database.ping() },
    {
      name: 'pubsub_check',
      failure: 'pub/sub not connected',
      // A round trip, not only the connection state: a hung Redis keeps its sockets open.
      run: () =>
        deps.pubsub.isReady() ? deps.pubsub.ping() : Promise.reject(new Error('not connected')),
    },
  ];
  const router = Router();
  router.get(LIVENESS_PATH, (_req, res) => {
    res.status(200).set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get(READINESS_PATH, async (_req, res) => {
    const { httpStatus, body } = await runChecks(
      checks,
      deps.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
      (name, error) => deps.logger.warn({ err: error, check: name }, 'readiness check failed'),
    );
    res.status(httpStatus).set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
