import { sql } from 'drizzle-orm';

import type { AppDatabase } from './database.js';

/** `select 1`: the cheapest query that proves the database answers (readiness probes). */
export async function pingDatabase(db: AppDatabase): Promise<void> {
  await db.execute(sql`select 1`);
}
