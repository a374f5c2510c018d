/**
 * The server with its embedded database in a process of its own: the sockets keep answering
 * while the database works, and the database process never outlives, nor silently fails, the
 * server. The real entry point runs as `npm start` runs it (server/test/main-process.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { CableClient } from '../test/cable-client.js';
import { startMainProcess } from '../test/main-process.js';
import { isAlive } from '../test/process-alive.js';
import { startTestServer } from '../test/start-test-server.js';
import { LOCK_FILE } from './db/embedded/data-dir-lock.js';

const root = mkdtempSync(join(tmpdir(), 'embedded-database-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
/** One data directory for the file, so that initdb runs once. */
const dataDir = join(root, 'data');

/** The pid of the database process serving `dataDir` (it holds the directory's lock). */
const databasePid = () => Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));

/** Resolves once `pid` is gone; a process that stays fails the test at the poll's timeout. */
const gone = (pid: number) =>
  expect.poll(() => isAlive(pid), { timeout: 15_000, interval: 50 }).toBe(false);

describe('the embedded database process and the server', () => {
  it('stops with the server on SIGTERM', async () => {
    const main = startMainProcess({ PORT: '0', DATA_DIR: dataDir });
    await main.ready();
    const pid = databasePid();
    expect(isAlive(pid)).toBe(true);

    main.child.kill('SIGTERM');

    expect(await main.exit, main.output()).toBe(0);
    await gone(pid);
  }, 90_000);

  it('exits when the server is killed outright (no orphan), and the next start takes over', async () => {
    const main = startMainProcess({ PORT: '0', DATA_DIR: dataDir });
    await main.ready();
    const pid = databasePid();

    main.child.kill('SIGKILL');

    await gone(pid);
    const next = startMainProcess({ PORT: '0', DATA_DIR: dataDir });
    await next.ready();
    next.child.kill('SIGTERM');
    expect(await next.exit, next.output()).toBe(0);
  }, 90_000);

  it('keeps a second server off the same DATA_DIR, with a message that names it', async () => {
    const first = startMainProcess({ PORT: '0', DATA_DIR: dataDir });
    await first.ready();
    const second = startMainProcess({ PORT: '0', DATA_DIR: dataDir });

    expect(await second.exit).toBe(1);
    expect(second.output()).toContain(
      `DATA_DIR ${dataDir} is in use by another server (its database process has pid ${databasePid()})`,
    );
    first.child.kill('SIGTERM');
    expect(await first.exit, first.output()).toBe(0);
  }, 90_000);

  it('says so and exits 1 when its database process dies', async () => {
    const main = startMainProcess({ PORT: '0', DATA_DIR: dataDir });
    await main.ready();

    process.kill(databasePid(), 'SIGKILL');

    expect(await main.exit).toBe(1);
    const fatal = main
      .output()
      .split('\n')
      .find((line) => line.includes('"level":60'));
    const logged = JSON.parse(fatal ?? '{}') as { msg?: string; reason?: string };
    expect(logged.msg).toBe('the embedded database process is gone');
    expect(logged.reason).toMatch(
      /^the embedded database \(.+, pid \d+\) exited: killed by SIGKILL$/,
    );
  }, 90_000);
});

describe('a server whose database works in another process', async () => {
  const server = await startTestServer();

  it('answers liveness and opens new cable connections while a slow query runs', async () => {
    let settled = false;
    const slow = server.database.db.execute(sql`select pg_sleep(3)`).finally(() => {
      settled = true;
    });

    const liveness = await fetch(`${server.url}/-/liveness`);
    const client = await CableClient.connect(server.url);
    expect(await client.nextNonPing()).toEqual({ type: 'welcome' });

    // Both answered while the database was still busy with the query.
    expect(liveness.status).toBe(200);
    expect(settled).toBe(false);
    await slow;
    client.close();
  });

  it('turns unready, and stays live, when its database process dies', async () => {
    process.kill(server.database.embeddedPid ?? 0, 'SIGKILL');

    await expect
      .poll(async () => (await fetch(`${server.url}/-/readiness`)).status, { timeout: 10_000 })
      .toBe(503);
    expect((await fetch(`${server.url}/-/liveness`)).status).toBe(200);
  });
});
