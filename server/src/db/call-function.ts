/**
 * One call of one of the database's functions, answering its one value (JSON, parsed by the
 * driver). Sent with `execute`, not a Drizzle `select`: the hot statements (an issue read, an
 * update's read and write) skip building a select and mapping its rows, about 0.2 ms each on
 * PGlite. Both drivers answer `{ rows }`.
 */
import { sql, type SQL } from 'drizzle-orm';

import type { AppDatabase } from './database.js';

export async function callFunction<T>(db: AppDatabase, call: SQL): Promise<T | null> {
  const result: unknown = await db.execute<{ value: T | null }>(sql`select ${call} as value`);
  return (result as { rows: { value: T | null }[] }).rows[0]?.value ?? null;
}
