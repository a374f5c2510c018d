/**
 * Opens the application database, migrated to the latest schema and seeded with demo data:
 * a real PostgreSQL when a connection URL is given (several processes may share it), else
 * embedded PGlite (in memory or in a data directory) in a process of its own. Both are reached
 * with node-postgres.
 */
import { paths } from '../paths.js';

import type { Database } from './database.js';
import { openEmbedded } from './open-embedded.js';
import { openPostgres } from './open-postgres.js';

export type { Database } from './database.js';

/**
 * Resolved from the code's location rather than `process.cwd()`, so the server finds its
 * migrations whatever directory it is started from, from source or from the build.
 */
export const migrationsFolder = paths.migrations;

/** Where to keep the data. */
export interface OpenDatabaseOptions {
  /**
   * PostgreSQL connection URL (`DATABASE_URL`, e.g. `postgres://user:pass@host:5432/db`).
   * When set, `dataDir` is ignored and the data lives in that server.
   */
  databaseUrl?: string;
  /** Directory for PGlite's files (created if missing); undefined keeps everything in memory. */
  dataDir?: string | undefined;
  /**
   * The embedded database process died while open: queries fail and readiness answers 503
   * from then on. Called once, with what happened.
   */
  onLost?: ((reason: string) => void) | undefined;
}

/**
 * Opens the database, applies pending migrations and seeds idempotently. On PostgreSQL,
 * processes starting at the same time take turns (advisory lock), so each migration runs once.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { databaseUrl, dataDir, onLost } = options;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    return openPostgres(databaseUrl, migrationsFolder);
  }
  return openEmbedded({ dataDir, onLost }, migrationsFolder);
}
