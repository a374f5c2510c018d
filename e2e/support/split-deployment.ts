import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findFreePort, startPostgresServer } from '../../server/test/postgres-server.js';
import { launchRedisServer } from '../../server/test/redis-process.js';

/** The operator's guide's nginx config, run as it is but for its three port numbers. */
const NGINX_CONFIG = 'docs/nginx/split-deployment.conf';
const READY_TIMEOUT_MS = 60_000;
const MAIN = ['--import', 'tsx', 'server/src/main.ts'];

export interface SplitDeployment {
  /** nginx's address: the only one the browser uses. */
  url: string;
  stop(): Promise<void>;
}

/**
 * GitLab.com's topology on one machine: PostgreSQL and Redis, a `ROLE=web` process and a
 * `ROLE=cable` process, and nginx in front routing `/-/cable` to the cable tier.
 */
export async function startSplitDeployment(): Promise<SplitDeployment> {
  const [postgres, redis] = await Promise.all([startPostgresServer(), launchRedisServer()]);
  const shared = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, PORT: '0' };
  const web = startProcess(process.execPath, MAIN, { ...shared, ROLE: 'web' });
  const cable = startProcess(process.execPath, MAIN, { ...shared, ROLE: 'cable' });
  const stopAll = async () => {
    await Promise.all([web.stop(), cable.stop()]);
    await Promise.all([postgres.stop(), redis.dispose()]);
  };
  try {
    const [webPort, cablePort] = await Promise.all([web.ready(READY), cable.ready(READY)]);
    const nginx = await startNginx(Number(webPort), Number(cablePort));
    return {
      url: nginx.url,
      async stop() {
        await nginx.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

const READY = /Ready: http:\/\/localhost:(\d+)/;

async function startNginx(webPort: number, cablePort: number) {
  const dir = await mkdtemp(join(tmpdir(), 'nginx-split-'));
  const port = await findFreePort();
  const config = (await readFile(NGINX_CONFIG, 'utf8'))
    .replace('127.0.0.1:3001', `127.0.0.1:${webPort}`)
    .replace('127.0.0.1:3002', `127.0.0.1:${cablePort}`)
    .replace('listen 127.0.0.1:8080', `listen 127.0.0.1:${port}`);
  await writeFile(join(dir, 'nginx.conf'), config);
  const nginx = startProcess('nginx', [
    '-p',
    dir,
    '-c',
    join(dir, 'nginx.conf'),
    '-e',
    join(dir, 'error.log'),
    '-g',
    `daemon off; pid ${join(dir, 'nginx.pid')};`,
  ]);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const answered = await fetch(`${url}/gitlab-org/gitlab-test/-/issues/1`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (nginx.exited() || Date.now() > deadline) {
      await nginx.stop();
      throw new Error(`nginx did not come up:\n${nginx.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling a port, not an event
  }
  return {
    url,
    async stop() {
      await nginx.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A child process whose output is kept, with a ready-line wait and a SIGTERM stop. */
function startProcess(command: string, args: string[], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    /** Resolves with the pattern's first group once the process prints it. */
    ready(pattern: RegExp): Promise<string> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`${command} not ready after ${READY_TIMEOUT_MS} ms:\n${output}`));
        }, READY_TIMEOUT_MS);
        const check = () => {
          const match = pattern.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve(match[1]);
          }
        };
        listeners.add(check);
        check();
        void exit.then(() => {
          clearTimeout(timer);
          reject(new Error(`${command} exited before it was ready:\n${output}`));
        });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exit;
    },
  };
}
