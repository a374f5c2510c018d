/**
 * The embedded database's own process (forked by `database-process-handle.ts`): PGlite, served
 * over the PostgreSQL wire protocol on a Unix socket, so its work never runs on the server's
 * event loop. It lives exactly as long as the server: it stops when the server says so or
 * disconnects (dies), and ignores the terminal's Ctrl-C, which the server handles.
 *
 * A new data directory is created by initdb in a short-lived process of its own (PGlite's
 * initdb leaves about 700 MB behind in the process that ran it), then opened here.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';

import { LOCK_FILE, lockDataDir } from './data-dir-lock.js';
import { checkEmptyForInitdb, initdbInto } from './initdb.js';
import {
  POSTGRESQL_CONF,
  SOCKET_FILE,
  type DatabaseProcessRequest,
  type FromDatabaseProcess,
} from './protocol.js';
import { startWireServer } from './wire-server.js';

/** The longest Unix socket path Linux accepts is 107 bytes; leave room. */
const MAX_SOCKET_PATH = 100;

const request = JSON.parse(process.argv[2] ?? '{}') as DatabaseProcessRequest;

if (request.mode === 'initdb') {
  // Run only by a database process, which waits for it: it must not outlive that one.
  process.once('disconnect', () => process.exit(1));
  await initdbInto(request.dataDir);
  process.exit(0);
} else {
  await serve(request.dataDir);
}

async function serve(dataDir: string | null): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (code: number): void => {
    stopping ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    })().finally(() => process.exit(code));
  };
  // Until ready, and after: a server that goes away takes this process with it.
  process.once('disconnect', () => stop(0));
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') stop(0);
  });
  process.on('SIGINT', () => {}); // the server decides when to stop
  // systemd signals every process of a unit at once: stay until the server has let go (it may
  // still be draining its connections), or 30 s at the latest.
  process.on('SIGTERM', () => setTimeout(() => stop(0), 30_000).unref());

  try {
    const socketDir = await open(dataDir, cleanups);
    send({ type: 'ready', socketDir });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    stop(1);
  }

  function send(message: FromDatabaseProcess): void {
    if (process.connected) process.send?.(message);
  }

  /** Opens the database and its socket; returns the socket's directory. */
  async function open(dataDir: string | null, cleanups: (() => Promise<void>)[]): Promise<string> {
    if (dataDir !== null) {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      const lock = await lockDataDir(dataDir);
      cleanups.push(() => lock.release());
      if (!existsSync(join(dataDir, 'PG_VERSION'))) {
        await checkEmptyForInitdb(dataDir, [LOCK_FILE, SOCKET_FILE]);
        await runInitdb(dataDir);
      }
    }
    const socketDir =
      dataDir !== null && join(dataDir, SOCKET_FILE).length <= MAX_SOCKET_PATH
        ? dataDir
        : await mkdtemp(join(tmpdir(), 'issue-sidebar-db-'));
    cleanups.push(() =>
      socketDir === dataDir
        ? rm(join(socketDir, SOCKET_FILE), { force: true })
        : rm(socketDir, { recursive: true, force: true }),
    );
    const db = await PGlite.create(dataDir ?? 'memory://', { postgresqlconf: POSTGRESQL_CONF });
    cleanups.push(() => db.close());
    const wire = await startWireServer({
      db,
      socketPath: join(socketDir, SOCKET_FILE),
      onFatal: (error) => {
        console.error('embedded database: internal error, stopping', error);
        stop(1);
      },
    });
    cleanups.push(() => wire.close());
    return socketDir;
  }
}

/** Runs initdb in a child process and waits for it; its memory goes back with it. */
async function runInitdb(dataDir: string): Promise<void> {
  const child = fork(
    process.argv[1] ?? '',
    [JSON.stringify({ mode: 'initdb', dataDir } satisfies DatabaseProcessRequest)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`initdb of ${dataDir} failed (exit code ${code})`);
}
