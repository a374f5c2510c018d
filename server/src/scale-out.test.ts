import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';

import {
  mutateIssueTwo as mutate,
  subscribeIssueTwo as subscribeIssue2,
  usernames,
} from '../test/issue-two.js';
import { startMainProcess } from '../test/main-process.js';
import { startPostgresServer } from '../test/postgres-server.js';
import { startRedisServer } from '../test/redis-server.js';
import { graphqlRequest, startTestServer } from '../test/start-test-server.js';

import { RedisAdapter } from './pubsub/redis-adapter.js';

/**
 * Many processes, one PostgreSQL, one Redis: a change made through any process reaches the
 * subscribers of every other one; and a Redis outage never fails a write.
 */
const redis = await startRedisServer();
describe('scale-out', () => {
  it('a subscriber on process B receives the push for a mutation sent to process A', async () => {
    const postgres = await startPostgresServer();
    onTestFinished(() => postgres.stop());
    const env = { PORT: '0', DATABASE_URL: postgres.url, REDIS_URL: redis.url };
    const [a, b] = [startMainProcess(env), startMainProcess(env)];
    const [urlA, urlB] = await Promise.all([a.ready(), b.ready()]);
    expect(urlA).not.toBe(urlB);

    const onB = await subscribeIssue2(urlB, urlB);
    const response = await mutate(urlA, ['carol', 'bob']);
    expect(response).toEqual({ data: { issueSetAssignees: { errors: [] } } });
    expect(usernames(await onB.client.nextNonPing())).toEqual(['carol', 'bob']);

    // Both read the same database: B's own query sees A's write.
    const read = await graphqlRequest(
      { url: urlB },
      '{ project(fullPath: "gitlab-org/gitlab-test") { issue(iid: "2") { assignees { nodes { username } } } } }',
    );
    expect(JSON.stringify(read)).toContain('"carol"');
    onB.client.close();
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await Promise.all([a.exit, b.exit])).toEqual([0, 0]);
  }, 90_000);

  it('a mutation commits and answers while Redis is down; viewers converge when it is back', async () => {
    const adapter = new RedisAdapter({ url: redis.url, logger: pino({ level: 'silent' }) });
    const server = await startTestServer({ adapter });
    const before = await subscribeIssue2(server.url);
    before.client.close();

    await redis.stop();
    const started = Date.now();
    const response = await mutate(server.url, ['dave']);
    expect(response).toEqual({ data: { issueSetAssignees: { errors: [] } } }); // GitLab answered 500 here
    expect(Date.now() - started).toBeLessThan(5_000);
    // The mutation no longer waits for the failing publish (at most publishWaitMs): it fails after.
    await expect.poll(() => adapter.stats.publishFailures).toBeGreaterThan(0);

    await redis.restart();
    // A viewer that (re)subscribes gets the current state first, then live pushes again.
    await expect
      .poll(
        async () => {
          const { client, first } = await subscribeIssue2(server.url);
          client.close();
          return usernames(first);
        },
        { timeout: 20_000 },
      )
      .toEqual(['dave']);
    const after = await subscribeIssue2(server.url);
    await expect
      .poll(
        async () => {
          await mutate(server.url, ['alice']);
          await mutate(server.url, ['dave']);
          return after.client.unread().length;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    after.client.close();
  }, 60_000);
});
