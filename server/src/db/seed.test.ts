import { and, asc, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AccessLevel } from '../domain/identity.js';
import { hashPassword, verifyPassword } from '../domain/passwords.js';
import { issueAssignees, issues, members, projects, seedSteps, users } from './schema.js';
import { seed } from './seed.js';
import { DEFAULT_DEMO_PASSWORD, seedProjects, seedUsernames } from './seed-data.js';
import { drivers, useSeededFixture } from './test-fixture.js';

describe.each(drivers)('%s', (driver) => {
  const fx = useSeededFixture(driver);

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function counts(): Promise<Record<string, number>> {
    const { db } = fx.database;
    const [u] = await db.select({ n: count() }).from(users);
    const [p] = await db.select({ n: count() }).from(projects);
    const [i] = await db.select({ n: count() }).from(issues);
    const [a] = await db.select({ n: count() }).from(issueAssignees);
    const [m] = await db.select({ n: count() }).from(members);
    return {
      users: u?.n ?? -1,
      projects: p?.n ?? -1,
      issues: i?.n ?? -1,
      assignees: a?.n ?? -1,
      members: m?.n ?? -1,
    };
  }

  /** Every seeded row, to compare a database before and after a seed run. */
  async function snapshot() {
    const { db } = fx.database;
    return {
      users: await db.select().from(users).orderBy(asc(users.id)),
      projects: await db.select().from(projects).orderBy(asc(projects.id)),
      issues: await db.select().from(issues).orderBy(asc(issues.id)),
      assignees: await db
        .select()
        .from(issueAssignees)
        .orderBy(asc(issueAssignees.issueId), asc(issueAssignees.position)),
      members: await db.select().from(members).orderBy(asc(members.projectId), asc(members.userId)),
    };
  }

  async function memberships(projectId: number): Promise<Record<string, number>> {
    const rows = await fx.database.db
      .select({ username: users.username, accessLevel: members.accessLevel })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.projectId, projectId));
    return Object.fromEntries(rows.map((r) => [r.username, r.accessLevel]));
  }

  async function passwordHashOf(username: string): Promise<string | null> {
    const account = await fx.database.identity.findAccountByUsername(username);
    if (!account) throw new Error(`no user ${username}`);
    return account.passwordHash;
  }

  const countingHasher = () => {
    const hash = vi.fn(hashPassword);
    return { hash, options: { hashPassword: hash } };
  };

  describe('seed', () => {
    it('creates the demo users, projects, memberships, issues and assignees', async () => {
      const expectedAssignees = seedProjects
        .flatMap((p) => p.issues)
        .reduce((n, i) => n + i.assignees.length, 0);
      expect(await counts()).toEqual({
        users: 8,
        projects: 2,
        issues: 24,
        assignees: expectedAssignees,
        members: 8,
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
        { username: 'erin', name: 'Erin Hannon', admin: false },
        { username: 'frank', name: 'Frank Grimes', admin: false },
        { username: 'grace', name: 'Grace Hopper', admin: false },
      ]);
      expect(await fx.database.identity.findAccountByUsername('frank')).toMatchObject({
        state: 'blocked',
      });

      const project = await fx.database.repository.findProjectByFullPath('gitlab-org/gitlab-test');
      expect(project).toMatchObject({ name: 'GitLab Test', visibility: 'public' });
      const secret = await fx.database.repository.findProjectByFullPath(
        'gitlab-org/secret-project',
      );
      expect(secret).toMatchObject({ name: 'Secret Project', visibility: 'private' });

      const issue = await fx.issue(1);
      expect(issue.title).toBe('Assignees update live in the sidebar');
      expect(issue.assignees.map((u) => u.username)).toEqual(['alice']);
      const confidential = await fx.issue(21);
      expect(confidential).toMatchObject({
        title: 'Security: session fixation in sign-in',
        confidential: true,
        author: { username: 'bob' },
      });
      expect(confidential.assignees.map((u) => u.username)).toEqual(['carol']);
      const secretIssues = await fx.database.repository.listIssues(fx.secretProjectId, 10);
      expect(secretIssues.map((i) => i.iid)).toEqual([3, 2, 1]);

      expect(await memberships(fx.projectId)).toEqual({
        alice: AccessLevel.maintainer,
        bob: AccessLevel.developer,
        carol: AccessLevel.reporter,
        dave: AccessLevel.guest,
        frank: AccessLevel.developer,
      });
      expect(await memberships(fx.secretProjectId)).toEqual({
        grace: AccessLevel.owner,
        alice: AccessLevel.reporter,
        dave: AccessLevel.guest,
      });
    });

    it('gives every seeded user the demo password', async () => {
      expect(DEFAULT_DEMO_PASSWORD).toBe('5iveL!fe');
      for (const username of seedUsernames) {
        const hash = await passwordHashOf(username);
        expect(hash, username).toMatch(/^scrypt\$/);
      }
      // Salted: the same password never gives the same hash twice.
      expect(await passwordHashOf('alice')).not.toBe(await passwordHashOf('bob'));
      const hash = await passwordHashOf('root');
      // The suite may run with DEMO_PASSWORD set; the seed honours it.
      expect(await verifyPassword(process.env.DEMO_PASSWORD ?? '5iveL!fe', hash ?? '')).toBe(true);
      expect(await verifyPassword('wrong', hash ?? '')).toBe(false);
    });

    it('is idempotent when run again, without hashing any password', async () => {
      const before = await snapshot();
      const { hash, options } = countingHasher();
      await seed(fx.database.db, options);
      await seed(fx.database.db, options);
      expect(hash).not.toHaveBeenCalled();
      expect(await snapshot()).toEqual(before);
      expect((await counts()).users).toBe(8);
    });

    it('never reverts assignees, names, passwords or memberships a person changed', async () => {
      const issue = await fx.issue(1);
      const bob = fx.userId('bob');
      await fx.database.repository.updateAssignees(issue.id, () => [bob]);
      await fx.database.db
        .update(users)
        .set({ name: 'Alice L.' })
        .where(eq(users.username, 'alice'));
      const changedHash = await hashPassword('a new password');
      await fx.database.db
        .update(users)
        .set({ passwordHash: changedHash })
        .where(eq(users.username, 'carol'));
      await fx.database.db
        .delete(members)
        .where(and(eq(members.projectId, fx.projectId), eq(members.userId, fx.userId('dave'))));
      await fx.database.db
        .update(users)
        .set({ state: 'active' })
        .where(eq(users.username, 'frank'));

      await seed(fx.database.db);

      const after = await fx.issue(1);
      expect(after.assignees.map((u) => u.username)).toEqual(['bob']);
      expect(after.updatedAt.getTime()).toBeGreaterThan(issue.updatedAt.getTime());
      const [alice] = await fx.database.repository.findUsersByUsernames(['alice']);
      expect(alice?.name).toBe('Alice L.');
      expect(await passwordHashOf('carol')).toBe(changedHash);
      expect(await memberships(fx.projectId)).not.toHaveProperty('dave');
      expect(await fx.database.identity.findAccountByUsername('frank')).toMatchObject({
        state: 'active',
      });
    });

    it('gives a seeded user without a password hash the demo password, DEMO_PASSWORD first', async () => {
      vi.stubEnv('DEMO_PASSWORD', 'another demo password');
      await fx.database.db
        .update(users)
        .set({ passwordHash: null })
        .where(eq(users.username, 'erin'));
      const { hash, options } = countingHasher();

      await seed(fx.database.db, options);

      expect(hash).toHaveBeenCalledTimes(1);
      const erin = await passwordHashOf('erin');
      expect(await verifyPassword('another demo password', erin ?? '')).toBe(true);
    });

    it('does not re-add assignees to an issue a person left unassigned', async () => {
      const issue = await fx.issue(1);
      await fx.database.repository.updateAssignees(issue.id, () => []);

      await seed(fx.database.db);

      expect((await fx.issue(1)).assignees).toEqual([]);
    });

    it('writes the memberships once into a database seeded before memberships existed', async () => {
      await fx.database.db.delete(members);
      await fx.database.db.delete(seedSteps);

      await seed(fx.database.db);

      expect(Object.keys(await memberships(fx.projectId)).sort()).toEqual([
        'alice',
        'bob',
        'carol',
        'dave',
        'frank',
      ]);
      expect((await counts()).members).toBe(8);
    });
  });
});
