import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { count } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppDatabase } from './database.js';
import { migrationsFolder, openDatabase } from './open-database.js';
import { issues, users } from './schema.js';

/** Drizzle's bookkeeping table, declared here only to read it with typed queries. */
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

function listMigrations(db: AppDatabase) {
  return db.select().from(appliedMigrations).orderBy(appliedMigrations.id);
}

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'issue-sidebar-db-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('openDatabase with a data directory', () => {
  it('keeps data across reopen and applies no migration twice', async () => {
    // A nested path proves the directory is created (mkdir -p).
    const dir = join(dataDir, 'nested', 'pgdata');
    const migrationFiles = readMigrationFiles({ migrationsFolder });
    expect(migrationFiles.length).toBeGreaterThan(0);

    const first = await openDatabase({ dataDir: dir });
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

    const second = await openDatabase({ dataDir: dir });
    try {
      expect(await listMigrations(second.db)).toEqual(migrationsBefore);
      const reopened = await second.repository.findIssueById(issueId);
      expect(reopened?.assignees.map((u) => u.username)).toEqual(['carol']);
      const [issueCount] = await second.db.select({ n: count() }).from(issues);
      const [userCount] = await second.db.select({ n: count() }).from(users);
      expect({ issues: issueCount?.n, users: userCount?.n }).toEqual({ issues: 20, users: 5 });
    } finally {
      await second.close();
    }
  });
});
