/**
 * What only a real PostgreSQL can show: several processes (pools) on one database at once.
 * The repository, seed and updateAssignees suites also run here through `describe.each`.
 */
import { count, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findFreePort, startPostgresServer } from '../../test/postgres-server.js';
import type { PostgresServer } from '../../test/postgres-server.js';
import type { Database } from './open-database.js';
import { migrationsFolder, openDatabase } from './open-database.js';
import { redactUrl } from './open-postgres.js';
import { issueAssignees, issues, users } from './schema.js';
import { seedProjects } from './seed-data.js';

let server: PostgresServer | undefined;

beforeAll(async () => {
  server = await startPostgresServer();
});

afterAll(async () => {
  await server?.stop();
});

/** A fresh empty database on the file's server. */
async function freshDatabase(name: string): Promise<string> {
  if (!server) throw new Error('PostgreSQL server not started');
  return server.createDatabase(name);
}

/** Opens `n` databases at once, as `n` server processes starting together would. */
async function openMany(databaseUrl: string, n: number): Promise<Database[]> {
  const results = await Promise.allSettled(
    Array.from({ length: n }, () => openDatabase({ databaseUrl })),
  );
  const opened = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failed.length > 0) {
    await Promise.all(opened.map((d) => d.close()));
    throw failed[0];
  }
  return opened;
}

/** Polls `done` (each poll a database round trip) until it holds, for at most 10 s. */
async function waitUntil(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('condition not reached in 10 s');
  }
}

async function closeAll(databases: readonly Database[]): Promise<void> {
  await Promise.all(databases.map((d) => d.close()));
}

describe('openDatabase on PostgreSQL', () => {
  it('lets processes starting together migrate and seed once, in turn', async () => {
    const databases = await openMany(await freshDatabase('simultaneous_start'), 4);
    try {
      const [{ db }] = databases as [Database];
      const [migrations] = await db.select({ n: count() }).from(sql`drizzle.__drizzle_migrations`);
      expect(migrations?.n).toBe(readMigrationFiles({ migrationsFolder }).length);

      const [u] = await db.select({ n: count() }).from(users);
      const [i] = await db.select({ n: count() }).from(issues);
      const [a] = await db.select({ n: count() }).from(issueAssignees);
      const assignees = seedProjects
        .flatMap((p) => p.issues)
        .reduce((n, issue) => n + issue.assignees.length, 0);
      expect({ users: u?.n, issues: i?.n, assignees: a?.n }).toEqual({
        users: 8,
        issues: 24,
        assignees,
      });

      // Every process released the migration lock once done.
      const [locks] = await db
        .select({ n: count() })
        .from(sql`pg_locks`)
        .where(sql`locktype = 'advisory'`);
      expect(locks?.n).toBe(0);
    } finally {
      await closeAll(databases);
    }
  });

  it('keeps every assignee appended concurrently from two processes (row lock)', async () => {
    const [first, second] = (await openMany(await freshDatabase('two_pools'), 2)) as [
      Database,
      Database,
    ];
    try {
      const project = await first.repository.findProjectByFullPath('gitlab-org/gitlab-test');
      const issue = project && (await first.repository.findIssue(project.id, 5));
      const everyone = await first.repository.findUsersByUsernames([
        'root',
        'alice',
        'bob',
        'carol',
        'dave',
      ]);
      if (!issue) throw new Error('seed issue #5 missing');
      const id = (username: string) => everyone.find((u) => u.username === username)?.id ?? -1;
      // An existing assignee makes an unlocked read-modify-write fail or drop someone.
      await first.repository.updateAssignees(issue.id, () => [id('root')]);

      const append = (database: Database, username: string) =>
        database.repository.updateAssignees(issue.id, (current) => [
          ...current.map((u) => u.id),
          id(username),
        ]);
      const results = await Promise.all([
        append(first, 'alice'),
        append(second, 'bob'),
        append(first, 'carol'),
        append(second, 'dave'),
      ]);

      expect(results.every((r) => r.changed)).toBe(true);
      const final = await second.repository.findIssueById(issue.id);
      const names = final?.assignees.map((u) => u.username) ?? [];
      expect(names[0]).toBe('root');
      expect([...names].sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'root']);
      // Each update saw the one before it: the lists they returned grow one by one.
      const sizes = results.map((r) => r.issue.assignees.length).sort((a, b) => a - b);
      expect(sizes).toEqual([2, 3, 4, 5]);
    } finally {
      await closeAll([first, second]);
    }
  });

  it('survives its connection being killed inside a transaction: the transaction fails whole, the next query works', async () => {
    const [database, admin] = (await openMany(await freshDatabase('killed_backend'), 2)) as [
      Database,
      Database,
    ];
    const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
    try {
      const project = await database.repository.findProjectByFullPath('gitlab-org/gitlab-test');
      const issue = project && (await database.repository.findIssue(project.id, 5));
      if (!issue) throw new Error('seed issue #5 missing');

      const failed = database.repository.transaction(async (locked) => {
        await locked.writeIssue(issue.id, null, { dueDate: '2031-01-02' }, null);
        // Between statements the connection idles in its transaction, checked out of the pool,
        // with no query to report an error to: PostgreSQL ending it now raised an 'error' event
        // nobody listened for, which crashed the process (vitest fails on it as unhandled).
        const killed = rowsOf(
          await admin.db.execute(sql`select pg_terminate_backend(pid) as done
            from pg_stat_activity
            where datname = current_database() and state = 'idle in transaction'`),
        );
        expect(killed).toEqual([{ done: true }]);
        await waitUntil(async () => {
          const left = rowsOf(
            await admin.db.execute(sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and state = 'idle in transaction'`),
          );
          return left[0]?.n === 0;
        });
        return locked.findIssueById(issue.id);
      });

      await expect(failed).rejects.toThrow();
      // Nothing of the transaction was kept, and the pool answers on a new connection.
      const after = await database.repository.findIssueById(issue.id);
      expect(after?.dueDate).toBe(issue.dueDate);
      expect(after?.updatedAt).toEqual(issue.updatedAt);
    } finally {
      await closeAll([database, admin]);
    }
  });

  it('fails clearly, naming DATABASE_URL without the password, when unreachable', async () => {
    const port = await findFreePort();
    const databaseUrl = `postgres://app:s3cret-pw@127.0.0.1:${port}/app`;
    const failure = openDatabase({ databaseUrl });
    await expect(failure).rejects.toThrow(
      `Cannot connect to PostgreSQL at postgres://app:***@127.0.0.1:${port}/app (DATABASE_URL)`,
    );
    await expect(failure).rejects.toThrow(/ECONNREFUSED/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });

  it('hides passwords given in the query string too', () => {
    expect(redactUrl('postgres://h/db?password=pw&sslmode=require')).toBe(
      'postgres://h/db?password=***&sslmode=require',
    );
    expect(redactUrl('host=h password=pw')).toBe('<unparsable URL>');
  });
});
