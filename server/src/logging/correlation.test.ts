import { Writable } from 'node:stream';

import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { subscribeIssueTwo } from '../../test/issue-two.js';
import { startRedisServer } from '../../test/redis-server.js';
import { signIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';
import { RedisAdapter } from '../pubsub/redis-adapter.js';

import { createLogger } from './logger.js';

const redis = await startRedisServer();

/** Log lines as objects, from a logger writing to memory. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info' }, sink) };
}

describe('correlation ids', () => {
  it("travel from the mutation's request, through Redis, to the push line", async () => {
    const { lines, logger } = capture();
    const adapter = new RedisAdapter({ url: redis.url, logger: pino({ level: 'silent' }) });
    const server = await startTestServer({ logger, adapter });
    const watcher = await subscribeIssueTwo(server.url);

    const session = await signIn(server, 'alice');
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'x-request-id': 'trace-me-123',
      },
      body: JSON.stringify({
        query:
          'mutation { issueSetAssignees(input: { projectPath: "gitlab-org/gitlab-test", iid: "2", assigneeUsernames: ["bob"] }) { errors } }',
      }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    await watcher.client.nextNonPing(); // the push arrived
    watcher.client.close();

    const traced = lines.filter((line) => line.correlation_id === 'trace-me-123');
    expect(traced.map((line) => line.msg)).toEqual(expect.arrayContaining(['request', 'push']));
    expect(traced.find((line) => line.msg === 'push')).toMatchObject({
      topic: ':issueUpdated:issueId:gid://gitlab/Issue/2',
      subscribers: 1,
    });
  });

  it('replaces an unusable X-Request-Id with a fresh one', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/graphql?query={__typename}`, {
      headers: { 'x-request-id': 'has spaces and a "quote"' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the full path of a request, without its query string', async () => {
    const { lines, logger } = capture();
    const server = await startTestServer({ logger });
    const session = await signIn(server, 'alice');
    const refused = await fetch(`${server.url}/api/graphql?private_token=secret`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie }, // no CSRF token
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(refused.status).toBe(403);
    const id = refused.headers.get('x-request-id');
    await expect
      .poll(() => lines.find((line) => line.msg === 'request' && line.correlation_id === id))
      .toMatchObject({ method: 'POST', path: '/api/graphql', status: 403 });
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});
