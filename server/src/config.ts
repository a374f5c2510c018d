import { resolve } from 'node:path';

import { z } from 'zod';

/** Which parts of the app one process serves (GitLab's web / Action Cable split). */
export const ROLES = ['all', 'web', 'cable'] as const;
export type Role = (typeof ROLES)[number];

/** Settings from the environment; see the README's configuration table. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  /** Exact origins allowed to open the cable besides the same origin as the Host. */
  allowedOrigins: string[];
  /** Any localhost origin may open the cable (development and tests). */
  allowLocalhostOrigins: boolean;
  production: boolean;
  /** Largest cable frame accepted, in bytes. */
  cableMaxPayload: number;
  /** Channel subscriptions one cable connection may hold. */
  cableMaxSubscriptions: number;
  /** Longest subscribe identifier accepted (GitLab's style carries the whole document). */
  cableMaxIdentifierLength: number;
  /** Live GraphQL subscriptions one cable connection may hold, across its channels. */
  cableMaxGraphqlSubscriptions: number;
  /** Commands one cable connection may have waiting; more closes it (`too_many_commands`). */
  cableMaxQueuedCommands: number;
  /** Sustained frames per second one cable connection may send, and the burst above it. */
  cableMessagesPerSecond: number;
  cableMessageBurst: number;
  /** Cost limits of every GraphQL document (HTTP and cable). */
  graphqlMaxTokens: number;
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxCost: number;
  /** Window over which shutdown spreads `server_restart` disconnects, in milliseconds. */
  cableDrainMs: number;
  /** A real PostgreSQL shared by every process; unset: the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Redis for pub/sub between processes; unset: in-process pub/sub. */
  redisUrl: string | undefined;
  /** Prefix of this deployment's Redis channels (several apps may share one Redis). */
  redisChannelPrefix: string;
  /** Shared execution of identical subscriptions (off only to benchmark GitLab's design). */
  subscriptionGrouping: boolean;
  /** Most assignees one issue may have. */
  maxAssignees: number;
  /** all: web + cable; web: HTTP only; cable: only /-/cable, health and metrics. */
  role: Role;
  /** Worker processes (node:cluster) sharing the port. */
  webConcurrency: number;
  /** Serve /-/metrics (always to loopback; to others only with `metricsToken`). */
  metricsEnabled: boolean;
  metricsToken: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const unset = (value: unknown) => (value === '' ? undefined : value);

const positiveInteger = (fallback: number) =>
  z.preprocess(
    unset,
    z.coerce
      .number({ error: 'must be a positive integer' })
      .int('must be a positive integer')
      .positive('must be a positive integer')
      .default(fallback),
  );

const onOff = (fallback: boolean) =>
  z.preprocess(
    unset,
    z
      .enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be on or off' })
      .default(fallback ? 'on' : 'off')
      .transform((value) => value === 'on' || value === 'true' || value === '1'),
  );

const url = (protocols: readonly string[]) =>
  z.preprocess(
    unset,
    z
      .url({
        protocol: new RegExp(`^(${protocols.join('|')})$`),
        error: `must be a URL like ${protocols[0]}://host:port`,
      })
      .optional(),
  );

const origin = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/, 'entries must look like https://host[:port]');

