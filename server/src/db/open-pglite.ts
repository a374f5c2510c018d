/**
 * The embedded driver: PGlite in memory or in a data directory. One connection, one process.
 */
import { mkdir } from 'node:fs/promises';

import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

import type { AppDatabase, Database } from './database.js';
import { DrizzleIdentityRepository } from './drizzle-identity-repository.js';
import { DrizzleIssueRepository } from './drizzle-issue-repository.js';
import * as schema from './schema.js';
import { pingDatabase } from './ping.js';
import { seed } from './seed.js';

/**
 * Opens PGlite (in memory when `dataDir` is undefined), applies pending migrations and seeds.
 * A data directory that was opened before keeps its data and only gets newer migrations.
 */
export async function openPglite(
  dataDir: string | undefined,
  migrationsFolder: string,
): Promise<Database> {
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
      identity: new DrizzleIdentityRepository(db),
      ping: () => pingDatabase(db),
      close: () => client.close(),
    };
  } catch (error) {
    // Leave no open handle behind when migrating or seeding fails.
    await client.close();
    throw error;
  }
}
