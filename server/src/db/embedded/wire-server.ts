/**
 * Serves one PGlite over the PostgreSQL wire protocol on a Unix socket, so the server reaches
 * it with `pg` exactly like a real PostgreSQL. PGlite is a single backend session: it serves
 * one connection at a time, whole, and the server's pool holds exactly one. A further
 * connection waits for that one to end (a pool replacing a broken connection) and is refused
 * with PostgreSQL's `too_many_connections` error if it waits longer than `waitMs`.
 *
 * Why not `@electric-sql/pglite-socket`: its 0.2.17 pins `@electric-sql/pglite` 0.5.14 and seven
 * extension packages as peers (npm refuses the install beside 0.5.16, or installs them all under
 * an override), and its shared queue interleaves connections' extended-protocol messages and
 * stalls after one internal error (electric-sql/pglite#1046, #985). Relaying complete messages
 * of one connection is all this needs.
 */
import { chmod, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';

import type { PGlite } from '@electric-sql/pglite';

import { frontendMessages } from './wire-messages.js';

export interface WireServerOptions {
  db: PGlite;
  /** Path of the Unix socket (`<dir>/.s.PGSQL.5432`, as PostgreSQL names it). */
  socketPath: string;
  /** How long a second connection waits for the first to end before it is refused. */
  waitMs?: number;
  /** An internal PGlite failure: the session's state is unknown, so the process must end. */
  onFatal: (error: unknown) => void;
}

export interface WireServer {
  close(): Promise<void>;
}

/** Listens on `socketPath` (replacing a stale socket file) and serves connections one by one. */
export async function startWireServer(options: WireServerOptions): Promise<WireServer> {
  const { db, socketPath, onFatal } = options;
  const waitMs = options.waitMs ?? 2_000;
  const waiting: { socket: Socket; timer: NodeJS.Timeout }[] = [];
  let active: Socket | undefined;

  const activate = (socket: Socket): void => {
    active = socket;
    socket.setNoDelay(true);
    const relay = frontendMessages();
    // One batch at a time, in arrival order: PGlite's calls are async around a sync core.
    let queue = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      const batches = relay.push(chunk);
      queue = queue.then(async () => {
        for (const batch of batches) {
          if (batch.kind === 'reply') socket.write(batch.bytes);
          else if (batch.kind === 'end') socket.end();
          else await run(socket, batch.bytes);
        }
      });
    });
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      queue = queue.then(() => resetSession()).then(next, onFatal);
    });
    socket.resume();
  };

  const run = async (socket: Socket, bytes: Uint8Array): Promise<void> => {
    try {
      await db.execProtocolRawStream(bytes, {
        // A view into PGlite's memory, reused by the next call: copy it.
        onRawData: (data) => {
          if (!socket.destroyed) socket.write(Buffer.from(data));
        },
      });
    } catch (error) {
      socket.destroy();
      onFatal(error);
    }
  };

  /** What PostgreSQL does when a session ends: no transaction, no lock, no state carries over. */
  const resetSession = async (): Promise<void> => {
    if (db.closed) return;
    if (db.isInTransaction()) await db.exec('ROLLBACK');
    await db.exec('DISCARD ALL');
  };

  const next = (): void => {
    active = undefined;
    const first = waiting.shift();
    if (!first) return;
    clearTimeout(first.timer);
    activate(first.socket);
  };

  const server: Server = createServer({ pauseOnConnect: true }, (socket) => {
    if (!active) return activate(socket);
    const entry = {
      socket,
      timer: setTimeout(() => {
        remove();
        socket.end(tooManyConnections());
      }, waitMs),
    };
    const remove = () => {
      const at = waiting.indexOf(entry);
      if (at >= 0) waiting.splice(at, 1);
    };
    waiting.push(entry);
    socket.once('close', () => {
      clearTimeout(entry.timer);
      remove();
    });
  });

  // The caller holds the data directory's lock: a socket file left here is a dead server's.
  await rm(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  // Only this user may connect (PGlite accepts any password).
  await chmod(socketPath, 0o600);

  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const { socket } of waiting) socket.destroy();
        active?.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A FATAL ErrorResponse `53300 too_many_connections`, as PostgreSQL sends it. */
function tooManyConnections(): Buffer {
  const fields = [
    'SFATAL',
    'VFATAL',
    'C53300',
    'Mthe embedded database serves one connection at a time, and the server holds it',
  ];
  const body = Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`)), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
