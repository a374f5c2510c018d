import { describe, expect, it } from 'vitest';

import { drivers, useSeededFixture, type SeededFixture } from './test-fixture.js';

/** Label ids of the seed project by title. */
async function labelIds(fx: SeededFixture): Promise<Map<string, number>> {
  const found = await fx.database.repository.listLabels(fx.projectId);
  return new Map(found.map((label) => [label.title, label.id]));
}

describe.each(drivers)('updateIssue on %s', (driver) => {
  const fx = useSeededFixture(driver);

  it('seeds eight labels in two scopes and three milestones, and issue #1 with them', async () => {
    const titles = [...(await labelIds(fx)).keys()];
    expect(titles).toHaveLength(8);
    expect(new Set(titles.filter((t) => t.includes('::')).map((t) => t.split('::')[0]))).toEqual(
      new Set(['priority', 'workflow']),
    );
    const milestones = await fx.database.repository.listMilestones(fx.projectId, {});
    expect(milestones.map((m) => m.title)).toEqual(['v1.0', 'v1.1', 'v2.0']); // by due date
    expect(
      (await fx.database.repository.listMilestones(fx.projectId, { state: 'active' })).length,
    ).toBe(2);
    const issue = await fx.issue(1);
    expect(issue.labels.map((l) => l.title)).toEqual(['feature', 'frontend', 'priority::high']);
    expect(issue.milestone?.title).toBe('v1.1');
    expect(issue.dueDate).toBe('2030-01-31');
  });

  it('writes labels, milestone, due date and assignees in one transaction; the record equals a fresh read', async () => {
    const before = await fx.issue(4);
    const ids = await labelIds(fx);
    const [milestone] = await fx.database.repository.listMilestones(fx.projectId, {
      search: 'v2',
    });
    const result = await fx.database.repository.updateIssue(
      before.id,
      () => ({
        assigneeIds: [fx.userId('grace'), fx.userId('bob')],
        labelIds: [ids.get('documentation') ?? 0, ids.get('bug') ?? 0],
        milestoneId: milestone?.id ?? 0,
        dueDate: '2031-02-28',
        confidential: true,
      }),
      fx.userId('alice'),
    );
    expect(result.changed.sort()).toEqual(
      ['assigneeIds', 'confidential', 'dueDate', 'labelIds', 'milestoneId'].sort(),
    );
    expect(result.issue.labels.map((l) => l.title)).toEqual(['bug', 'documentation']);
    expect(result.issue.milestone?.title).toBe('v2.0');
    expect(result.issue.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(await fx.issue(4)).toEqual(result.issue); // the pushed record is what a read gives

    const cleared = await fx.database.repository.updateIssue(before.id, () => ({
      labelIds: [],
      milestoneId: null,
      dueDate: null,
    }));
    expect(cleared.changed.sort()).toEqual(['dueDate', 'labelIds', 'milestoneId']);
    expect(await fx.issue(4)).toEqual(cleared.issue);
    expect(cleared.issue).toMatchObject({ labels: [], milestone: null, dueDate: null });
  });

  it('writes title, description and state with the other fields; the record equals a fresh read', async () => {
    const before = await fx.issue(6);
    const result = await fx.database.repository.updateIssue(
      before.id,
      () => ({
        title: 'Renamed',
        description: 'New **text**',
        state: 'closed',
        dueDate: '2031-01-01',
      }),
      fx.userId('alice'),
    );
    expect(result.changed.sort()).toEqual(['description', 'dueDate', 'state', 'title']);
    expect(result.issue).toMatchObject({
      title: 'Renamed',
      description: 'New **text**',
      state: 'closed',
    });
    expect(await fx.issue(6)).toEqual(result.issue);
    const again = await fx.database.repository.updateIssue(before.id, (issue) => ({
      title: issue.title,
      description: issue.description,
      state: issue.state,
    }));
    expect(again.changed).toEqual([]);
  });

  it('writes nothing when nothing differs, and nothing at all when one id is bad', async () => {
    const before = await fx.issue(5);
    const same = await fx.database.repository.updateIssue(before.id, (issue) => ({
      labelIds: issue.labels.map((l) => l.id),
      dueDate: issue.dueDate,
    }));
    expect(same.changed).toEqual([]);
    const ids = await labelIds(fx);
    await expect(
      fx.database.repository.updateIssue(before.id, () => ({
        labelIds: [ids.get('bug') ?? 0],
        dueDate: '2030-05-05',
        milestoneId: 987654,
      })),
    ).rejects.toThrow('no milestone 987654');
    // A label of another project is no label of this one.
    await expect(
      fx.database.repository.updateIssue(before.id, () => ({ labelIds: [987654] })),
    ).rejects.toThrow('no label 987654 in the project');
    expect(await fx.issue(5)).toEqual(before);
  });
});
