import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { assigneeNames, openSeededFixture, type SeededFixture } from '../db/test-fixture.js';

import {
  applyMode,
  IssueUpdateService,
  MAX_ASSIGNEES,
  NOT_FOUND_MESSAGE,
  type IssueEvents,
} from './issue-update-service.js';
import type { AccountRecord } from './identity.js';
import type { IssueRecord } from './types.js';

/** An IssueEvents double that records what was announced (and can be told to fail). */
class RecordingEvents implements IssueEvents {
  readonly announced: IssueRecord[] = [];
  readonly assigneeEvents: IssueRecord[] = [];
  failWith: Error | undefined;
  issueUpdated(issue: IssueRecord): Promise<void> {
    this.announced.push(issue);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
  issuableAssigneesUpdated(issue: IssueRecord): Promise<void> {
    this.assigneeEvents.push(issue);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
  /** Every field event, in order, by name (labels, milestone, dates). */
  readonly fieldEvents: string[] = [];
  issuableLabelsUpdated(): Promise<void> {
    this.fieldEvents.push('labels');
    return Promise.resolve();
  }
  issuableMilestoneUpdated(): Promise<void> {
    this.fieldEvents.push('milestone');
    return Promise.resolve();
  }
  issuableDatesUpdated(): Promise<void> {
    this.fieldEvents.push('dates');
    return Promise.resolve();
  }
  issueReadersNarrowed(): Promise<void> {
    this.fieldEvents.push('readersNarrowed');
    return Promise.resolve();
  }
  issuableTitleUpdated(): Promise<void> {
    this.fieldEvents.push('title');
    return Promise.resolve();
  }
  issuableDescriptionUpdated(): Promise<void> {
    this.fieldEvents.push('description');
    return Promise.resolve();
  }
}

let fixture: SeededFixture;
let events: RecordingEvents;
let service: IssueUpdateService;
/** A maintainer of the project: may change its issues. */
let alice: AccountRecord;
const project = 'gitlab-org/gitlab-test';

beforeAll(async () => {
  fixture = await openSeededFixture();
  alice = (await fixture.database.identity.findAccountByUsername('alice')) as AccountRecord;
});
afterAll(() => fixture.database.close());
beforeEach(() => {
  events = new RecordingEvents();
  service = new IssueUpdateService(
    fixture.database.repository,
    fixture.database.identity,
    events,
    pino({ level: 'silent' }),
  );
});

describe('applyMode', () => {
  it.each([
    ['REPLACE', [1, 2], [3, 1], [3, 1]],
    ['APPEND', [1, 2], [3, 1], [1, 2, 3]],
    ['REMOVE', [1, 2, 3], [2, 9], [1, 3]],
  ] as const)('%s %j with %j gives %j', (mode, current, requested, expected) => {
    expect(applyMode(current, requested, mode)).toEqual(expected);
  });
});

describe('IssueUpdateService#setAssignees', () => {
  it('replaces, appends and removes, announcing each committed change once', async () => {
    let result = await service.setAssignees({
      projectPath: project,
      iid: '7',
      usernames: ['bob', 'alice'],
      mode: 'REPLACE',
      actor: alice,
    });
    expect(result.errors).toEqual([]);
    expect(assigneeNames(result.issue as IssueRecord)).toEqual(['bob', 'alice']);

    result = await service.setAssignees({
      projectPath: project,
      iid: '7',
      usernames: ['carol', 'bob'],
      mode: 'APPEND',
      actor: alice,
    });
    expect(assigneeNames(result.issue as IssueRecord)).toEqual(['bob', 'alice', 'carol']);

    result = await service.setAssignees({
      projectPath: project,
      iid: '7',
      usernames: ['alice'],
      mode: 'REMOVE',
      actor: alice,
    });
    expect(assigneeNames(result.issue as IssueRecord)).toEqual(['bob', 'carol']);

    expect(events.announced.map(assigneeNames)).toEqual([
      ['bob', 'alice'],
      ['bob', 'alice', 'carol'],
      ['bob', 'carol'],
    ]);
    expect(events.assigneeEvents).toEqual(events.announced);
    expect(assigneeNames(await fixture.issue(7))).toEqual(['bob', 'carol']);
  });

  it('announces nothing when the list does not change', async () => {
    await service.setAssignees({
      projectPath: project,
      iid: '8',
      usernames: ['dave'],
      mode: 'REPLACE',
      actor: alice,
    });
    events.announced.length = 0;
    const result = await service.setAssignees({
      projectPath: project,
      iid: '8',
      usernames: ['dave', 'dave'],
      mode: 'REPLACE',
      actor: alice,
    });
    expect(result.errors).toEqual([]);
    expect(events.announced).toEqual([]);
  });

  it('refuses unknown usernames with an error entry and writes nothing', async () => {
    const before = await fixture.issue(9);
    const result = await service.setAssignees({
      projectPath: project,
      iid: '9',
      usernames: ['alice', 'ghost', 'nobody'],
      mode: 'REPLACE',
      actor: alice,
    });
    expect(result.errors).toEqual(['Unknown users: @ghost, @nobody']);
    const after = await fixture.issue(9);
    expect(assigneeNames(after)).toEqual(assigneeNames(before));
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(events.announced).toEqual([]);
  });

  it.each([
    ['an unknown project', 'nope/nope', '1'],
    ['an unknown issue', project, '999'],
    ['a non-numeric iid', project, '1; drop table issues'],
  ])('answers %s with the not-found message', async (_name, projectPath, iid) => {
    const result = await service.setAssignees({
      projectPath,
      iid,
      usernames: ['alice'],
      mode: 'REPLACE',
      actor: alice,
    });
    expect(result).toEqual({ issue: null, errors: [NOT_FOUND_MESSAGE] });
  });

  it('refuses more than the maximum number of usernames before touching the database', async () => {
    const usernames = Array.from({ length: MAX_ASSIGNEES + 1 }, (_, i) => `user${i}`);
    const result = await service.setAssignees({
      projectPath: project,
      iid: '10',
      usernames,
      mode: 'REPLACE',
      actor: alice,
    });
    expect(result.errors[0]).toContain('Too many assignees');
  });

  it('keeps the committed write when the announcement fails', async () => {
    events.failWith = new Error('pub/sub down');
    const result = await service.setAssignees({
      projectPath: project,
      iid: '11',
      usernames: ['carol'],
      mode: 'REPLACE',
      actor: alice,
    });
    expect(result.errors).toEqual([]);
    expect(events.announced).toHaveLength(1);
    expect(events.assigneeEvents).toHaveLength(1); // one failed event does not stop the next
    expect(assigneeNames(await fixture.issue(11))).toEqual(['carol']);
  });
});

describe('IssueUpdateService permissions', () => {
  it('refuses anonymous visitors and read-only members with the not-found message, writing nothing', async () => {
    const dave = (await fixture.database.identity.findAccountByUsername('dave')) as AccountRecord; // guest
    for (const actor of [null, dave]) {
      const result = await service.setAssignees({
        projectPath: project,
        iid: '12',
        usernames: ['bob'],
        mode: 'REPLACE',
        actor,
      });
      expect(result).toEqual({ issue: null, errors: [NOT_FOUND_MESSAGE] });
    }
    expect(events.announced).toEqual([]);
  });

  it('refuses assignees who are not members, naming them', async () => {
    const result = await service.setAssignees({
      projectPath: project,
      iid: '12',
      usernames: ['erin', 'bob'],
      mode: 'REPLACE',
      actor: alice,
    });
    expect(result.errors).toEqual(['Cannot assign @erin to #12']);
    expect(events.announced).toEqual([]);
  });
});

describe('IssueUpdateService records who changed the issue', () => {
  it('sets updatedBy to the actor on the committed issue and in the event', async () => {
    const result = await service.setAssignees({
      projectPath: project,
      iid: '13',
      usernames: ['carol'],
      mode: 'REPLACE',
      actor: alice,
    });
    // The record's users carry their status (null: none set), as every issue record does.
    expect(result.issue?.updatedBy).toEqual({
      id: alice.id,
      username: 'alice',
      name: alice.name,
      status: null,
    });
    expect(events.announced[0]?.updatedBy?.username).toBe('alice');
    expect((await fixture.issue(13)).updatedBy?.username).toBe('alice');
  });
});
