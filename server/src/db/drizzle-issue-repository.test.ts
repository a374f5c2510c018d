import { describe, expect, it } from 'vitest';

import { AccessLevel } from '../domain/identity.js';
import { members, users } from './schema.js';
import { assigneeNames as usernames, drivers, useSeededFixture } from './test-fixture.js';

describe.each(drivers)('%s', (driver) => {
  const fx = useSeededFixture(driver);

  describe('finding', () => {
    it('loads an issue with project path, author and assignees in assignment order', async () => {
      const found = await fx.issue(16);
      expect(found).toMatchObject({
        iid: 16,
        projectId: fx.projectId,
        projectFullPath: 'gitlab-org/gitlab-test',
        title: 'Audit events for assignee changes',
        state: 'opened',
        confidential: false,
        author: { id: fx.userId('root'), username: 'root', name: 'Administrator' },
      });
      // dave was created after alice, so only `position` can put him first.
      expect(usernames(found)).toEqual(['dave', 'alice']);
      expect(found.createdAt).toBeInstanceOf(Date);
      expect(await fx.database.repository.findIssueById(found.id)).toEqual(found);
    });

    it('returns null for unknown issues and projects', async () => {
      expect(await fx.database.repository.findIssue(fx.projectId, 999)).toBeNull();
      expect(await fx.database.repository.findIssue(fx.projectId + 100, 1)).toBeNull();
      expect(await fx.database.repository.findIssueById(-1)).toBeNull();
      expect(await fx.database.repository.findProjectByFullPath('gitlab-org/nope')).toBeNull();
    });

    it('finds users by exact username only', async () => {
      const found = await fx.database.repository.findUsersByUsernames([
        'bob',
        'Alice',
        'nobody',
        'carol',
      ]);
      expect(found.map((u) => u.username).sort()).toEqual(['bob', 'carol']);
      expect(await fx.database.repository.findUsersByUsernames([])).toEqual([]);
    });
  });

  describe('searchAssignableUsers', () => {
    const search = async (term?: string) =>
      (await fx.database.repository.searchAssignableUsers(fx.projectId, term)).map((u) => u.name);

    // Frank Grimes is blocked. Memberships do not restrict assignees (yet).
    it('lists active members ordered by name, matching username or name case-insensitively', async () => {
      // Members of gitlab-test: alice, bob, carol, dave, and frank (blocked); root and erin are not.
      expect(await search()).toEqual(['Alice Liddell', 'Bob Ross', 'Carol Danvers', 'Dave Lister']);
      expect(await search('LI')).toEqual(['Alice Liddell', 'Dave Lister']);
      expect(await search('roo')).toEqual([]);
      expect(await search('  ross ')).toEqual(['Bob Ross']);
      // LIKE wildcards are matched literally.
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual([]);
    });

    it('returns nobody for an unknown project', async () => {
      expect(await fx.database.repository.searchAssignableUsers(fx.projectId + 100)).toEqual([]);
    });

    it('leaves out blocked members and non-members, and returns at most 20', async () => {
      const inserted = await fx.database.db
        .insert(users)
        .values([
          { username: 'zed-blocked', name: 'Zed Blocked', state: 'blocked' },
          { username: 'zed-outsider', name: 'Zed Outsider' },
          ...Array.from({ length: 25 }, (_, n) => ({
            username: `zed${String(n).padStart(2, '0')}`,
            name: `Zed ${String(n).padStart(2, '0')}`,
          })),
        ])
        .returning({ id: users.id, username: users.username });
      await fx.database.db.insert(members).values(
        inserted
          .filter((user) => user.username !== 'zed-outsider')
          .map((user) => ({
            projectId: fx.projectId,
            userId: user.id,
            accessLevel: AccessLevel.developer,
          })),
      );
      const zeds = await search('zed');
      expect(zeds).toHaveLength(20);
      expect(zeds).not.toContain('Zed Blocked');
      expect(zeds).not.toContain('Zed Outsider');
      expect(zeds[0]).toBe('Zed 00');
      expect(zeds[19]).toBe('Zed 19');
    });
  });

  describe('creating', () => {
    it('gives concurrent creations distinct, consecutive iids and keeps assignee order', async () => {
      const repository = fx.database.repository;
      const before = (await repository.listIssues(fx.projectId, 1))[0]?.iid ?? 0;
      const created = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          repository.createIssue({
            projectId: fx.projectId,
            title: `Concurrent ${n}`,
            description: null,
            confidential: n === 1,
            authorId: fx.userId('alice'),
            assigneeIds: [fx.userId('carol'), fx.userId('bob'), fx.userId('carol')],
          }),
        ),
      );
      expect(created.map((issue) => issue.iid).sort((a, b) => a - b)).toEqual(
        [1, 2, 3, 4, 5].map((n) => before + n),
      );
      expect(usernames(created[0]!)).toEqual(['carol', 'bob']);
      expect(created[0]).toMatchObject({
        confidential: true,
        state: 'opened',
        author: { username: 'alice' },
      });
      expect(await repository.findIssueById(created[0]!.id)).toEqual(created[0]);
    });

    it('writes nothing when an assignee does not exist', async () => {
      const repository = fx.database.repository;
      const count = (await repository.listIssues(fx.projectId, 10_000)).length;
      await expect(
        repository.createIssue({
          projectId: fx.projectId,
          title: 'Half',
          description: null,
          confidential: false,
          authorId: fx.userId('alice'),
          assigneeIds: [fx.userId('bob'), 999_999],
        }),
      ).rejects.toThrow(/unknown user id/);
      expect((await repository.listIssues(fx.projectId, 10_000)).length).toBe(count);
    });

    it("writes nothing when a label or milestone is another project's", async () => {
      const repository = fx.database.repository;
      const [label] = await repository.listLabels(fx.projectId);
      const [milestone] = await repository.listMilestones(fx.projectId, {});
      const count = (await repository.listIssues(fx.secretProjectId, 10_000)).length;
      const base = {
        projectId: fx.secretProjectId,
        title: 'Borrowed',
        description: null,
        confidential: false,
        authorId: fx.userId('grace'),
        assigneeIds: [fx.userId('grace')],
      };
      await expect(repository.createIssue({ ...base, labelIds: [label!.id] })).rejects.toThrow(
        /not all in the project/,
      );
      await expect(repository.createIssue({ ...base, milestoneId: milestone!.id })).rejects.toThrow(
        /no milestone/,
      );
      expect((await repository.listIssues(fx.secretProjectId, 10_000)).length).toBe(count);
    });

    it('writes labels, milestone and due date with the issue', async () => {
      const repository = fx.database.repository;
      const labels = await repository.listLabels(fx.projectId);
      const [milestone] = await repository.listMilestones(fx.projectId, {});
      const created = await repository.createIssue({
        projectId: fx.projectId,
        title: 'Complete',
        description: 'body',
        confidential: false,
        authorId: fx.userId('alice'),
        assigneeIds: [],
        labelIds: labels.slice(0, 2).map((label) => label.id),
        milestoneId: milestone!.id,
        dueDate: '2031-01-31',
      });
      expect(created.labels.map((label) => label.id)).toEqual(
        labels.slice(0, 2).map((label) => label.id),
      );
      expect(created).toMatchObject({ milestone: { id: milestone!.id }, dueDate: '2031-01-31' });
      expect(await repository.findIssueById(created.id)).toEqual(created);
    });
  });
});
