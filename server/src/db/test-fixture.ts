/**
 * Shared setup for the data-layer tests: one seeded in-memory database per test file
 * (PGlite takes seconds to start, so files open it once in `beforeAll`).
 */
import type { IssueRecord } from '../domain/types.js';
import type { Database } from './open-database.js';
import { openDatabase } from './open-database.js';

/** A seeded database plus lookups of the seed data by their human keys. */
export interface SeededFixture {
  database: Database;
  projectId: number;
  /** Id of a seeded user; throws for an unknown username so typos fail loudly. */
  userId(username: string): number;
  /** Issue `#iid` of the seed project, freshly read. */
  issue(iid: number): Promise<IssueRecord>;
}

/** Opens an in-memory database and resolves the seed project and users. */
export async function openSeededFixture(): Promise<SeededFixture> {
  const database = await openDatabase({});
  const project = await database.repository.findProjectByFullPath('gitlab-org/gitlab-test');
  if (!project) throw new Error('seed project missing');
  const users = await database.repository.findUsersByUsernames([
    'root',
    'alice',
    'bob',
    'carol',
    'dave',
  ]);
  const ids = new Map(users.map((u) => [u.username, u.id]));
  return {
    database,
    projectId: project.id,
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
