import cluster from 'node:cluster';
import { existsSync } from 'node:fs';

import type { Logger } from 'pino';

import { CABLE } from '@shared/cable/protocol.js';

import { runClusterPrimary } from './cluster-primary.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logging/logger.js';
import { startOptionsFrom } from './start-options.js';
import { startServer, type RunningServer, type StartOptions } from './start-server.js';

export interface RunOptions {
  /** Settings used where the environment does not say (`npm run dev`: no cable drain). */
  defaults?: Readonly<Record<string, string>>;
  /** Serves the client another way than from the build (`npm run dev`: Vite). */
  clientAssets?: StartOptions['clientAssets'];
}

/**
 * The entry points' body (`main.ts`, `dev.ts`): read the environment (and `.env`, when present),
 * then either serve (one process, or one cluster worker) or fork `WEB_CONCURRENCY` workers.
 * Stops cleanly on signals; a configuration error is one line and exit code 1.
 */
export function run(options: RunOptions = {}): void {
  start(options).catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}

async function start(options: RunOptions): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig({ ...options.defaults, ...process.env });
  const logger = createLogger({
    level: config.logLevel,
    base: { pid: process.pid, role: config.role },
  });
  if (config.webConcurrency > 1 && cluster.isPrimary) {
    runClusterPrimary(config.webConcurrency, logger);
    return;
  }
  await serve(config, logger, options);
}

async function serve(config: Config, logger: Logger, options: RunOptions): Promise<void> {
  let databaseLost = false;
  let stopping = false;
  // Set once started; the database may be lost before (then it is stopped right after).
  const started: { server?: RunningServer } = {};
  function stop(signal: string, exitCode = 0): void {
    if (stopping || started.server === undefined) return;
    stopping = true;
    logger.info({ signal, drainMs: config.cableDrainMs }, 'shutting down');
    started.server.close().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  }
  const server = await startServer({
    ...startOptionsFrom(config, logger),
    clientAssets: options.clientAssets,
    // Nothing works without it: stop (exit code 1) so a process manager starts us again.
    onDatabaseLost: () => {
      databaseLost = true;
      stop('database process lost', 1);
    },
  });
  // Before `Ready:` is printed: whoever reads it may send SIGTERM at once, and until a handler
  // is registered that signal kills the process instead of draining it.
  started.server = server;
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (cluster.isWorker) server.metrics.aggregateAcrossCluster();
  const shown =
    config.host === '127.0.0.1' || config.host === '0.0.0.0'
      ? `http://localhost:${server.port}`
      : server.url;
  logger.info(
    {
      url: shown,
      database: config.databaseUrl
        ? 'postgresql'
        : `pglite:${config.dataDir} (process ${server.database.embeddedPid})`,
      pubsub: config.redisUrl ? 'redis' : 'in-process',
    },
    'server ready',
  );
  const worker = cluster.isWorker ? ` (worker ${process.pid})` : '';
  console.log(
    config.role === 'cable'
      ? `\n  Ready: ${shown} (cable only: ${CABLE.mountPath})${worker}\n`
      : `\n  Ready: ${shown}/gitlab-org/gitlab-test/-/issues/1${worker}\n`,
  );

  if (databaseLost) stop('database process lost', 1);
}
