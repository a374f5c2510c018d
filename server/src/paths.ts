import { fileURLToPath } from 'node:url';

/**
 * Files the server reads at run time, from the repository's root. This module sits two levels
 * below the root both as source (server/src/paths.ts) and in the build, where it is bundled into
 * dist/server/main.js, so one relative path finds the root from either.
 */
const root = new URL('../../', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, root));

export const paths = {
  /** The GraphQL SDL, single source of the schema (also read by codegen). */
  schema: at('shared/graphql/schema.graphql'),
  /** Drizzle's migrations (SQL and journal). */
  migrations: at('server/src/db/migrations'),
  /** The built client (`vite build`). */
  client: at('dist/client'),
  /** The client's sources: the HTML template of `npm run dev`. */
  clientSource: at('client'),
};
