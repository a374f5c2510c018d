import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { issues } from './schema.js';
import { assigneeNames as usernames, drivers, useSeededFixture } from './test-fixture.js';

describe.each(drivers)('%s', (driver) => {
  const fx = useSeededFixture(driver);

  describe('updateAssignees', () => {
    it('replaces the assignees in the computed order, dropping repeated ids', async () => {
      const before = await fx.issue(2);
      let seen: string[] = [];
      const result = await fx.database.repository.updateAssignees(before.id, (current) => {
        seen = current.map((u) => u.username);
        return [fx.userId('carol'), fx.userId('bob'), fx.userId('carol')];
      });
      expect(seen).toEqual([]);
      expect(result.changed).toBe(true);
      expect(usernames(result.issue)).toEqual(['carol', 'bob']);
      expect(result.issue.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
      expect(await fx.issue(2)).toEqual(result.issue);
    });

    it('treats a new order as a change and an empty list as unassigning everyone', async () => {
      const before = await fx.issue(3);
      expect(usernames(before)).toEqual(['carol', 'dave']);
      const swapped = await fx.database.repository.updateAssignees(before.id, (current) =>
        current.map((u) => u.id).reverse(),
      );
      expect(swapped.changed).toBe(true);
      expect(usernames(swapped.issue)).toEqual(['dave', 'carol']);

      const cleared = await fx.database.repository.updateAssignees(before.id, () => []);
      expect(cleared.changed).toBe(true);
      expect(cleared.issue.assignees).toEqual([]);
    });

    it('writes nothing and keeps updatedAt when the list is unchanged', async () => {
      const before = await fx.issue(6);
      const result = await fx.database.repository.updateAssignees(before.id, (current) => [
        ...current.map((u) => u.id),
        fx.userId('alice'),
      ]);
      expect(result.changed).toBe(false);
      expect(result.issue).toEqual(before);
      expect(await fx.issue(6)).toEqual(before);
    });

    it('rolls back and rethrows when compute throws', async () => {
      const before = await fx.issue(8);
      const failure = new Error('not allowed');
      await expect(
        fx.database.repository.updateAssignees(before.id, () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await fx.issue(8)).toEqual(before);
      // The connection is usable afterwards (no transaction left open).
      const after = await fx.database.repository.updateAssignees(before.id, () => [
        fx.userId('bob'),
      ]);
      expect(usernames(after.issue)).toEqual(['bob']);
    });

    it('rejects unknown user ids without changing anything', async () => {
      const before = await fx.issue(12);
      await expect(
        fx.database.repository.updateAssignees(before.id, () => [fx.userId('alice'), 987654]),
      ).rejects.toThrow(/unknown user id\(s\) 987654/);
      expect(await fx.issue(12)).toEqual(before);
    });

    it('throws a clear error for an unknown issue', async () => {
      await expect(fx.database.repository.updateAssignees(987654, () => [])).rejects.toThrow(
        'Cannot update assignees: issue 987654 does not exist',
      );
    });

    it('moves updatedAt strictly forward, even on back-to-back updates', async () => {
      const start = await fx.issue(13);
      const stamps = [start.updatedAt.getTime()];
      for (let n = 0; n < 6; n += 1) {
        const next = n % 2 === 0 ? [fx.userId('dave')] : [];
        const { issue: updated } = await fx.database.repository.updateAssignees(
          start.id,
          () => next,
        );
        stamps.push(updated.updatedAt.getTime());
      }
      for (let n = 1; n < stamps.length; n += 1) {
        expect(stamps[n]).toBeGreaterThan(stamps[n - 1] ?? Infinity);
      }
    });

    it('moves updatedAt past a stored time ahead of the clock by exactly 1 ms', async () => {
      const start = await fx.issue(17);
      const future = new Date(Date.now() + 60 * 60 * 1000);
      await fx.database.db.update(issues).set({ updatedAt: future }).where(eq(issues.id, start.id));
      const { issue: updated } = await fx.database.repository.updateAssignees(start.id, () => [
        fx.userId('carol'),
      ]);
      expect(updated.updatedAt.getTime()).toBe(future.getTime() + 1);
      // The value the caller gets is the committed one.
      const [row] = await fx.database.db
        .select({ ms: sql<string>`(extract(epoch from ${issues.updatedAt}) * 1000)::bigint` })
        .from(issues)
        .where(eq(issues.id, start.id));
      expect(Number(row?.ms)).toBe(future.getTime() + 1);
    });

    it('loses no update when two run concurrently', async () => {
      const start = await fx.issue(19);
      const add = (username: string) => (current: readonly { id: number }[]) => [
        ...current.map((u) => u.id),
        fx.userId(username),
      ];
      await Promise.all([
        fx.database.repository.updateAssignees(start.id, add('alice')),
        fx.database.repository.updateAssignees(start.id, add('bob')),
      ]);
      expect(usernames(await fx.issue(19)).sort()).toEqual(['alice', 'bob']);
    });
  });
});
