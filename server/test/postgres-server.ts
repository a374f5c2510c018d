/**
 * A throw-away PostgreSQL server for tests: Debian's `postgresql` package, a fresh cluster in a
 * temp directory (trust auth, listening on 127.0.0.1 only, socket in that directory), fsync off,
 * time zone Asia/Kolkata.
 * Takes about a second or two. As root, the cluster runs as the `postgres` user, since
 * PostgreSQL refuses to run as root.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Client } from 'pg';

const run = promisify(execFile);

const PG_ROOT = '/usr/lib/postgresql';
const SUPERUSER = 'postgres';
const START_ATTEMPTS = 5;

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` for the database created at start. */
  url: string;
  port: number;
  /** Creates another empty database on this server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (`pg_ctl stop -m fast`) and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

/** Clusters of this process still running, stopped on exit should a test forget to. */
const running = new Map<string, () => void>();
let exitHookInstalled = false;

/** The newest installed server's bin directory, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBinDir(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const [newest] = versions;
  if (newest === undefined) {
    throw new Error(
      `No PostgreSQL server under ${PG_ROOT}/*/bin/postgres. ` +
        'Install it with `node scripts/ensure-system-deps.mjs` (Debian package `postgresql`).',
    );
  }
  return join(PG_ROOT, newest, 'bin');
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Starts a fresh cluster with one empty database (`app` unless named). */
export async function startPostgresServer(database = 'app'): Promise<PostgresServer> {
  const binDir = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'pg-test-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const command = (tool: string, args: string[]): [string, string[]] => {
    const path = join(binDir, tool);
    return asRoot ? ['runuser', ['-u', SUPERUSER, '--', path, ...args]] : [path, args];
  };
  const pg = (tool: string, args: string[]) => run(...command(tool, args), { cwd: dir });
  const stopArgs = (mode: string) => ['-D', dataDir, '-m', mode, '-w', 'stop'];

  let started = false;
  const cleanUp = async () => {
    running.delete(dir);
    if (started) {
      started = false;
      // Fast shutdown waits for nothing but running transactions to roll back; should it fail,
      // immediate never fails on a live server (its data is thrown away anyway).
      await pg('pg_ctl', stopArgs('fast')).catch(() => pg('pg_ctl', stopArgs('immediate')));
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }));
      await chown(dir, uid, gid);
    }
    const initdb = ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--no-sync'];
    await pg('initdb', [...initdb, '--encoding=UTF8', '--locale=C']);

    let port = 0;
    for (let attempt = 1; !started; attempt += 1) {
      port = await findFreePort();
      const serverOptions = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        // Not UTC, with a half-hour offset: timestamps must survive any server time zone.
        '-c timezone=Asia/Kolkata',
      ].join(' ');
      try {
        await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', 'start']);
        started = true;
      } catch (error) {
        const log = await readFile(logFile, 'utf8').catch(() => '');
        // Another process may have taken the port since we probed it: try another one.
        if (attempt < START_ATTEMPTS && /could not (bind|create listen)/i.test(log)) continue;
        throw new Error(`pg_ctl start failed: ${String(error)}\n${log}`, { cause: error });
      }
    }
    trackForExit(dir, () => execFileSync(...command('pg_ctl', stopArgs('immediate'))));

    const base = `postgres://${SUPERUSER}@127.0.0.1:${port}`;
    const createDatabase = async (name: string): Promise<string> => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name "${name}"`);
      const admin = new Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    };
    const url = await createDatabase(database);
    return { url, port, createDatabase, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Registers a synchronous stop for `process.on('exit')`, the last resort against orphans. */
function trackForExit(dir: string, stopNow: () => void): void {
  running.set(dir, () => {
    try {
      stopNow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const stop of running.values()) {
      try {
        stop();
      } catch {
        // Exiting anyway; nothing more to do.
      }
    }
  });
}
