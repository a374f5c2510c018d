/**
 * The embedded database's own process, for real: forked, reached over its socket, locked to its
 * data directory, stopped, and killed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { isAlive } from '../../../test/process-alive.js';
import { openDatabase, type Database } from '../open-database.js';
import { LOCK_FILE } from './data-dir-lock.js';
import { SOCKET_FILE, SOCKET_PORT } from './protocol.js';

const root = mkdtempSync(join(tmpdir(), 'embedded-db-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const newDataDir = () => join(root, `data-${(dirs += 1)}`);
/** Created by the first test; the others reopen it (initdb takes a while on a busy machine). */
const reused = newDataDir();

describe('the embedded database process', () => {
  it('runs apart from this process, and is gone with its lock and socket once closed', async () => {
    const dataDir = reused;
    const database = await openDatabase({ dataDir });
    const pid = database.embeddedPid ?? 0;
    expect(pid).not.toBe(process.pid);
    expect(isAlive(pid)).toBe(true);
    await expect(database.ping()).resolves.toBeUndefined();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    expect(existsSync(join(dataDir, SOCKET_FILE))).toBe(true);

    await database.close();

    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(existsSync(join(dataDir, SOCKET_FILE))).toBe(false);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 60_000);

  it('refuses a second server on the same data directory, naming it and the owner', async () => {
    const dataDir = reused;
    const first = await openDatabase({ dataDir });
    try {
      const second = openDatabase({ dataDir });
      await expect(second).rejects.toThrow(
        `DATA_DIR ${dataDir} is in use by another server (its database process has pid ${first.embeddedPid})`,
      );
      // The refused one changed nothing: the first still serves.
      await expect(first.ping()).resolves.toBeUndefined();
    } finally {
      await first.close();
    }
  }, 60_000);

  it('refuses a directory that holds other files and no database, and leaves it as it was', async () => {
    const dataDir = newDataDir();
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'notes.txt'), 'mine');
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      `DATA_DIR ${dataDir} holds no database (no PG_VERSION) but is not empty (notes.txt)`,
    );
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
  }, 60_000);

  it('serves one connection: another client waits, then gets PostgreSQL\'s "too many connections"', async () => {
    const dataDir = reused;
    const database = await openDatabase({ dataDir });
    try {
      await database.ping(); // the pool holds its one connection, idle
      const other = new pg.Client({ host: dataDir, port: SOCKET_PORT, user: 'postgres' });
      other.on('error', () => {});
      await expect(other.connect()).rejects.toMatchObject({ code: '53300' });
      await expect(database.ping()).resolves.toBeUndefined();
    } finally {
      await database.close();
    }
  }, 60_000);

  it('reports its death, after which queries fail at once instead of hanging', async () => {
    let lost: (reason: string) => void = () => {};
    const reported = new Promise<string>((resolve) => (lost = resolve));
    const database: Database = await openDatabase({ onLost: (reason) => lost(reason) });
    try {
      process.kill(database.embeddedPid ?? 0, 'SIGKILL');
      expect(await reported).toMatch(
        /^the embedded database \(in memory, pid \d+\) exited: killed by SIGKILL$/,
      );
      await expect(database.ping()).rejects.toThrow();
      await expect(database.repository.findIssueById(1)).rejects.toThrow();
    } finally {
      await database.close();
    }
  }, 60_000);
});