/** The environment as zod sees it: each key is the variable's name, so errors can name it. */
const Environment = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.preprocess(
    unset,
    z.coerce
      .number({ error: 'must be an integer from 0 to 65535' })
      .int('must be an integer from 0 to 65535')
      .min(0, 'must be an integer from 0 to 65535')
      .max(65535, 'must be an integer from 0 to 65535')
      .default(3000),
  ),
  HOST: z.preprocess(unset, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(unset, z.string().default('.data')),
  LOG_LEVEL: z.preprocess(
    unset,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  ALLOWED_ORIGINS: z.preprocess(
    (raw) =>
      typeof raw === 'string'
        ? raw
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean)
        : [],
    z.array(origin),
  ),
  DATABASE_URL: url(['postgres', 'postgresql']),
  REDIS_URL: url(['redis', 'rediss']),
  REDIS_CHANNEL_PREFIX: z.preprocess(unset, z.string().default('issues:')),
  SUBSCRIPTION_GROUPING: onOff(true),
  MAX_ASSIGNEES: positiveInteger(100),
  CABLE_MAX_PAYLOAD: positiveInteger(64 * 1024),
  CABLE_MAX_SUBSCRIPTIONS: positiveInteger(100),
  CABLE_MAX_IDENTIFIER_LENGTH: positiveInteger(16 * 1024),
  CABLE_MAX_GRAPHQL_SUBSCRIPTIONS: positiveInteger(100),
  CABLE_MAX_QUEUED_COMMANDS: positiveInteger(200),
  CABLE_MESSAGES_PER_SECOND: positiveInteger(50),
  CABLE_MESSAGE_BURST: positiveInteger(300),
  GRAPHQL_MAX_TOKENS: positiveInteger(5_000),
  GRAPHQL_MAX_DEPTH: positiveInteger(20),
  GRAPHQL_MAX_ALIASES: positiveInteger(30),
  GRAPHQL_MAX_COST: positiveInteger(250_000),
  CABLE_DRAIN_SECONDS: z.preprocess(
    unset,
    z.coerce
      .number({ error: 'must be a number of seconds from 0 to 300' })
      .min(0, 'must be a number of seconds from 0 to 300')
      .max(300, 'must be a number of seconds from 0 to 300')
      .default(5),
  ),
  ROLE: z.preprocess(unset, z.enum(ROLES, { error: 'must be all, web or cable' }).default('all')),
  WEB_CONCURRENCY: positiveInteger(1),
  METRICS_ENABLED: onOff(true),
  METRICS_TOKEN: z.preprocess(
    unset,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
});

/** Reads and validates the environment; an invalid value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = /TOKEN|PASSWORD|SECRET/.test(name) ? '' : `, got ${shown(env[name])}`;
    throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'}${got}`);
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    allowedOrigins: e.ALLOWED_ORIGINS,
    allowLocalhostOrigins: e.NODE_ENV !== 'production',
    production: e.NODE_ENV === 'production',
    cableMaxPayload: e.CABLE_MAX_PAYLOAD,
    cableMaxSubscriptions: e.CABLE_MAX_SUBSCRIPTIONS,
    cableMaxIdentifierLength: e.CABLE_MAX_IDENTIFIER_LENGTH,
    cableMaxGraphqlSubscriptions: e.CABLE_MAX_GRAPHQL_SUBSCRIPTIONS,
    cableMaxQueuedCommands: e.CABLE_MAX_QUEUED_COMMANDS,
    cableMessagesPerSecond: e.CABLE_MESSAGES_PER_SECOND,
    cableMessageBurst: e.CABLE_MESSAGE_BURST,
    graphqlMaxTokens: e.GRAPHQL_MAX_TOKENS,
    graphqlMaxDepth: e.GRAPHQL_MAX_DEPTH,
    graphqlMaxAliases: e.GRAPHQL_MAX_ALIASES,
    graphqlMaxCost: e.GRAPHQL_MAX_COST,
    cableDrainMs: Math.round(e.CABLE_DRAIN_SECONDS * 1000),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisChannelPrefix: e.REDIS_CHANNEL_PREFIX,
    subscriptionGrouping: e.SUBSCRIPTION_GROUPING,
    maxAssignees: e.MAX_ASSIGNEES,
    role: e.ROLE,
    webConcurrency: e.WEB_CONCURRENCY,
    metricsEnabled: e.METRICS_ENABLED,
    metricsToken: e.METRICS_TOKEN,
  };
  checkMultiProcess(config);
  return config;
}

/**
 * Several processes only agree on data and pushes through a shared PostgreSQL and Redis; the
 * embedded defaults (PGlite in a local directory, in-process pub/sub) would split the world.
 */
function checkMultiProcess(config: Config): void {
  const why =
    config.role !== 'all'
      ? `ROLE=${config.role}`
      : config.webConcurrency > 1
        ? `WEB_CONCURRENCY=${config.webConcurrency}`
        : undefined;
  if (!why) return;
  const missing = [
    config.databaseUrl ? undefined : 'DATABASE_URL',
    config.redisUrl ? undefined : 'REDIS_URL',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(
      `${why} runs several processes, which must share a database and pub/sub: set ${missing.join(' and ')} (or use the embedded defaults with ROLE=all and WEB_CONCURRENCY=1)`,
    );
  }
}

/** Secrets are never echoed back: URLs lose their credentials, tokens are not shown at all. */
function shown(raw: string | undefined): string {
  if (raw === undefined) return 'nothing';
  try {
    const parsed = new URL(raw);
    if (parsed.password || parsed.username) {
      parsed.username = '';
      parsed.password = '';
      return JSON.stringify(parsed.toString());
    }
  } catch {
    // not a URL: shown as it is below
  }
  return JSON.stringify(raw);
}
