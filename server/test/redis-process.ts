import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's binary; scripts/ensure-system-deps.mjs installs it before `npm test`. */
export const REDIS_SERVER_BINARY = '/usr/bin/redis-server';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/** A redis-server child process owned by the test file that started it. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** SIGTERM, then resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL (`kill -9`: no goodbye on its sockets), then resolves once the process has exited. */
  kill(): Promise<void>;
  /** stop() and start again on the same port (an outage the clients must survive). */
  restart(): Promise<void>;
  /** stop() for good, and remove its directory. */
  dispose(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a hung server). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
}

// A safety net for a worker that exits without running afterAll: never leave a server behind.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts a throwaway redis-server (no persistence, its own temp dir, a free port) and waits
 * until it answers PING. The caller stops it (Vitest files use redis-server.ts, which does).
 */
export async function launchRedisServer(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER_BINARY)) {
    throw new Error(
      `${REDIS_SERVER_BINARY} not found: the Redis adapter tests need the Debian package ` +
        '"redis-server" (apt-get install redis-server; `npm test` runs ' +
        'scripts/ensure-system-deps.mjs, which installs it).',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'redis-test-'));
  // Another process may grab the free port before redis-server binds it: try a few.
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 1; !child; attempt += 1) {
    port = await freePort();
    child = await launch(port, dir).catch((error: unknown) => {
      if (attempt >= 3) throw error;
      return undefined;
    });
  }

  const stop = async (): Promise<void> => {
    if (child) await terminate(child);
  };
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async kill() {
      const victim = child;
      if (!victim || victim.exitCode !== null || victim.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => victim.once('exit', () => resolve()));
      victim.kill('SIGKILL');
      await exited;
    },
    async restart() {
      await stop();
      child = await launch(port, dir);
    },
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  };
  return server;
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(REDIS_SERVER_BINARY, [...args, '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      reject(new Error(`redis-server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  exited.catch(() => undefined); // only raced below; after readiness an exit is expected
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await Promise.race([ping(port), exited]))) {
    if (Date.now() > deadline) {
      await terminate(child);
      throw new Error(`redis-server on port ${port} did not answer PING:\n${output}`);
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 20)); // poll interval
  }
  return child;
}

/** SIGTERM and wait for the exit; SIGKILL if it lingers. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT'); // a paused server would not handle SIGTERM
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exit;
  clearTimeout(timer);
  running.delete(child);
}

/** True once the server answers PING with PONG; false while it refuses or is still loading. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** A port the OS just handed out; redis-server binds it right after. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}
