/**
 * The embedded database: PGlite in a process of its own (embedded/database-process.ts), reached
 * over its Unix socket with node-postgres exactly like a real PostgreSQL, so the server's event
 * loop never runs a query and both deployments share one driver path (open-postgres.ts).
 */
import type { Database } from './database.js';
import { startDatabaseProcess } from './embedded/database-process-handle.js';
import { SOCKET_PORT } from './embedded/protocol.js';
import { openPool } from './open-postgres.js';

export interface EmbeddedOptions {
  /** PGlite's data directory (created if missing); undefined keeps everything in memory. */
  dataDir: string | undefined;
  /** Called once if the database process dies while open (the server then answers 503). */
  onLost?: ((reason: string) => void) | undefined;
}

/**
 * Starts the database process, then migrates and seeds through one pooled connection: PGlite
 * is one session, which serves one connection at a time (the pool queues the rest).
 */
export async function openEmbedded(
  options: EmbeddedOptions,
  migrationsFolder: string,
): Promise<Database> {
  const child = await startDatabaseProcess(options.dataDir);
  const where = `the embedded database (${options.dataDir ?? 'in memory'}, pid ${child.pid})`;
  try {
    const database = await openPool(
      { host: child.socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', max: 1 },
      where,
      migrationsFolder,
    );
    child.onExit((reason) => options.onLost?.(`${where} exited: ${reason}`));
    return {
      ...database,
      embeddedPid: child.pid,
      async close() {
        try {
          await database.close();
        } finally {
          await child.stop();
        }
      },
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
