/**
 * Opens the application database: embedded PGlite (in memory or in a data directory),
 * migrated to the latest schema and seeded with demo data.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

import type { IssueRepository } from '../domain/repository.js';
import type { AppDatabase } from './database.js';
import { DrizzleIssueRepository } from './drizzle-issue-repository.js';
import * as schema from './schema.js';
import { seed } from './seed.js';

/**
 * Resolved from this module rather than `process.cwd()`, so the server finds its migrations
 * whatever directory it is started from.
 */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Where to keep the data. */
export interface OpenDatabaseOptions {
  /** Directory for PGlite's files (created if missing); undefined keeps everything in memory. */
  dataDir?: string;
}

/** An open, migrated and seeded database. */
export interface Database {
  /** Drizzle handle for queries beyond the repository (typed without naming the driver). */
  db: AppDatabase;
  repository: IssueRepository;
  /** Closes the underlying connection; call it exactly once. */
  close(): Promise<void>;
}

/**
 * Opens PGlite, applies pending migrations and seeds idempotently.
 * A data directory that was opened before keeps its data and only gets newer migrations.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { dataDir } = options;
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const client = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  try {
    const pglite = drizzle({ client, schema });
    await migrate(pglite, { migrationsFolder });
    const db: AppDatabase = pglite;
    await seed(db);
    return {
      db,
      repository: new DrizzleIssueRepository(db),
      close: () => client.close(),
    };
  } catch (error) {
    // Leave no open handle behind when migrating or seeding fails.
    await client.close();
    throw error;
  }
}
