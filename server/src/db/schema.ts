/**
 * Drizzle table definitions: the single source for the SQL migrations (`npm run db:generate`)
 * and for typed queries. The domain's tables are in schema-core.ts, the rest in
 * schema-accounts.ts; this module gathers them for drizzle-kit and the queries.
 */
export * from './schema-core.js';
export * from './schema-accounts.js';
