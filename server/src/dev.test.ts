import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { graphqlAs, signIn } from '../test/sign-in.js';

/**
 * `npm run dev` as a developer runs it: one server where the page comes from Vite (HMR) and
 * everything else is the real app, so signing in and editing work as in production.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'dev-test-'));
const child = spawn('npm', ['run', 'dev', '--silent'], {
  env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // its own process group: npm, tsx watch and the server stop together
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
afterAll(() => {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function ready(): Promise<string> {
  await expect
    .poll(() => /Ready: (http:\/\/localhost:\d+)/.exec(output)?.[1], { timeout: 60_000 })
    .toBeDefined();
  return /Ready: (http:\/\/localhost:\d+)/.exec(output)?.[1] ?? '';
}

const csrfMeta = (html: string) => /<meta name="csrf-token" content="([^"]*)">/.exec(html)?.[1];

describe('npm run dev', () => {
  it('serves the page through Vite with the session csrf-token, and a signed-in edit works', async () => {
    const url = await ready();
    const issuePage = `${url}/gitlab-org/gitlab-test/-/issues/1`;

    const anonymous = await (await fetch(issuePage)).text();
    expect(anonymous).toContain('<script type="module" src="/@vite/client"></script>');
    expect(csrfMeta(anonymous)).toBe('');
    expect(anonymous).toMatch(/<title>.+ \(#1\) · Issues · GitLab Test · GitLab<\/title>/);
    // The same status rules as the build: a missing issue is the 404 page.
    const missing = await fetch(`${url}/gitlab-org/gitlab-test/-/issues/99999`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<title>Not Found · GitLab</title>');
    const module = await fetch(`${url}/src/main.ts`);
    expect(module.status).toBe(200);
    expect(module.headers.get('content-type')).toMatch(/javascript/);

    const session = await signIn({ url }, 'alice');
    const page = await (await fetch(issuePage, { headers: { cookie: session.cookie } })).text();
    const csrfToken = csrfMeta(page);
    expect(csrfToken).toBe(session.csrfToken);

    const result = await graphqlAs(
      { url },
      { cookie: session.cookie, csrfToken: csrfToken ?? '' },
      `mutation { issueSetAssignees(input: { projectPath: "gitlab-org/gitlab-test", iid: "1",
        assigneeUsernames: ["bob"] }) { errors issue { assignees { nodes { username } } } } }`,
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          issueSetAssignees: { errors: [], issue: { assignees: { nodes: [{ username: 'bob' }] } } },
        },
      },
    });
  }, 90_000);

  it('answers Vite HMR on the same port as the app', async () => {
    const url = await ready();
    const socket = new WebSocket(url.replace('http', 'ws'), 'vite-hmr');
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data: Buffer) => resolve(data.toString()));
      socket.once('error', reject);
    });
    socket.close();
    expect(JSON.parse(first)).toMatchObject({ type: 'connected' });
  });
});
