/**
 * Counts the statements the server process sends to its database: every `query` of node-postgres
 * (a real PostgreSQL, or PGlite served over the wire protocol) and every statement of an
 * in-process PGlite, BEGIN and COMMIT included. One call is one round trip to the database: the
 * drivers send a statement and wait for its answer before the next. Installed by
 * bench/server-entry.ts only, before the server opens its database; the server is unchanged.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

type Fn = (...args: unknown[]) => unknown;

/** Replaces `owner[name]` with a wrapper that calls `count` first. */
function wrap(owner: object, name: string, count: () => void): void {
  const target = owner as Record<string, unknown>;
  const original = target[name];
  if (typeof original !== 'function') return;
  const method = original as Fn;
  target[name] = function (this: unknown, ...args: unknown[]) {
    count();
    return method.apply(this, args);
  };
}

/** The prototype on `PGlite`'s chain that defines `name` (the base class holds most methods). */
function definer(name: string): object | undefined {
  for (let p: object | null = PGlite.prototype; p; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.getOwnPropertyNames(p).includes(name)) return p;
  }
  return undefined;
}

/** Calls `count` once per statement the process sends, by whichever driver; call once. */
export function countDatabaseStatements(count: () => void): void {
  wrap(pg.Client.prototype, 'query', count);

  // PGlite.sql() calls this.query(): only query and exec are counted on the instance.
  const queryOwner = definer('query');
  const execOwner = definer('exec');
  const transactionOwner = definer('transaction');
  if (queryOwner) wrap(queryOwner, 'query', count);
  if (execOwner) wrap(execOwner, 'exec', count);
  if (!transactionOwner) return;
  const owner = transactionOwner as Record<string, unknown>;
  const transaction = owner.transaction as (this: PGlite, cb: Fn) => Promise<unknown>;
  // A transaction is BEGIN, its statements (on the `tx` object it hands out), COMMIT.
  owner.transaction = function (this: PGlite, callback: Fn) {
    count();
    return transaction
      .call(this, (tx: unknown) => {
        for (const name of ['query', 'sql', 'exec']) wrap(tx as object, name, count);
        return callback(tx);
      })
      .finally(count);
  };
}
