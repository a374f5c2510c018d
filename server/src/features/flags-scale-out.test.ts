import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';

import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from '../../test/cable-client.js';
import { deferred } from '../../test/deferred.js';
import { startMainProcess } from '../../test/main-process.js';
import { startPostgresServer } from '../../test/postgres-server.js';
import { startRedisServer } from '../../test/redis-server.js';
import { graphqlAs, signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';
import { RedisAdapter } from '../pubsub/redis-adapter.js';

import type { FeatureFlags } from './feature-flags.js';

/**
 * A flag changed through process A (the real entry point, its own OS process) takes effect in
 * process B (this test's process) within one pub/sub message: both share PostgreSQL and Redis.
 */
const redis = await startRedisServer();
const postgres = await startPostgresServer();
afterAll(() => postgres.stop());
const clientDir = mkdtempSync(join(tmpdir(), 'flags-client-'));
writeFileSync(join(clientDir, 'index.html'), '<html><head>\n</head><body></body></html>');
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

const REALTIME_OFF = '<meta name="real-time-issue-sidebar" content="false">';

async function setFlag(url: string, root: SignedIn, name: string, value: boolean | null) {
  const response = await fetch(`${url}/api/v4/features/${name}`, {
    method: value === null ? 'DELETE' : 'POST',
    headers: {
      cookie: root.cookie,
      'x-csrf-token': root.csrfToken,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: value === null ? undefined : `value=${value}`,
  });
  expect(response.status).toBe(value === null ? 204 : 201);
}

/** Resolves once `flags` (process B) has reloaded and `name` has the wanted value. */
function whenFlag(
  flags: FeatureFlags,
  name: 'real_time_issue_sidebar' | 'broadcast_issue_updates',
  enabled: boolean,
) {
  const reached = deferred();
  const remove = flags.onChange(() => {
    if (flags.isEnabled(name) !== enabled) return;
    remove();
    reached.resolve();
  });
  return reached.promise;
}

async function setAssignees(url: string, as: SignedIn, usernames: string[]) {
  const mutation = `mutation { issueSetAssignees(input: { projectPath: "gitlab-org/gitlab-test", iid: "2", assigneeUsernames: ${JSON.stringify(usernames)} }) { errors } }`;
  const { body } = await graphqlAs({ url }, as, mutation);
  expect(body).toEqual({ data: { issueSetAssignees: { errors: [] } } });
}

const usernames = (frame: Frame) =>
  (
    frame.message as {
      result: { data: { issueUpdated: { assignees: { nodes: { username: string }[] } } } };
    }
  ).result.data.issueUpdated.assignees.nodes.map((node) => node.username);

async function subscribeIssue2(url: string): Promise<CableClient> {
  const client = await CableClient.connect(url);
  await client.nextNonPing(); // welcome
  const identifier = graphqlIdentifier('flags');
  client.subscribe(identifier);
  await client.nextNonPing(); // confirm_subscription
  client.perform(identifier, {
    query: print(IssueUpdatedDocument),
    variables: { issueId: 'gid://gitlab/Issue/2' },
    action: 'execute',
  });
  await client.nextNonPing(); // the first payload
  return client;
}

describe('feature flags across processes', () => {
  it('toggled through process A, honoured by process B: pushes stop, the page meta flips', async () => {
    const a = startMainProcess({ PORT: '0', DATABASE_URL: postgres.url, REDIS_URL: redis.url });
    // startMainProcess's afterAll does not run when registered inside a test: kill A here too.
    onTestFinished(() => {
      if (a.child.exitCode === null) a.child.kill('SIGKILL');
    });
    const urlA = await a.ready();
    const b = await startTestServer({
      databaseUrl: postgres.url,
      adapter: new RedisAdapter({
        url: redis.url,
        channelPrefix: 'issues:', // main.ts's default REDIS_CHANNEL_PREFIX
        logger: pino({ level: 'silent' }),
      }),
      clientDir,
    });
    const [rootOnA, aliceOnA, aliceOnB] = [
      await signIn({ url: urlA }, 'root'),
      await signIn({ url: urlA }, 'alice'),
      await signIn(b, 'alice'),
    ];
    const viewer = await subscribeIssue2(b.url);
    onTestFinished(() => viewer.close());

    // broadcast_issue_updates off on A: neither process triggers; writes still commit.
    const off = whenFlag(b.features, 'broadcast_issue_updates', false);
    await setFlag(urlA, rootOnA, 'broadcast_issue_updates', false);
    await off;
    await setAssignees(urlA, aliceOnA, ['carol']);
    await setAssignees(b.url, aliceOnB, ['dave']);
    expect(
      (await b.database.repository.findIssueById(2))?.assignees.map((u) => u.username),
    ).toEqual(['dave']);

    // Back on (reset to the default): the next change is the first push the viewer sees.
    const on = whenFlag(b.features, 'broadcast_issue_updates', true);
    await setFlag(urlA, rootOnA, 'broadcast_issue_updates', null);
    await on;
    await setAssignees(b.url, aliceOnB, ['bob']);
    expect(usernames(await viewer.nextNonPing())).toEqual(['bob']);

    // real_time_issue_sidebar off on A: B's pages tell the client to poll instead.
    const page = async () => (await fetch(`${b.url}/gitlab-org/gitlab-test/-/issues/2`)).text();
    expect(await page()).not.toContain(REALTIME_OFF);
    const sidebarOff = whenFlag(b.features, 'real_time_issue_sidebar', false);
    await setFlag(urlA, rootOnA, 'real_time_issue_sidebar', false);
    await sidebarOff;
    expect(await page()).toContain(REALTIME_OFF);
    const sidebarOn = whenFlag(b.features, 'real_time_issue_sidebar', true);
    await setFlag(urlA, rootOnA, 'real_time_issue_sidebar', true);
    await sidebarOn;
    expect(await page()).not.toContain(REALTIME_OFF);

    a.child.kill('SIGTERM');
    expect(await a.exit).toBe(0);
  }, 90_000);
});
