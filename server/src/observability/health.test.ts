import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';

import { startPostgresServer } from '../../test/postgres-server.js';
import { startRedisServer } from '../../test/redis-server.js';
import { startTestServer } from '../../test/start-test-server.js';
import { RedisAdapter } from '../pubsub/redis-adapter.js';

// Real Redis and PostgreSQL, so that readiness can watch each of them go away.
const [redis, postgres] = await Promise.all([startRedisServer(), startPostgresServer()]);
afterAll(() => postgres.stop());
const adapter = new RedisAdapter({ url: redis.url, logger: pino({ level: 'silent' }) });
const server = await startTestServer({ adapter, databaseUrl: postgres.url });

async function probe(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, body: await response.json() };
}

const ok = [{ status: 'ok' }];
const LIVE = { status: 200, body: { status: 'ok' } };

describe('health probes', () => {
  it('are live and ready when everything is up', async () => {
    expect(await probe('/-/liveness')).toEqual(LIVE);
    expect(await probe('/-/readiness')).toEqual({
      status: 200,
      body: { status: 'ok', master_check: ok, db_check: ok, pubsub_check: ok },
    });
  });

  it('turn unready while Redis is down, and ready again once it is back', async () => {
    await redis.stop();
    await expect
      .poll(() => probe('/-/readiness'), { timeout: 10_000 })
      .toEqual({
        status: 503,
        body: {
          status: 'failed',
          master_check: ok,
          db_check: ok,
          pubsub_check: [{ status: 'failed', message: 'pub/sub not connected' }],
        },
      });
    expect(await probe('/-/liveness')).toEqual(LIVE); // do not restart the process for it
    const metrics = await (await fetch(`${server.url}/-/metrics`)).text();
    expect(metrics).toMatch(/^pubsub_connected 0$/m);

    await redis.restart();
    await expect
      .poll(async () => (await probe('/-/readiness')).status, { timeout: 20_000 })
      .toBe(200);
  });

  it('turn unready when the database stops answering, with no error detail in the body', async () => {
    await postgres.stop();
    const { status, body } = await probe('/-/readiness');
    expect(status).toBe(503);
    expect(body).toEqual({
      status: 'failed',
      master_check: ok,
      db_check: [{ status: 'failed', message: 'database query failed' }],
      pubsub_check: ok,
    });
  });

  it('turn unready once a shutdown has begun, while staying live', async () => {
    await server.cable.shutdown();
    const { status, body } = await probe('/-/readiness');
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'failed',
      master_check: [{ status: 'failed', message: 'shutting down' }],
    });
    expect(await probe('/-/liveness')).toEqual(LIVE);
  });
});
