/**
 * Starts and measures server processes: the real server (a, b, Redis), the baseline (c) and the
 * floor (f).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchRedisServer } from '../../server/test/redis-process.js';

import type { Protocol, ServerCommand, ServerCounters, ServerReply } from './protocol.js';

export type Mode = 'a' | 'b' | 'c' | 'f' | 'redis';
export const MODE_LABEL: Record<Mode, string> = {
  a: '(a) shipped',
  b: '(b) grouping off',
  c: '(c) graphql-ws',
  f: '(f) floor: ws, no GraphQL/DB',
  redis: '(a) + Redis',
};

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProc {
  mode: Mode;
  pid: number;
  wsUrl: string;
  httpUrl: string;
  origin: string;
  protocol: Protocol;
  /** Headers that authenticate a write (a personal access token of root), if the server has sign-in. */
  headers: Record<string, string>;
  counters(): Promise<ServerCounters>;
  /** Full GC; resolves to the V8 heap in use afterwards (bytes). */
  gc(): Promise<number>;
  /** CPU profile of a window (real server only): start, then stop writing it to `file`. */
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  rssKb(): number;
  cpuSec(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function request<T extends ServerReply['type']>(
  child: ChildProcess,
  command: ServerCommand,
  type: T,
): Promise<Extract<ServerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not answer ${type}`)), 30_000);
    const onMessage = (reply: ServerReply) => {
      if (reply.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(reply as Extract<ServerReply, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(command);
  });
}

async function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts a server in its own process with `--expose-gc`; resolves once it prints `Ready:`. */
export async function startServer(
  mode: Mode,
  opts: { issues: number; redisUrl?: string; cpuProf?: boolean },
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const entry =
    mode === 'c'
      ? 'bench/baselines/graphql-ws-server.ts'
      : mode === 'f'
        ? 'bench/baselines/floor-server.ts'
        : 'bench/server-entry.ts';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    CABLE_MAX_SUBSCRIPTIONS: '100',
    SUBSCRIPTION_GROUPING: mode === 'b' ? 'off' : 'on',
    BENCH_ISSUES: String(opts.issues),
    DEMO_PASSWORD,
    REDIS_URL: mode === 'redis' ? opts.redisUrl : '',
  };
  const prof = opts.cpuProf
    ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results/prof', mode)}`]
    : [];
  const child = spawn(process.execPath, ['--expose-gc', ...prof, '--import', 'tsx', entry], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode}: no Ready line in 90 s`)), 90_000);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Ready: http:\/\/localhost:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`${mode}: server exited with ${code}`)));
  });
  const pid = child.pid ?? 0;
  const stat = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const server: ServerProc = {
    mode,
    pid,
    wsUrl: mode === 'c' ? `ws://127.0.0.1:${port}/graphql` : `ws://127.0.0.1:${port}/-/cable`,
    httpUrl: `http://127.0.0.1:${port}/api/graphql`,
    origin: `http://localhost:${port}`,
    protocol: mode === 'c' ? 'graphql-ws' : 'cable',
    headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
    counters: async () => (await request(child, { type: 'stats' }, 'stats')).counters,
    gc: async () => (await request(child, { type: 'gc' }, 'gc-done')).heapUsed,
    profileStart: async () =>
      void (await request(child, { type: 'profile-start' }, 'profile-started')),
    profileStop: async (file) =>
      void (await request(child, { type: 'profile-stop', file }, 'profile-written')),
    rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]),
    // utime and stime are fields 14 and 15 (11 and 12 after the command name), in 1/100 s.
    cpuSec: () => (Number(stat()[11]) + Number(stat()[12])) / 100,
    async stop() {
      child.kill('SIGTERM');
      if (!(await exited(child, 10_000))) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (mode !== 'c') await authorize(server, port);
  return server;
}

const DEMO_PASSWORD = 'bench-password';

/** Signs root in and creates a token through the real endpoints (no-op on a server without sign-in). */
async function authorize(server: ServerProc, port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const json = { ...server.headers };
  const signIn = await fetch(`${base}/users/sign_in`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'root', password: DEMO_PASSWORD }),
  });
  if (signIn.status === 404) return;
  const { csrfToken } = (await signIn.json()) as { csrfToken?: string };
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${base}/api/v4/user/personal_access_tokens`, {
    method: 'POST',
    headers: { ...json, cookie, 'x-csrf-token': csrfToken ?? '' },
    body: JSON.stringify({ name: 'bench', scopes: ['api'] }),
  });
  const { token } = (await created.json()) as { token?: string };
  if (!token) throw new Error(`${server.mode}: could not create a token (HTTP ${created.status})`);
  server.headers.authorization = `Bearer ${token}`;
}

/** A throw-away redis-server on a free port (the tests' launcher); `stop()` removes it. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const redis = await launchRedisServer();
  return { url: redis.url, stop: () => redis.dispose() };
}
