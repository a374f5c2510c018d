import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { countRoundTrips, type RoundTrips } from '../../test/round-trips.js';
import { drivers, useSeededFixture } from '../db/test-fixture.js';

import type { AccountRecord } from './identity.js';
import { IssueUpdateService, type IssueChanges } from './issue-update-service.js';

const noEvents = {
  issueUpdated: () => Promise.resolve(),
  issuableAssigneesUpdated: () => Promise.resolve(),
  issuableLabelsUpdated: () => Promise.resolve(),
  issuableMilestoneUpdated: () => Promise.resolve(),
  issuableDatesUpdated: () => Promise.resolve(),
  issuableTitleUpdated: () => Promise.resolve(),
  issuableDescriptionUpdated: () => Promise.resolve(),
  issueReadersNarrowed: () => Promise.resolve(),
};
const project = 'gitlab-org/gitlab-test';

/**
 * What one update costs the database, counted on the driver: the read of everything the
 * decision needs and the one statement that writes, whatever the fields; a refusal or a change
 * to nothing stops after the read. A write that lost a race is decided again under the row lock.
 */
describe.each(drivers)('round trips of an update on %s', (driver) => {
  const fx = useSeededFixture(driver);
  let trips: RoundTrips;
  let service: IssueUpdateService;
  let alice: AccountRecord;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    const { repository, identity } = fx.database;
    alice = (await identity.findAccountByUsername('alice')) as AccountRecord;
    for (const l of await repository.listLabels(fx.projectId)) ids.set(l.title, l.id);
    for (const m of await repository.listMilestones(fx.projectId, {})) ids.set(m.title, m.id);
    trips = countRoundTrips(fx.database.db);
    service = new IssueUpdateService(repository, identity, noEvents, pino({ level: 'silent' }));
  });
  beforeEach(() => trips.reset());

  const update = (iid: number, changes: IssueChanges) =>
    service.update({ projectPath: project, iid: String(iid), actor: alice }, changes);
  const id = (name: string) => ids.get(name) ?? 0;

  // Functions: the ids are known once the fixture is open.
  it.each<[string, () => IssueChanges]>([
    ['assignees', () => ({ assignees: { usernames: ['bob', 'carol'], mode: 'REPLACE' } })],
    ['appended assignees', () => ({ assignees: { usernames: ['dave'], mode: 'APPEND' } })],
    ['labels', () => ({ labels: { set: [id('bug'), id('priority::low')] } })],
    ['added and removed labels', () => ({ labels: { add: [id('feature')], remove: [id('bug')] } })],
    ['the milestone', () => ({ milestoneId: id('v2.0') })],
    ['the due date', () => ({ dueDate: '2031-03-04' })],
    ['confidentiality', () => ({ confidential: true })],
    [
      'all of them at once',
      () => ({
        assignees: { usernames: ['alice'], mode: 'REPLACE' },
        labels: { set: [id('documentation')] },
        milestoneId: null,
        dueDate: null,
        confidential: false,
      }),
    ],
  ])('%s: one read and one write', async (_name, changes) => {
    const result = await update(14, changes());
    expect(result.errors).toEqual([]);
    expect(trips.statements).toHaveLength(2);
    expect(await fx.issue(14)).toEqual(result.issue); // the answer is what was committed
  });

  it('a refused change and a change to nothing: the read alone', async () => {
    expect((await update(15, { milestoneId: 987654 })).errors).toEqual([
      'Milestone not found: 987654',
    ]);
    expect(
      (await update(15, { assignees: { usernames: ['erin'], mode: 'APPEND' } })).errors,
    ).toEqual(['Cannot assign @erin to #15']);
    const issue = await fx.issue(15);
    await update(15, { dueDate: issue.dueDate });
    expect(trips.statements).toHaveLength(4); // a read per update, and the fixture's read
  });

  it('loses no change when another write comes between the read and the write', async () => {
    const { repository } = fx.database;
    const before = await fx.issue(16);
    // Another writer commits right after this update's read: its write finds the issue moved
    // on, and it is decided again (read and write under the row lock, in a transaction).
    const load = repository.loadUpdateContext.bind(repository);
    let raced = false;
    repository.loadUpdateContext = async (request) => {
      const context = await load(request);
      if (!raced && context) {
        raced = true;
        await repository.updateAssignees(context.issue.id, () => [fx.userId('carol')]);
      }
      return context;
    };
    trips.reset();
    try {
      const result = await update(16, { assignees: { usernames: ['bob'], mode: 'APPEND' } });
      expect(result.errors).toEqual([]);
      expect(result.issue?.assignees.map((u) => u.username)).toEqual(['carol', 'bob']);
    } finally {
      repository.loadUpdateContext = load;
    }
    expect(raced).toBe(true);
    // The racing writer's transaction, then this update's under the row lock.
    expect(trips.statements.filter((sql) => /^begin/i.test(sql))).toHaveLength(2);
    expect((await fx.issue(16)).updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });
});
