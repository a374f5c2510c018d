/**
 * The Drizzle handle type the data layer is written against. It names no driver, so the
 * repository and seed run unchanged on PGlite today and on node-postgres later.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

import type * as schema from './schema.js';

/** A Drizzle PostgreSQL database (or transaction) typed with this project's schema. */
export type AppDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;
