/**
 * Shared setup for the data-layer tests, which run on both drivers: one seeded database per
 * test file and driver (PGlite in memory, or a throw-away PostgreSQL server). Both take a
 * second or more to start, so files open them once in `beforeAll`.
 */
import { afterAll, beforeAll } from 'vitest';

import { startPostgresServer } from '../../test/postgres-server.js';
import type { IssueRecord } from '../domain/types.js';
import type { Database } from './open-database.js';
import { openDatabase } from './open-database.js';
import { secretProject, seedProject, seedUsernames } from './seed-data.js';

/** Every driver `openDatabase` supports; tests `describe.each` over them. */
export const drivers = ['pglite', 'postgres'] as const;
export type Driver = (typeof drivers)[number];

/**
 * A fresh, migrated and seeded database on `driver`. For PostgreSQL it starts its own server,
 * which `close()` stops after closing the pool.
 */
export async function openTestDatabase(driver: Driver): Promise<Database> {
  if (driver === 'pglite') return openDatabase({});
  const server = await startPostgresServer();
  try {
    const database = await openDatabase({ databaseUrl: server.url });
    return {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A seeded database plus lookups of the seed data by their human keys. */
export interface SeededFixture {
  database: Database;
  /** The public seed project, `gitlab-org/gitlab-test`. */
  projectId: number;
  /** The private seed project, `gitlab-org/secret-project`. */
  secretProjectId: number;
  /** Id of a seeded user; throws for an unknown username so typos fail loudly. */
  userId(username: string): number;
  /** Issue `#iid` of the seed project, freshly read. */
  issue(iid: number): Promise<IssueRecord>;
}

/** Opens a fresh database on `driver` and resolves the seed project and users. */
export async function openSeededFixture(driver: Driver = 'pglite'): Promise<SeededFixture> {
  const database = await openTestDatabase(driver);
  try {
    return await resolveSeed(database);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Registers `beforeAll`/`afterAll` hooks in the current suite and returns the fixture they
 * fill in: usable inside tests, closed (server stopped) after them even when tests fail.
 */
export function useSeededFixture(driver: Driver): SeededFixture {
  const fixture = {} as SeededFixture;
  let opened: SeededFixture | undefined;
  beforeAll(async () => {
    opened = await openSeededFixture(driver);
    Object.assign(fixture, opened);
  });
  afterAll(async () => {
    await opened?.database.close();
  });
  return fixture;
}

async function resolveSeed(database: Database): Promise<SeededFixture> {
  const project = await database.repository.findProjectByFullPath(seedProject.fullPath);
  const secret = await database.repository.findProjectByFullPath(secretProject.fullPath);
  if (!project || !secret) throw new Error('seed project missing');
  const users = await database.repository.findUsersByUsernames(seedUsernames);
  const ids = new Map(users.map((u) => [u.username, u.id]));
  return {
    database,
    projectId: project.id,
    secretProjectId: secret.id,
    userId(username) {
      const id = ids.get(username);
      if (id === undefined) throw new Error(`seed user ${username} missing`);
      return id;
    },
    async issue(iid) {
      const found = await database.repository.findIssue(project.id, iid);
      if (!found) throw new Error(`seed issue #${iid} missing`);
      return found;
    },
  };
}

/** Usernames of an issue's assignees, in order. */
export const assigneeNames = (issue: IssueRecord): string[] =>
  issue.assignees.map((u) => u.username);
