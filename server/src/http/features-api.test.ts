import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { signIn, type SignedIn, createToken } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

/** GitLab's Features API: admin only, boolean gates, and what a change does to the page. */
const clientDir = mkdtempSync(join(tmpdir(), 'features-client-'));
writeFileSync(join(clientDir, 'index.html'), '<html><head>\n</head><body></body></html>');
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
const server = await startTestServer({ clientDir });

type Auth = SignedIn | { token: string } | null;

const token = (username: string, scopes: string[]) =>
  createToken(server, username, scopes, 'flags');

function headersOf(auth: Auth): Record<string, string> {
  if (auth && 'token' in auth) return { authorization: `Bearer ${auth.token}` };
  if (auth) return { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken };
  return {};
}

async function call(method: string, path: string, auth: Auth, body?: string | object) {
  const headers = headersOf(auth);
  let payload: string | undefined;
  if (typeof body === 'string') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = body;
  } else if (body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${server.url}/api/v4${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const page = async () => (await fetch(`${server.url}/gitlab-org/gitlab-test/-/issues/1`)).text();
const REALTIME_OFF = '<meta name="real-time-issue-sidebar" content="false">';

describe('Features API', () => {
  it('lists every flag, on by default, in GitLab’s shape (admin token)', async () => {
    const admin = { token: await token('root', ['api']) };
    const { status, body } = await call('GET', '/features', admin);
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({
        name: 'real_time_issue_sidebar',
        state: 'on',
        gates: [{ key: 'boolean', value: true }],
      }),
      expect.objectContaining({
        name: 'broadcast_issue_updates',
        state: 'on',
        gates: [{ key: 'boolean', value: true }],
      }),
      expect.objectContaining({
        name: 'issue_presence',
        state: 'on',
        gates: [{ key: 'boolean', value: true }],
      }),
    ]);
  });

  it('turns real_time_issue_sidebar off (form value) and the page tells the client; DELETE restores', async () => {
    const admin = { token: await token('root', ['api']) };
    expect(await page()).not.toContain(REALTIME_OFF);

    const off = await call('POST', '/features/real_time_issue_sidebar', admin, 'value=false');
    expect(off).toEqual({
      status: 201,
      body: expect.objectContaining({
        name: 'real_time_issue_sidebar',
        state: 'off',
        gates: [{ key: 'boolean', value: false }],
      }) as unknown,
    });
    expect(server.features.isEnabled('real_time_issue_sidebar')).toBe(false);
    expect(await page()).toContain(REALTIME_OFF);

    expect((await call('DELETE', '/features/real_time_issue_sidebar', admin)).status).toBe(204);
    expect(server.features.state('real_time_issue_sidebar').isDefault).toBe(true);
    expect(await page()).not.toContain(REALTIME_OFF);
  });

  it('accepts a session with its CSRF token (JSON value) and refuses one without', async () => {
    const session = await signIn(server, 'root');
    const withoutCsrf = await fetch(`${server.url}/api/v4/features/broadcast_issue_updates`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ value: false }),
    });
    expect(withoutCsrf.status).toBe(403);
    expect(server.features.isEnabled('broadcast_issue_updates')).toBe(true);

    const off = await call('POST', '/features/broadcast_issue_updates', session, { value: false });
    expect(off.status).toBe(201);
    expect(server.features.isEnabled('broadcast_issue_updates')).toBe(false);
    const on = await call('POST', '/features/broadcast_issue_updates', session, { value: 'true' });
    expect(on.body).toMatchObject({ state: 'on' });
    expect(server.features.isEnabled('broadcast_issue_updates')).toBe(true);
    const query = await call('POST', '/features/broadcast_issue_updates?value=false', session);
    expect(query.body).toMatchObject({ state: 'off' });
    expect((await call('DELETE', '/features/broadcast_issue_updates', session)).status).toBe(204);
    expect(server.features.state('broadcast_issue_updates').isDefault).toBe(true);
  });

  it('answers 401 to anonymous callers and 403 to non-admins and read_api tokens', async () => {
    const alice = { token: await token('alice', ['api']) };
    const readOnlyRoot = { token: await token('root', ['read_api']) };
    expect(await call('GET', '/features', null)).toMatchObject({ status: 401 });
    expect(
      await call('POST', '/features/broadcast_issue_updates', null, 'value=false'),
    ).toMatchObject({ status: 401 });
    expect(await call('GET', '/features', alice)).toEqual({
      status: 403,
      body: { message: '403 Forbidden', error: 'administrator access required' },
    });
    expect(await call('DELETE', '/features/broadcast_issue_updates', alice)).toMatchObject({
      status: 403,
    });
    expect(await call('GET', '/features', readOnlyRoot)).toMatchObject({ status: 200 });
    expect(
      await call('POST', '/features/broadcast_issue_updates', readOnlyRoot, 'value=false'),
    ).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    expect(server.features.isEnabled('broadcast_issue_updates')).toBe(true);
  });

  it('refuses unknown flags (404) and values other than true/false (400), changing nothing', async () => {
    const admin = { token: await token('root', ['api']) };
    expect(await call('POST', '/features/no_such_flag', admin, 'value=false')).toEqual({
      status: 404,
      body: {
        message: '404 Feature flag Not Found',
        error:
          "unknown feature flag 'no_such_flag'; known flags: real_time_issue_sidebar, broadcast_issue_updates, issue_presence",
      },
    });
    expect(await call('DELETE', '/features/no_such_flag', admin)).toMatchObject({ status: 404 });
    for (const body of ['value=maybe', 'value=', '', { value: 50 }]) {
      expect(await call('POST', '/features/broadcast_issue_updates', admin, body)).toEqual({
        status: 400,
        body: { message: '400 Bad request', error: 'value must be true or false' },
      });
    }
    expect(server.features.list().every((flag) => flag.isDefault)).toBe(true);
  });
});
