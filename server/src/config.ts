import { resolve } from 'node:path';

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
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; an invalid value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(
      `PORT must be an integer from 0 to 65535, got ${JSON.stringify(env.PORT)}`,
    );
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`,
    );
  }
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `ALLOWED_ORIGINS entries must look like https://host[:port], got ${JSON.stringify(origin)}`,
      );
    }
  }
  const databaseUrl = optionalUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = optionalUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  return {
    databaseUrl,
    redisUrl,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX ?? 'issues:',
    subscriptionGrouping: onOff(env, 'SUBSCRIPTION_GROUPING', true),
    maxAssignees: positiveInteger(env, 'MAX_ASSIGNEES', 100),
    cableMaxPayload: positiveInteger(env, 'CABLE_MAX_PAYLOAD', 64 * 1024),
    cableMaxSubscriptions: positiveInteger(env, 'CABLE_MAX_SUBSCRIPTIONS', 100),
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    logLevel,
    allowedOrigins,
    allowLocalhostOrigins: !production,
    production,
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function optionalUrl(
  env: NodeJS.ProcessEnv,
  name: string,
  protocols: string[],
): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new ConfigError(
      `${name} must be a URL like ${protocols[0]}//host:port, got something else`,
    );
  }
  if (!protocols.includes(protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'true' || raw === '1') return true;
  if (raw === 'off' || raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be on or off, got ${JSON.stringify(raw)}`);
}
