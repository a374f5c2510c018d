import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import type { IssueListFilter } from '../domain/repository.js';
import { issues } from './schema.js';
import { drivers, useSeededFixture } from './test-fixture.js';

/** The list's SQL on both drivers: ties in the sort order, the confidential scope, counts. */
describe.each(drivers)('%s', (driver) => {
  const fx = useSeededFixture(driver);
  const all: IssueListFilter = { confidential: 'all' };

  async function walk(filter: IssueListFilter, first: number): Promise<number[]> {
    const { repository } = fx.database;
    const seen: number[] = [];
    let after: { createdAt: Date; id: number } | undefined;
    for (let pages = 0; pages < 50; pages += 1) {
      const page = await repository.listIssuePage(fx.projectId, filter, { first, after });
      seen.push(...page.issues.map((issue) => issue.iid));
      const last = page.issues.at(-1);
      if (!page.hasNextPage || !last) break;
      after = { createdAt: last.createdAt, id: last.id };
    }
    return seen;
  }

  it('pages through issues created at the same instant by id, none twice, none missed', async () => {
    const tied = [3, 4, 5, 6, 7];
    await fx.database.db
      .update(issues)
      .set({ createdAt: sql`'2024-06-01T12:00:00.123Z'::timestamptz` })
      .where(sql`${issues.projectId} = ${fx.projectId} and ${inArray(issues.iid, tied)}`);
    const every = await fx.database.repository.listIssues(fx.projectId, 10_000);
    const expected = [...every]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      .map((issue) => issue.iid);
    for (const size of [1, 2, 3, 7]) expect(await walk(all, size)).toEqual(expected);
  });

  it("shows a non-member's confidential issues only where they wrote or are assigned to them", async () => {
    const { repository } = fx.database;
    const every = await repository.listIssues(fx.projectId, 10_000);
    const confidential = every.filter((issue) => issue.confidential);
    expect(confidential.length).toBeGreaterThan(0);
    const dave = fx.userId('dave'); // the author of the confidential #10
    const own = await walk({ confidential: { authorOrAssignee: dave } }, 100);
    const none = await walk({ confidential: 'none' }, 100);
    for (const issue of confidential) {
      expect(none).not.toContain(issue.iid);
      const mine = issue.author.id === dave || issue.assignees.some((u) => u.id === dave);
      expect(own.includes(issue.iid)).toBe(mine);
    }
    expect(own.length).toBeGreaterThan(none.length);
    expect(await repository.countIssues(fx.projectId, { confidential: 'none' })).toBe(none.length);
  });

  it('counts what the filters match, on every page together', async () => {
    const { repository } = fx.database;
    const filter: IssueListFilter = { state: 'opened', labelTitles: ['bug'], confidential: 'all' };
    const listed = await walk(filter, 2);
    expect(listed.length).toBeGreaterThan(0);
    expect(await repository.countIssues(fx.projectId, filter)).toBe(listed.length);
    expect(
      await repository.countIssues(fx.projectId, { ...filter, milestoneTitles: ['none such'] }),
    ).toBe(0);
  });
});
