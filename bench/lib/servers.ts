/**
 * Starts and measures server processes: the real server (a, b; pg on PostgreSQL + Redis; x2, the
 * unchanged entry point with two cluster workers), the baseline (c) and the floor (f).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createBenchIssues } from './bench-issues.js';
import { processTree, rssKb, treeCpuSec, treeRssKb } from './proc-tree.js';
import type { Protocol, ServerCommand, ServerCounters, ServerReply } from './protocol.js';
import { withDatabase } from './services.js';

export type Mode = 'a' | 'b' | 'c' | 'f' | 'pg' | 'x2';
export const MODE_LABEL: Record<Mode, string> = {
  a: '(a) shipped',
  b: '(b) grouping off',
  c: '(c) graphql-ws',
  f: '(f) floor: ws, no GraphQL/DB',
  pg: '(a) on PostgreSQL + Redis',
  x2: '(a) 2 workers, PostgreSQL + Redis',
};
/** Modes whose process takes CPU profiles of a window on request (the bench entry). */
export const PROFILED: readonly Mode[] = ['a', 'b', 'pg'];

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
  /** The server-side counters; zeros from x2 (no IPC). */
  counters(): Promise<ServerCounters>;
  /** Full GC; resolves to the V8 heap in use afterwards (bytes). */
  gc(): Promise<number>;
  /** CPU profile of a window (real server only): start, then stop writing it to `file`. */
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  /** RSS of the processes holding the sockets: the server, or the cluster's processes. */
  rssKb(): number;
  /** RSS summed over the server and every process it started (a database child, workers). */
  treeRssKb(): number;
  /** CPU seconds of the server and every process it started. */
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

export interface StartOpts {
  /** Issues the server must hold (`benchIssueIds(issues)`). */
  issues: number;
  /** pg and x2: their own database and Redis (bench/lib/services.ts). */
  databaseUrl?: string;
  redisUrl?: string;
}

const ENTRY: Record<Mode, string> = {
  a: 'bench/server-entry.ts',
  b: 'bench/server-entry.ts',
  pg: 'bench/server-entry.ts',
  c: 'bench/baselines/graphql-ws-server.ts',
  f: 'bench/baselines/floor-server.ts',
  // The unchanged entry point (`npm start` runs its build): no probes, no IPC.
  x2: 'server/src/main.ts',
};

/** Starts a server in its own process; resolves once it (every worker of x2) printed `Ready:`. */
export async function startServer(mode: Mode, opts: StartOpts): Promise<ServerProc> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const shared = mode === 'pg' || mode === 'x2';
  if (shared && (!opts.databaseUrl || !opts.redisUrl))
    throw new Error(`${mode} needs the harness's PostgreSQL and Redis`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: mode === 'x2' ? String(await freePort()) : '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    CABLE_MAX_SUBSCRIPTIONS: '100',
    SUBSCRIPTION_GROUPING: mode === 'b' ? 'off' : 'on',
    BENCH_ISSUES: String(opts.issues),
    DEMO_PASSWORD,
    DATABASE_URL: shared ? opts.databaseUrl : '',
    REDIS_URL: shared ? opts.redisUrl : '',
    // Its own channels: the other server on the same Redis must not see its events.
    REDIS_CHANNEL_PREFIX: `bench-${mode}:`,
    WEB_CONCURRENCY: mode === 'x2' ? '2' : '1',
    CABLE_DRAIN_SECONDS: '0', // the bench's clients are gone when a server stops
  };
  const probed = mode !== 'x2';
  const child = spawn(
    process.execPath,
    [...(probed ? ['--expose-gc'] : []), '--import', 'tsx', ENTRY[mode]],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit', ...(probed ? ['ipc' as const] : [])] },
  );
  const port = await readyPort(child, mode, mode === 'x2' ? 2 : 1);
  const pid = child.pid ?? 0;
  const counters = async (): Promise<ServerCounters> =>
    probed
      ? (await request(child, { type: 'stats' }, 'stats')).counters
      : {
          publishes: 0,
          publishesByField: {},
          executions: 0,
          deliveries: 0,
          reads: 0,
          deliveryReads: 0,
        };
  const server: ServerProc = {
    mode,
    pid,
    wsUrl: mode === 'c' ? `ws://127.0.0.1:${port}/graphql` : `ws://127.0.0.1:${port}/-/cable`,
    httpUrl: `http://127.0.0.1:${port}/api/graphql`,
    origin: `http://localhost:${port}`,
    protocol: mode === 'c' ? 'graphql-ws' : 'cable',
    headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
    counters,
    gc: async () => (probed ? (await request(child, { type: 'gc' }, 'gc-done')).heapUsed : 0),
    profileStart: async () =>
      void (await request(child, { type: 'profile-start' }, 'profile-started')),
    profileStop: async (file) =>
      void (await request(child, { type: 'profile-stop', file }, 'profile-written')),
    rssKb: () => (mode === 'x2' ? treeRssKb(pid) : rssKb(pid)),
    treeRssKb: () => treeRssKb(pid),
    cpuSec: () => treeCpuSec(pid),
    async stop() {
      // Its children (x2's workers, a database process) would outlive a killed parent: a
      // server that does not stop in time is killed with every process it had started.
      const tree = processTree(pid);
      child.kill('SIGTERM');
      if (!(await exited(child, 15_000)))
        for (const p of tree) {
          try {
            process.kill(p, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    // The cluster's database gets the spread's issues from here (its entry point is unchanged).
    if (mode === 'x2' && opts.databaseUrl && opts.issues > 20)
      await withDatabase(opts.databaseUrl, (db) => createBenchIssues(db, opts.issues));
    if (mode !== 'c') await authorize(server, port);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The port of the `Ready: http://localhost:<port>` line, once `count` processes printed it. */
function readyPort(child: ChildProcess, mode: Mode, count: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${mode}: no Ready line in 120 s`));
    }, 120_000);
    let out = '';
    let ready = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      // Once ready, its log (warnings and errors) goes to the run's stderr, marked.
      if (ready) return void process.stderr.write(`[${mode}] ${chunk.toString()}`);
      out += chunk.toString();
      const lines = [...out.matchAll(/Ready: http:\/\/localhost:(\d+)/g)];
      if (lines.length >= count) {
        ready = true;
        clearTimeout(timer);
        resolve(Number(lines[0]?.[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${mode}: server exited with ${code}`));
    });
  });
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
