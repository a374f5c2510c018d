/**
 * The Drizzle handle type the data layer is written against. It names no driver, so the
 * repository and seed run unchanged on PGlite and on node-postgres.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

import type { IdentityRepository } from '../domain/identity.js';
import type { IssueRepository } from '../domain/repository.js';
import type * as schema from './schema.js';

/** A Drizzle PostgreSQL database (or transaction) typed with this project's schema. */
export type AppDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open, migrated and seeded database, whichever driver backs it. */
export interface Database {
  /** Drizzle handle for queries beyond the repository (typed without naming the driver). */
  db: AppDatabase;
  repository: IssueRepository;
  /** Accounts, memberships, sessions and personal access tokens. */
  identity: IdentityRepository;
  /** Resolves when the database answers a trivial query (readiness); rejects otherwise. */
  ping(): Promise<void>;
  /** The embedded database's process (undefined on a real PostgreSQL): logs and tests. */
  embeddedPid?: number | undefined;
  /** Closes the underlying connection (or pool); call it exactly once. */
  close(): Promise<void>;
}
