/**
 * Counts database round trips below Drizzle, on the driver itself: each query PGlite runs or
 * node-postgres sends is one, and so are a transaction's BEGIN and COMMIT. Tests assert how
 * many statements a request costs with it.
 */
import type { AppDatabase } from '../src/db/database.js';

type Query = (...args: unknown[]) => Promise<unknown>;
interface Queryable {
  query: Query;
}

export interface RoundTrips {
  /** Round trips since the last reset, with the SQL of each (for a failing assertion). */
  readonly count: number;
  readonly statements: readonly string[];
  reset(): void;
}

export function countRoundTrips(db: AppDatabase): RoundTrips {
  const statements: string[] = [];
  // node-postgres also takes a query config ({ text, values, ... }).
  const count = (sql: unknown) =>
    statements.push(typeof sql === 'string' ? sql : String((sql as { text?: unknown }).text));
  const wrapQuery = (target: Queryable) => {
    const query = target.query.bind(target);
    target.query = (...args: unknown[]) => {
      count(args[0]);
      return query(...args);
    };
  };
  const client = (db as unknown as { $client: Record<string, unknown> }).$client;
  if (typeof client.transaction === 'function' && typeof client.exec === 'function') {
    // PGlite: one instance; a transaction hands its statements a transaction object.
    wrapQuery(client as unknown as Queryable);
    const transaction = (client.transaction as Query).bind(client);
    client.transaction = (work: unknown) => {
      count('BEGIN');
      return transaction(async (tx: Queryable) => {
        wrapQuery(tx);
        return (work as (tx: Queryable) => Promise<unknown>)(tx);
      }).finally(() => count('COMMIT'));
    };
  } else {
    // A node-postgres pool: every statement runs on a client it lends (`pool.query` borrows
    // one with a callback, a transaction with a promise), so the clients are counted.
    type Lent = Queryable & { counted?: boolean };
    type Done = (error: unknown, lent?: Lent, release?: unknown) => void;
    const mark = (lent: Lent | undefined) => {
      if (lent && !lent.counted) {
        wrapQuery(lent);
        lent.counted = true;
      }
    };
    const connect = (client.connect as (done?: Done) => Promise<Lent> | undefined).bind(client);
    client.connect = (done?: Done) => {
      if (done)
        return connect((error, lent, release) => {
          mark(lent);
          done(error, lent, release);
        });
      return (connect() as Promise<Lent>).then((lent) => {
        mark(lent);
        return lent;
      });
    };
  }
  return {
    get count() {
      return statements.length;
    },
    statements,
    reset() {
      statements.length = 0;
    },
  };
}
