/**
 * The one driver: node-postgres, on a real PostgreSQL (several server processes may open the
 * same database at once; an advisory lock makes them migrate and seed in turn) or on the
 * embedded database's socket (open-embedded.ts).
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import type { PoolClient, PoolConfig } from 'pg';

import type { AppDatabase, Database } from './database.js';
import { DrizzleIdentityRepository } from './drizzle-identity-repository.js';
import { DrizzleIssueRepository } from './drizzle-issue-repository.js';
import * as schema from './schema.js';
import { pingDatabase } from './ping.js';
import { seed } from './seed.js';

/** Connections per process; the work per request is a few short queries. */
const POOL_SIZE = 10;
/** How long to wait for a connection (the server unreachable, or the pool exhausted). */
const CONNECT_TIMEOUT_MS = 5_000;
const IDLE_TIMEOUT_MS = 30_000;
/**
 * Fixed `pg_advisory_lock` key held around migrate + seed. Any constant works as long as every
 * process uses the same one and nothing else in the database uses it.
 */
export const MIGRATION_LOCK_KEY = 4_817_302_519;

/**
 * Opens a pool on `databaseUrl`, applies pending migrations and seeds idempotently while
 * holding the migration lock, then returns a database backed by the pool.
 */
export function openPostgres(databaseUrl: string, migrationsFolder: string): Promise<Database> {
  return openPool(
    { connectionString: databaseUrl, max: POOL_SIZE },
    `PostgreSQL at ${redactUrl(databaseUrl)} (DATABASE_URL)`,
    migrationsFolder,
  );
}

/**
 * A migrated and seeded database on a node-postgres pool with `config` (a real PostgreSQL, or
 * the embedded one over its socket); `where` names it in a connection error.
 */
export async function openPool(
  config: PoolConfig,
  where: string,
  migrationsFolder: string,
): Promise<Database> {
  const pool = new Pool({
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    ...config,
  });
  // An idle connection that breaks (server restart, network) emits 'error' on the pool, and an
  // unhandled 'error' event would crash the process. The pool drops that connection and the
  // next query opens a new one, or fails with its own error for the caller to handle.
  pool.on('error', () => {});
  // A connection checked out for a transaction has no pool listener: its 'error' (PostgreSQL
  // gone mid-transaction) would crash the process too. Its query rejects for the caller anyway.
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    await migrateAndSeed(pool, where, migrationsFolder);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db: AppDatabase = drizzle({ client: pool, schema });
  return {
    db,
    repository: new DrizzleIssueRepository(db),
    identity: new DrizzleIdentityRepository(db),
    ping: () => pingDatabase(db),
    close: () => pool.end(),
  };
}

/** Runs migrate + seed on one connection while it holds the session-level migration lock. */
async function migrateAndSeed(pool: Pool, where: string, migrationsFolder: string): Promise<void> {
  const client = await connect(pool, where);
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const locked = drizzle({ client, schema });
    await migrate(locked, { migrationsFolder });
    await seed(locked);
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    client.release();
  } catch (error) {
    // Destroying the connection ends its session, which also releases the lock.
    client.release(true);
    throw error;
  }
}

/** A pooled connection, or an error that says where we tried to connect (password hidden). */
async function connect(pool: Pool, where: string): Promise<PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw new Error(`Cannot connect to ${where}: ${reasonOf(error)}`, { cause: error });
  }
}

/** The URL with any password replaced by `***`; never the raw string when it does not parse. */
export function redactUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return '<unparsable URL>';
  }
  if (url.password !== '') url.password = '***';
  if (url.searchParams.has('password')) url.searchParams.set('password', '***');
  return url.toString();
}

/** A readable reason, also for Node's AggregateError (one attempt per address, no message). */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(reasonOf))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message !== '' ? error.message : (code ?? error.name);
  }
  return String(error);
}
