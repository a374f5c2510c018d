import cluster, { type Worker } from 'node:cluster';

import type { Logger } from 'pino';

import { serveClusterMetrics } from './observability/cluster-metrics.js';

/**
 * `WEB_CONCURRENCY=N`: this process forks N workers that share the listening port (node:cluster
 * hands each new TCP connection, WebSocket upgrades included, to one worker), so one machine's
 * cores are all used. Workers agree on data and pushes through PostgreSQL and Redis, which the
 * configuration check requires. A worker that dies is replaced; SIGTERM is passed on to every
 * worker, and the primary exits 0 once they all have.
 */
export function runClusterPrimary(workers: number, logger: Logger): void {
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code, signal }, 'worker died; starting another');
      fork();
    });
    return worker;
  };
  serveClusterMetrics();
  for (let i = 0; i < workers; i += 1) fork();
  logger.info({ workers }, 'cluster primary started');

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping workers');
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    let pending = alive.length;
    let failed = false;
    if (pending === 0) process.exit(0);
    for (const worker of alive) {
      worker.once('exit', (code) => {
        failed ||= code !== 0;
        pending -= 1;
        if (pending === 0) process.exit(failed ? 1 : 0);
      });
      worker.process.kill(signal);
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
