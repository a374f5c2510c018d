import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { openSeededFixture, type SeededFixture } from '../db/test-fixture.js';

import type { AccountRecord } from './identity.js';
import {
  IssueUpdateService,
  MAX_LABELS,
  NOT_FOUND_MESSAGE,
  type IssueChanges,
  type IssueEvents,
} from './issue-update-service.js';
import { nextLabelIds } from './labels.js';
import type { IssueRecord, LabelRecord } from './types.js';

/** Records every announcement by event name. */
function recordingEvents(): IssueEvents & { names: string[] } {
  const names: string[] = [];
  const record = (name: string) => () => {
    names.push(name);
    return Promise.resolve();
  };
  return {
    names,
    issueUpdated: record('issueUpdated'),
    issuableAssigneesUpdated: record('issuableAssigneesUpdated'),
    issuableLabelsUpdated: record('issuableLabelsUpdated'),
    issuableMilestoneUpdated: record('issuableMilestoneUpdated'),
    issuableDatesUpdated: record('issuableDatesUpdated'),
    issueReadersNarrowed: record('issueReadersNarrowed'),
    issuableTitleUpdated: record('issuableTitleUpdated'),
    issuableDescriptionUpdated: record('issuableDescriptionUpdated'),
  };
}

let fixture: SeededFixture;
let events: ReturnType<typeof recordingEvents>;
let service: IssueUpdateService;
const accounts = new Map<string, AccountRecord>();
const label = new Map<string, number>();
const milestone = new Map<string, number>();
const project = 'gitlab-org/gitlab-test';

beforeAll(async () => {
  fixture = await openSeededFixture();
  for (const name of ['alice', 'carol', 'dave', 'erin', 'bob']) {
    accounts.set(
      name,
      (await fixture.database.identity.findAccountByUsername(name)) as AccountRecord,
    );
  }
  const { repository } = fixture.database;
  for (const l of await repository.listLabels(fixture.projectId)) label.set(l.title, l.id);
  for (const m of await repository.listMilestones(fixture.projectId, {}))
    milestone.set(m.title, m.id);
});
afterAll(() => fixture.database.close());
beforeEach(() => {
  events = recordingEvents();
  service = new IssueUpdateService(
    fixture.database.repository,
    fixture.database.identity,
    events,
    pino({ level: 'silent' }),
  );
});

const ids = (...titles: string[]) => titles.map((title) => label.get(title) ?? 0);
const titles = (issue: IssueRecord | null) => issue?.labels.map((l) => l.title);
const update = (iid: number, changes: IssueChanges, actor = 'alice') =>
  service.update(
    { projectPath: project, iid: String(iid), actor: accounts.get(actor) ?? null },
    changes,
  );

describe('nextLabelIds (scoped labels)', () => {
  const all: LabelRecord[] = [
    { id: 1, title: 'bug', description: null, color: '#000000' },
    { id: 2, title: 'priority::high', description: null, color: '#000000' },
    { id: 3, title: 'priority::low', description: null, color: '#000000' },
    { id: 4, title: 'a::b::c', description: null, color: '#000000' },
    { id: 5, title: 'a::b::d', description: null, color: '#000000' },
    { id: 6, title: 'a::x', description: null, color: '#000000' },
  ];
  const known = new Map(all.map((l) => [l.id, l]));
  const current = (...idsOf: number[]) => all.filter((l) => idsOf.includes(l.id));

  it.each([
    ['adding a scoped label replaces the one of its scope', [1, 2], { add: [3] }, [1, 3]],
    ['the last of two added in one request wins', [1], { add: [2, 3] }, [1, 3]],
    ['a replacing list keeps one per scope, new over held', [2], { set: [2, 3] }, [3]],
    ['the scope is the part before the last ::', [4, 6], { add: [5] }, [6, 5]],
    ['removing is not affected', [1, 2], { remove: [2] }, [1]],
  ] as const)('%s', (_name, held, change, expected) => {
    expect(nextLabelIds(current(...held), change, known).sort()).toEqual([...expected].sort());
  });
});

