import { fileURLToPath } from 'node:url';

import { pino } from 'pino';

import { ConfigError, loadConfig } from './config.js';
import { RedisAdapter } from './pubsub/redis-adapter.js';
import { startServer } from './start-server.js';

/** `npm start`: read the environment, start everything in one process, stop cleanly on signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const adapter = config.redisUrl
    ? new RedisAdapter({ url: config.redisUrl, channelPrefix: config.redisChannelPrefix, logger })
    : undefined;
  const server = await startServer({
    databaseUrl: config.databaseUrl,
    grouping: config.subscriptionGrouping,
    maxAssignees: config.maxAssignees,
    adapter,
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    logger,
    origins: {
      allowedOrigins: config.allowedOrigins,
      allowLocalhost: config.allowLocalhostOrigins,
    },
    clientDir: fileURLToPath(new URL('../../dist/client', import.meta.url)),
    cable: { maxPayload: config.cableMaxPayload, maxSubscriptions: config.cableMaxSubscriptions },
  });
  const shown =
    config.host === '127.0.0.1' || config.host === '0.0.0.0'
      ? `http://localhost:${server.port}`
      : server.url;
  logger.info(
    {
      url: shown,
      database: config.databaseUrl ? 'postgresql' : `pglite:${config.dataDir}`,
      pubsub: config.redisUrl ? 'redis' : 'in-process',
    },
    'server ready',
  );
  console.log(`\n  Ready: ${shown}/gitlab-org/gitlab-test/-/issues/1\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
