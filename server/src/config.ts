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
  return {
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
