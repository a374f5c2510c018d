/**
 * The services the scale-out modes need, started by the harness itself (the tests' launchers):
 * a throw-away PostgreSQL cluster and a redis-server, both on free ports of 127.0.0.1, removed
 * by `stop()`. Nothing else has to run on the machine.
 */
import { Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';

import type { AppDatabase } from '../../server/src/db/database.js';
import * as schema from '../../server/src/db/schema.js';
import { startPostgresServer } from '../../server/test/postgres-server.js';
import { launchRedisServer } from '../../server/test/redis-process.js';

export interface Services {
  redisUrl: string;
  /** A new empty database on the harness's PostgreSQL (one per server, so runs never mix). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startServices(): Promise<Services> {
  const redis = await launchRedisServer();
  const postgres = await startPostgresServer('bench').catch(async (error: unknown) => {
    await redis.dispose();
    throw error;
  });
  return {
    redisUrl: redis.url,
    createDatabase: (name) => postgres.createDatabase(name),
    async stop() {
      await Promise.allSettled([redis.dispose(), postgres.stop()]);
    },
  };
}

/** Runs `work` on a Drizzle handle of `databaseUrl`, then closes it. */
export async function withDatabase(
  databaseUrl: string,
  work: (db: AppDatabase) => Promise<void>,
): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await work(drizzle({ client: pool, schema }));
  } finally {
    await pool.end();
  }
}
