import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit settings for `npm run db:generate`: diffs the schema against the snapshots in
 * `migrations/meta` and writes the next SQL migration. The same files are applied at startup
 * on PGlite and on a real PostgreSQL.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema.ts',
  out: './server/src/db/migrations',
  strict: true,
  verbose: true,
});
