import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { count } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startPostgresServer } from '../../test/postgres-server.js';
import type { AppDatabase } from './database.js';
import type { OpenDatabaseOptions } from './open-database.js';
import { migrationsFolder, openDatabase } from './open-database.js';
import { issues, users } from './schema.js';
import type { Driver } from './test-fixture.js';
import { drivers } from './test-fixture.js';

/** Drizzle's bookkeeping table, declared here only to read it with typed queries. */
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

function listMigrations(db: AppDatabase) {
  return db.select().from(appliedMigrations).orderBy(appliedMigrations.id);
}

/** Where a driver keeps its data between two `openDatabase` calls. */
interface Target {
  options: OpenDatabaseOptions;
  dispose(): Promise<void>;
}

const targets: Record<Driver, () => Promise<Target>> = {
  async pglite() {
    const dataDir = await mkdtemp(join(tmpdir(), 'issue-sidebar-db-'));
    return {
      // A nested path proves the directory is created (mkdir -p).
      options: { dataDir: join(dataDir, 'nested', 'pgdata') },
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
  async postgres() {
    const server = await startPostgresServer();
    return { options: { databaseUrl: server.url }, dispose: () => server.stop() };
  },
};

describe.each(drivers)('openDatabase on %s', (driver) => {
  let target: Target | undefined;

  beforeAll(async () => {
    target = await targets[driver]();
  });

  afterAll(async () => {
    await target?.dispose();
  });

  it('keeps data across reopen and applies no migration twice', async () => {
    if (!target) throw new Error('no target');
    const { options } = target;
    const migrationFiles = readMigrationFiles({ migrationsFolder });
    expect(migrationFiles.length).toBeGreaterThan(0);

    const first = await openDatabase(options);
    let issueId: number;
    let migrationsBefore: Awaited<ReturnType<typeof listMigrations>>;
    try {
      migrationsBefore = await listMigrations(first.db);
      expect(migrationsBefore).toHaveLength(migrationFiles.length);

      const project = await first.repository.findProjectByFullPath('gitlab-org/gitlab-test');
      const issue = project && (await first.repository.findIssue(project.id, 1));
      const [carol] = await first.repository.findUsersByUsernames(['carol']);
      if (!issue || !carol) throw new Error('seed data missing');
      issueId = issue.id;
      await first.repository.updateAssignees(issueId, () => [carol.id]);
    } finally {
      await first.close();
    }

    const second = await openDatabase(options);
    try {
      expect(await listMigrations(second.db)).toEqual(migrationsBefore);
      const reopened = await second.repository.findIssueById(issueId);
      expect(reopened?.assignees.map((u) => u.username)).toEqual(['carol']);
      const [issueCount] = await second.db.select({ n: count() }).from(issues);
      const [userCount] = await second.db.select({ n: count() }).from(users);
      expect({ issues: issueCount?.n, users: userCount?.n }).toEqual({ issues: 24, users: 8 });
    } finally {
      await second.close();
    }
  });

  it('answers ping while open and rejects it once closed (readiness)', async () => {
    if (!target) throw new Error('no target');
    const database = await openDatabase(target.options);
    await expect(database.ping()).resolves.toBeUndefined();
    await database.close();
    await expect(database.ping()).rejects.toThrow();
  });
});
