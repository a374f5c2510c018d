import type { Logger } from 'pino';

import type { Config } from './config.js';
import { paths } from './paths.js';
import { SignInThrottle } from './identity/sign-in-throttle.js';
import { RedisAdapter } from './pubsub/redis-adapter.js';
import type { StartOptions } from './start-server.js';

/**
 * What `startServer` gets from a validated configuration: one mapping, shared by the real
 * entry point and the benchmark's instrumented one, so the two never start different servers.
 */
export function startOptionsFrom(config: Config, logger: Logger): StartOptions {
  return {
    role: config.role,
    drainMs: config.cableDrainMs,
    metrics: { enabled: config.metricsEnabled, token: config.metricsToken },
    databaseUrl: config.databaseUrl,
    grouping: config.subscriptionGrouping,
    maxAssignees: config.maxAssignees,
    adapter: config.redisUrl
      ? new RedisAdapter({ url: config.redisUrl, channelPrefix: config.redisChannelPrefix, logger })
      : undefined,
    presenceRedis: config.redisUrl
      ? { url: config.redisUrl, keyPrefix: config.redisChannelPrefix }
      : undefined,
    signInThrottle: config.redisUrl
      ? SignInThrottle.shared(config.redisUrl, config.redisChannelPrefix)
      : undefined,
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    logger,
    origins: {
      allowedOrigins: config.allowedOrigins,
      allowLocalhost: config.allowLocalhostOrigins,
    },
    clientDir: paths.client,
    cable: {
      maxPayload: config.cableMaxPayload,
      maxSubscriptions: config.cableMaxSubscriptions,
      maxIdentifierLength: config.cableMaxIdentifierLength,
      maxGraphqlSubscriptions: config.cableMaxGraphqlSubscriptions,
      maxQueuedCommands: config.cableMaxQueuedCommands,
      messagesPerSecond: config.cableMessagesPerSecond,
      messageBurst: config.cableMessageBurst,
    },
    graphqlLimits: {
      maxTokens: config.graphqlMaxTokens,
      maxDepth: config.graphqlMaxDepth,
      maxAliases: config.graphqlMaxAliases,
      maxCost: config.graphqlMaxCost,
    },
  };
}