describe('IssueUpdateService#update: labels, milestone, due date', () => {
  it('adds, removes and replaces labels, a scoped one exclusive in its scope; one event each', async () => {
    let result = await update(11, { labels: { add: ids('bug', 'priority::low') } });
    expect(result.errors).toEqual([]);
    expect(titles(result.issue)).toEqual(['bug', 'priority::low']);
    result = await update(11, { labels: { add: ids('priority::high') } });
    expect(titles(result.issue)).toEqual(['bug', 'priority::high']);
    result = await update(11, { labels: { remove: ids('bug') } });
    expect(titles(result.issue)).toEqual(['priority::high']);
    result = await update(11, { labels: { set: ids('feature') } });
    expect(titles(result.issue)).toEqual(['feature']);
    expect(titles(await fixture.issue(11))).toEqual(['feature']);
    expect(events.names).toEqual(
      Array.from({ length: 4 }, () => ['issueUpdated', 'issuableLabelsUpdated']).flat(),
    );
  });

  it('sets and removes the milestone and the due date, announcing each field once', async () => {
    const before = await fixture.issue(12);
    let result = await update(12, {
      milestoneId: milestone.get('v2.0') ?? 0,
      dueDate: '2032-02-29',
    });
    expect(result.errors).toEqual([]);
    expect(result.issue).toMatchObject({ milestone: { title: 'v2.0' }, dueDate: '2032-02-29' });
    expect(result.issue?.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(events.names).toEqual([
      'issueUpdated',
      'issuableMilestoneUpdated',
      'issuableDatesUpdated',
    ]);
    result = await update(12, { milestoneId: null });
    expect(result.issue).toMatchObject({ milestone: null, dueDate: '2032-02-29' });
    result = await update(12, { dueDate: null });
    expect(result.issue).toMatchObject({ milestone: null, dueDate: null });
    expect(events.names.slice(3)).toEqual([
      'issueUpdated',
      'issuableMilestoneUpdated',
      'issueUpdated',
      'issuableDatesUpdated',
    ]);
    // The same values again: nothing written, nothing announced.
    await update(12, { milestoneId: null, dueDate: null, labels: { remove: ids('bug') } });
    expect(events.names).toHaveLength(7);
  });

  it('applies every field of one request in one transaction, or none of them', async () => {
    const before = await fixture.issue(13);
    const bad = await update(13, {
      assignees: { usernames: ['bob'], mode: 'REPLACE' },
      labels: { add: ids('bug') },
      dueDate: '2030-01-01',
      confidential: true,
      milestoneId: 987654,
    });
    expect(bad.errors).toEqual(['Milestone not found: 987654']);
    expect(await fixture.issue(13)).toEqual(before);
    expect(events.names).toEqual([]);

    const good = await update(13, {
      assignees: { usernames: ['bob'], mode: 'REPLACE' },
      labels: { add: ids('bug') },
      dueDate: '2030-01-01',
      milestoneId: milestone.get('v1.1') ?? 0,
    });
    expect(good.errors).toEqual([]);
    expect(events.names.sort()).toEqual(
      [
        'issueUpdated',
        'issuableAssigneesUpdated',
        'issuableLabelsUpdated',
        'issuableMilestoneUpdated',
        'issuableDatesUpdated',
      ].sort(),
    );
  });

  it("announces that an issue's readers may have shrunk: made confidential, or a confidential issue's assignees changed", async () => {
    await update(15, { confidential: true });
    expect(events.names).toEqual(['issueUpdated', 'issueReadersNarrowed']);
    await update(15, { assignees: { usernames: ['bob'], mode: 'APPEND' } });
    expect(events.names.slice(2)).toEqual([
      'issueUpdated',
      'issuableAssigneesUpdated',
      'issueReadersNarrowed',
    ]);
    // Made public again: everyone gets the issue itself, nobody loses it.
    await update(15, { confidential: false });
    expect(events.names.slice(5)).toEqual(['issueUpdated']);
    await update(15, { assignees: { usernames: ['bob'], mode: 'REMOVE' } });
    expect(events.names.slice(6)).toEqual(['issueUpdated', 'issuableAssigneesUpdated']);
  });

  it.each([
    ['a bad date', { dueDate: '2030-02-30' }, 'Due date must be a date (YYYY-MM-DD)'],
    [
      'a date with a time',
      { dueDate: '2030-01-01T00:00:00Z' },
      'Due date must be a date (YYYY-MM-DD)',
    ],
    ['an unknown label', { labels: { add: [987654] } }, 'Labels not found: 987654'],
    ['a milestone out of range', { milestoneId: 2 ** 40 }, `Milestone not found: ${2 ** 40}`],
    [
      'a huge label list',
      { labels: { set: Array.from({ length: 5000 }, (_v, i) => i + 1) } },
      `Too many labels: an issue may have at most ${MAX_LABELS}`,
    ],
  ] as [string, IssueChanges, string][])(
    'refuses %s and writes nothing',
    async (_name, changes, error) => {
      const before = await fixture.issue(14);
      const result = await update(14, changes);
      expect(result.errors).toEqual([error]);
      expect(await fixture.issue(14)).toEqual(before);
      expect(events.names).toEqual([]);
    },
  );

  it("refuses a label of another project (the secret project's ids are unknown here)", async () => {
    // Labels are per project: an id from elsewhere is refused like an unknown one.
    const result = await update(14, { labels: { add: [label.size + 1000] } });
    expect(result.errors[0]).toMatch(/^Labels not found/);
  });

  it.each(['erin', 'dave'])(
    'refuses %s, who may not update the issue, without a hint',
    async (who) => {
      const before = await fixture.issue(16);
      const result = await update(16, { labels: { add: ids('bug') }, dueDate: '2030-01-01' }, who);
      expect(result).toEqual({ issue: null, errors: [NOT_FOUND_MESSAGE] });
      expect(await fixture.issue(16)).toEqual(before);
    },
  );
});
