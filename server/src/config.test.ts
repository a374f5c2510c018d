import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from './config.js';

const shared = { DATABASE_URL: 'postgres://db/app', REDIS_URL: 'redis://cache:6379' };

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      role: 'all',
      webConcurrency: 1,
      databaseUrl: undefined,
      redisUrl: undefined,
      subscriptionGrouping: true,
      cableDrainMs: 5000,
      metricsEnabled: true,
      metricsToken: undefined,
      allowLocalhostOrigins: true,
      cableMaxIdentifierLength: 16 * 1024,
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      ...shared,
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'warn',
      ALLOWED_ORIGINS: 'https://gitlab.example.com, http://localhost:8080',
      SUBSCRIPTION_GROUPING: 'off',
      MAX_ASSIGNEES: '10',
      CABLE_MAX_PAYLOAD: '1024',
      CABLE_MAX_SUBSCRIPTIONS: '5',
      CABLE_MAX_IDENTIFIER_LENGTH: '4096',
      CABLE_DRAIN_SECONDS: '0.5',
      ROLE: 'cable',
      WEB_CONCURRENCY: '2',
      METRICS_ENABLED: 'false',
      METRICS_TOKEN: 'a-long-enough-metrics-token',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'warn',
      allowedOrigins: ['https://gitlab.example.com', 'http://localhost:8080'],
      subscriptionGrouping: false,
      maxAssignees: 10,
      cableMaxPayload: 1024,
      cableMaxSubscriptions: 5,
      cableMaxIdentifierLength: 4096,
      cableDrainMs: 500,
      role: 'cable',
      webConcurrency: 2,
      metricsEnabled: false,
      metricsToken: 'a-long-enough-metrics-token',
      production: true,
      allowLocalhostOrigins: false,
    });
  });

  it.each([
    [{ PORT: '70000' }, 'PORT must be an integer from 0 to 65535, got "70000"'],
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535, got "abc"'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [{ ALLOWED_ORIGINS: 'gitlab.example.com' }, 'ALLOWED_ORIGINS entries must look like'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL must be a URL like redis://host:port'],
    [{ MAX_ASSIGNEES: '0' }, 'MAX_ASSIGNEES must be a positive integer, got "0"'],
    [{ SUBSCRIPTION_GROUPING: 'maybe' }, 'SUBSCRIPTION_GROUPING must be on or off'],
    [{ ROLE: 'worker' }, 'ROLE must be all, web or cable, got "worker"'],
    [{ CABLE_DRAIN_SECONDS: '-1' }, 'CABLE_DRAIN_SECONDS must be a number of seconds'],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a secret back', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(
      /^METRICS_TOKEN must be at least 16 characters$/,
    );
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/app' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DATABASE_URL must be a URL like postgres://');
    expect(message).not.toContain('hunter2');
  });

  it.each([
    [
      { ROLE: 'cable' },
      'ROLE=cable runs several processes, which must share a database and pub/sub: set DATABASE_URL and REDIS_URL',
    ],
    [
      { ROLE: 'web', DATABASE_URL: shared.DATABASE_URL },
      'ROLE=web runs several processes, which must share a database and pub/sub: set REDIS_URL',
    ],
    [
      { WEB_CONCURRENCY: '4', REDIS_URL: shared.REDIS_URL },
      'WEB_CONCURRENCY=4 runs several processes, which must share a database and pub/sub: set DATABASE_URL',
    ],
  ])('refuses a multi-process setup on the embedded defaults: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
