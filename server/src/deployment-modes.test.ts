import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CableClient } from '../test/cable-client.js';
import { mutateIssueTwo, subscribeIssueTwo, usernames } from '../test/issue-two.js';
import { startMainProcess } from '../test/main-process.js';
import { startPostgresServer, type PostgresServer } from '../test/postgres-server.js';
import { startRedisServer, type RedisServer } from '../test/redis-server.js';

/**
 * The split deployment on real processes: `ROLE=web` serves HTTP only, `ROLE=cable` only the
 * cable, and `WEB_CONCURRENCY` forks workers sharing one port; all share PostgreSQL and Redis.
 */
let postgres: PostgresServer;
let redis: RedisServer;
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([postgres.stop(), redis.stop()]);
});
const shared = () => ({ PORT: '0', DATABASE_URL: postgres.url, REDIS_URL: redis.url });

describe('ROLE=web and ROLE=cable', () => {
  it('split the app between two processes, and a change on web is pushed by cable', async () => {
    const web = startMainProcess({ ...shared(), ROLE: 'web' });
    const cable = startMainProcess({ ...shared(), ROLE: 'cable' });
    const [webUrl, cableUrl] = await Promise.all([web.ready(), cable.ready()]);

    // web: no cable, neither as a page nor as a WebSocket.
    expect((await fetch(`${webUrl}/-/cable`)).status).toBe(404);
    await expect(CableClient.connect(webUrl, { origin: webUrl })).rejects.toThrow('HTTP 404');
    // cable: nothing but the cable, health and metrics.
    for (const path of ['/', '/api/graphql', '/gitlab-org/gitlab-test/-/issues/2']) {
      expect((await fetch(`${cableUrl}${path}`)).status).toBe(404);
    }
    for (const url of [webUrl, cableUrl]) {
      expect((await fetch(`${url}/-/readiness`)).status).toBe(200);
      expect((await fetch(`${url}/-/liveness`)).status).toBe(200);
      expect(await (await fetch(`${url}/-/metrics`)).text()).toContain(
        'action_cable_active_connections',
      );
    }

    const watcher = await subscribeIssueTwo(cableUrl, cableUrl);
    expect(watcher.first).toMatchObject({ message: { more: true } });
    expect(await mutateIssueTwo(webUrl, ['bob', 'carol'])).toEqual({
      data: { issueSetAssignees: { errors: [] } },
    });
    expect(usernames(await watcher.client.nextNonPing())).toEqual(['bob', 'carol']);
    watcher.client.close();

    web.child.kill('SIGTERM');
    cable.child.kill('SIGTERM');
    expect(await Promise.all([web.exit, cable.exit])).toEqual([0, 0]);
  }, 90_000);

  it('refuses ROLE=cable on the embedded defaults with one clear line', async () => {
    const cable = startMainProcess({ PORT: '0', ROLE: 'cable', DATABASE_URL: '', REDIS_URL: '' });
    expect(await cable.exit).toBe(1);
    expect(cable.output()).toContain(
      'Configuration error: ROLE=cable runs several processes, which must share a database and pub/sub: set DATABASE_URL and REDIS_URL',
    );
  });
});

describe('WEB_CONCURRENCY', () => {
  it('forks workers that share the port, serve and push, and stop together on SIGTERM', async () => {
    const cluster = startMainProcess({ ...shared(), WEB_CONCURRENCY: '2', LOG_LEVEL: 'info' });
    const url = await cluster.ready();
    await expect
      .poll(() => new Set(cluster.output().match(/\(worker \d+\)/g)).size, { timeout: 30_000 })
      .toBe(2);
    // Both workers listen on the same port.
    expect(cluster.output().split(`Ready: ${url}/`).length - 1).toBe(2);

    const watchers = await Promise.all([1, 2, 3, 4].map(() => subscribeIssueTwo(url, url)));
    await mutateIssueTwo(url, ['dave']);
    for (const watcher of watchers) {
      expect(usernames(await watcher.client.nextNonPing())).toEqual(['dave']);
    }

    // Whichever worker answers, the metrics are the cluster's: four subscriptions in all.
    for (let scrape = 0; scrape < 4; scrape += 1) {
      const text = await (await fetch(`${url}/-/metrics`)).text();
      expect(text, cluster.output()).toMatch(/^action_cable_active_connections 4$/m);
    }

    cluster.child.kill('SIGTERM');
    for (const watcher of watchers) {
      expect(await watcher.client.nextNonPing()).toMatchObject({ reason: 'server_restart' });
    }
    expect(await cluster.exit).toBe(0);
  }, 90_000);
});
