import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { issueAssignees, issues, projects, users } from './schema.js';
import { seed } from './seed.js';
import { seedIssues } from './seed-data.js';
import { drivers, useSeededFixture } from './test-fixture.js';

describe.each(drivers)('%s', (driver) => {
  const fx = useSeededFixture(driver);

  async function counts(): Promise<Record<string, number>> {
    const { db } = fx.database;
    const [u] = await db.select({ n: count() }).from(users);
    const [p] = await db.select({ n: count() }).from(projects);
    const [i] = await db.select({ n: count() }).from(issues);
    const [a] = await db.select({ n: count() }).from(issueAssignees);
    return { users: u?.n ?? -1, projects: p?.n ?? -1, issues: i?.n ?? -1, assignees: a?.n ?? -1 };
  }

  describe('seed', () => {
    it('creates the demo users, project, issues and assignees', async () => {
      const expectedAssignees = seedIssues.reduce((n, i) => n + i.assignees.length, 0);
      expect(await counts()).toEqual({
        users: 5,
        projects: 1,
        issues: 20,
        assignees: expectedAssignees,
      });

      const rows = await fx.database.db
        .select({ username: users.username, name: users.name, admin: users.admin })
        .from(users)
        .orderBy(users.id);
      expect(rows).toEqual([
        { username: 'root', name: 'Administrator', admin: true },
        { username: 'alice', name: 'Alice Liddell', admin: false },
        { username: 'bob', name: 'Bob Ross', admin: false },
        { username: 'carol', name: 'Carol Danvers', admin: false },
        { username: 'dave', name: 'Dave Lister', admin: false },
      ]);

      const project = await fx.database.repository.findProjectByFullPath('gitlab-org/gitlab-test');
      expect(project).toMatchObject({ name: 'GitLab Test', visibility: 'public' });

      const issue = await fx.issue(1);
      expect(issue.title).toBe('Assignees update live in the sidebar');
      expect(issue.assignees.map((u) => u.username)).toEqual(['alice']);
    });

    it('is idempotent when run again', async () => {
      const before = await counts();
      await seed(fx.database.db);
      await seed(fx.database.db);
      expect(await counts()).toEqual(before);
    });

    it('never reverts assignees or names a person changed', async () => {
      const issue = await fx.issue(1);
      const bob = fx.userId('bob');
      await fx.database.repository.updateAssignees(issue.id, () => [bob]);
      await fx.database.db
        .update(users)
        .set({ name: 'Alice L.' })
        .where(eq(users.username, 'alice'));

      await seed(fx.database.db);

      const after = await fx.issue(1);
      expect(after.assignees.map((u) => u.username)).toEqual(['bob']);
      expect(after.updatedAt.getTime()).toBeGreaterThan(issue.updatedAt.getTime());
      const [alice] = await fx.database.repository.findUsersByUsernames(['alice']);
      expect(alice?.name).toBe('Alice L.');
    });

    it('does not re-add assignees to an issue a person left unassigned', async () => {
      const issue = await fx.issue(1);
      await fx.database.repository.updateAssignees(issue.id, () => []);

      await seed(fx.database.db);

      expect((await fx.issue(1)).assignees).toEqual([]);
    });
  });
});
