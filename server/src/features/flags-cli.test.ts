import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { describe, expect, it } from 'vitest';

import { createToken } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

import { runFlagsCli } from './flags-cli.js';

/** The `npm run flags` command against a real server on port 0. */
const server = await startTestServer();

const token = (username: string, scopes: string[]) => createToken(server, username, scopes, 'cli');

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFlagsCli(args, {
    env: { GITLAB_URL: server.url, ...env },
    fetch,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

/** A port nothing listens on: bound, noted and released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('npm run flags', () => {
  it('lists the flags, signing in as root with the demo password by default', async () => {
    const { code, out, err } = await run(['list']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^real_time_issue_sidebar\s+on\s+Issue pages open the cable/);
    expect(out[1]).toMatch(/^broadcast_issue_updates\s+on\s+/);
    expect(out[2]).toMatch(/^issue_presence\s+on\s+Issue pages show who else/);
  });

  it('disables, enables and resets a flag with an admin token', async () => {
    const env = { GITLAB_TOKEN: await token('root', ['api']) };
    expect(await run(['disable', 'broadcast_issue_updates'], env)).toEqual({
      code: 0,
      out: ['broadcast_issue_updates: off'],
      err: [],
    });
    expect(server.features.isEnabled('broadcast_issue_updates')).toBe(false);
    expect((await run(['enable', 'broadcast_issue_updates'], env)).out).toEqual([
      'broadcast_issue_updates: on',
    ]);
    expect(server.features.state('broadcast_issue_updates').isDefault).toBe(false);
    expect((await run(['reset', 'broadcast_issue_updates'], env)).code).toBe(0);
    expect(server.features.state('broadcast_issue_updates').isDefault).toBe(true);
  });

  it('fails with one clear line and exit 1: non-admin, bad token, wrong password, unknown flag, no server', async () => {
    const alice = await run(['disable', 'real_time_issue_sidebar'], {
      GITLAB_TOKEN: await token('alice', ['api']),
    });
    expect(alice).toEqual({
      code: 1,
      out: [],
      err: [
        "flags: forbidden (403: administrator access required); an administrator's token with the api scope is needed",
      ],
    });
    expect((await run(['list'], { GITLAB_TOKEN: 'glpat-nonsense' })).err).toEqual([
      'flags: not authenticated (401: token_invalid); check GITLAB_TOKEN',
    ]);
    const wrong = await run(['list'], { DEMO_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toEqual([
      "flags: signing in as root failed (401: Invalid username or password.); set GITLAB_TOKEN to an admin personal access token or DEMO_PASSWORD to root's password",
    ]);
    expect(await run(['disable', 'no_such_flag'])).toEqual({
      code: 1,
      out: [],
      err: [
        "flags: unknown feature flag 'no_such_flag'; known: real_time_issue_sidebar, broadcast_issue_updates, issue_presence",
      ],
    });
    const port = await closedPort();
    const down = await run(['list'], { GITLAB_URL: `http://127.0.0.1:${port}` });
    expect(down).toEqual({
      code: 1,
      out: [],
      err: [
        `flags: cannot reach the server at http://127.0.0.1:${port} (ECONNREFUSED); is it running? (GITLAB_URL)`,
      ],
    });
    expect(server.features.list().every((flag) => flag.isDefault)).toBe(true);
  });

  it('prints the usage and exits 2 on a bad command line', async () => {
    for (const args of [[], ['toggle', 'broadcast_issue_updates'], ['disable'], ['list', 'x']]) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err[0]).toMatch(/^usage: npm run flags -- list \| enable <name>/);
    }
  });

  it('runs as a command (scripts/flags.ts): exit code and output', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/flags.ts', 'disable', 'real_time_issue_sidebar'],
      {
        env: { ...process.env, GITLAB_URL: server.url, GITLAB_TOKEN: '', DEMO_PASSWORD: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect({ code, output }).toEqual({ code: 0, output: 'real_time_issue_sidebar: off\n' });
    expect(server.features.isEnabled('real_time_issue_sidebar')).toBe(false);
    await server.features.reset('real_time_issue_sidebar', null);
  });
});
