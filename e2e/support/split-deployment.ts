import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startPostgresServer } from '../../server/test/postgres-server.js';
import { launchRedisServer } from '../../server/test/redis-process.js';

import { freePort, OwnServer } from './own-server.js';

/** The operator's guide's nginx config, run as it is but for its three port numbers. */
const NGINX_CONFIG = 'docs/nginx/split-deployment.conf';
const NGINX_READY_TIMEOUT_MS = 30_000;

export interface SplitDeployment {
  /** nginx's address: the only one the browser and the API client use. */
  url: string;
  stop(): Promise<void>;
}

/**
 * GitLab.com's topology on one machine: PostgreSQL and Redis, a `ROLE=web` process and a
 * `ROLE=cable` process, and nginx in front routing `/-/cable` to the cable tier.
 */
export async function startSplitDeployment(): Promise<SplitDeployment> {
  const [postgres, redis] = await Promise.all([startPostgresServer(), launchRedisServer()]);
  const shared = { DATABASE_URL: postgres.url, REDIS_URL: redis.url };
  const servers: OwnServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.dispose()));
    await Promise.all([postgres.stop(), redis.dispose()]);
  };
  try {
    // One after the other: both would otherwise race to migrate (the advisory lock makes it
    // safe, but the loser's start then counts the winner's work against its own timeout).
    servers.push(await OwnServer.start({ ...shared, ROLE: 'web' }));
    servers.push(await OwnServer.start({ ...shared, ROLE: 'cable' }));
    const [web, cable] = servers as [OwnServer, OwnServer];
    const nginx = await startNginx(web.port, cable.port);
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

async function startNginx(webPort: number, cablePort: number) {
  const dir = await mkdtemp(join(tmpdir(), 'nginx-split-'));
  const port = await freePort();
  const config = (await readFile(NGINX_CONFIG, 'utf8'))
    .replace('127.0.0.1:3001', `127.0.0.1:${webPort}`)
    .replace('127.0.0.1:3002', `127.0.0.1:${cablePort}`)
    .replace('listen 127.0.0.1:8080', `listen 127.0.0.1:${port}`);
  await writeFile(join(dir, 'nginx.conf'), config);
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const child = spawn('nginx', [...args, '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + NGINX_READY_TIMEOUT_MS;
  // Polls a port until nginx answers through to the web tier: a start-up wait, not an event.
  while (
    !(await fetch(`${url}/-/readiness`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}
