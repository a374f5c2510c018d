#!/usr/bin/env node
// The README's production run, for real, in a throw-away copy of the repository (CI step in
// .ci/run; about a minute): build here, copy the sources and the build, `npm ci --omit=dev
// --engine-strict` there (no dev dependencies, every runtime dependency's Node range checked),
// then the production command (NODE_ENV=production): it must start from the build, serve the page, sign in,
// change assignees over GraphQL and stop cleanly on SIGTERM. Then a stale build must be refused
// with advice, not fetch build tools.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'production-check-'));
const started = Date.now();
const children = [];
const step = (what) =>
  console.log(`[production-check ${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

try {
  step('npm run build');
  run('npm', ['run', 'build', '--silent']);
  step(`copy the sources and dist/ to ${dir}`);
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  });
  for (const file of tracked.split('\n').filter(Boolean)) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    cpSync(file, join(dir, file));
  }
  cpSync('dist', join(dir, 'dist'), { recursive: true });

  step('npm ci --omit=dev --engine-strict');
  run('npm', ['ci', '--omit=dev', '--engine-strict', '--no-audit', '--no-fund'], dir);

  // The systemd unit's two commands (docs/operations.md), which are also what `npm start` runs.
  step('node scripts/build-if-stale.mjs && node dist/server/main.js');
  run('node', ['scripts/build-if-stale.mjs'], dir);
  const server = start(dir, ['node', '--enable-source-maps', 'dist/server/main.js']);
  const url = await server.ready;
  const page = await (await fetch(`${url}/gitlab-org/gitlab-test/-/issues/1`)).text();
  assert.match(page, /<meta name="csrf-token"/);
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
  assert.ok(script, 'the page loads the built client');
  assert.equal((await fetch(`${url}${script}`)).status, 200);
  await signInAndAssign(url);
  server.child.kill('SIGTERM');
  assert.equal(await server.exit, 0, server.output());

  step('a stale build is refused with advice');
  writeFileSync(join(dir, 'client/src/stale.ts'), 'export {};\n');
  const stale = start(dir, ['npm', 'start', '--silent']);
  assert.equal(await stale.exit, 1);
  assert.match(stale.output(), /npm ci && npm run build/);
  step('passed');
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}

function start(cwd, [command, ...args]) {
  const child = spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATA_DIR: join(cwd, '.data'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  let onOutput = () => {};
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output += chunk;
      onOutput();
    });
  }
  const exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise((resolve, reject) => {
    onOutput = () => {
      const url = /Ready: (http:\/\/localhost:\d+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    void exit.then(() => reject(new Error(`the server exited before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`not ready after 120 s:\n${output}`)), 120_000).unref();
  });
  ready.catch(() => {}); // awaited only when the caller expects a start
  return { child, exit, ready, output: () => output };
}

async function signInAndAssign(url) {
  const signIn = await fetch(`${url}/users/sign_in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'root', password: process.env.DEMO_PASSWORD ?? '5iveL!fe' }),
  });
  assert.equal(signIn.status, 200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = await signIn.json();
  const response = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      query: `mutation { issueSetAssignees(input: { projectPath: "gitlab-org/gitlab-test", iid: "1",
        assigneeUsernames: ["bob"] }) { errors issue { assignees { nodes { username } } } } }`,
    }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.deepEqual(body.data.issueSetAssignees, {
    errors: [],
    issue: { assignees: { nodes: [{ username: 'bob' }] } },
  });
}
