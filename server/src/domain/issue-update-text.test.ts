import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { openSeededFixture, type SeededFixture } from '../db/test-fixture.js';

import type { AccountRecord } from './identity.js';
import { CONCURRENT_EDIT_MESSAGE } from '@shared/issue-edit.js';

import { DESCRIPTION_MAX, TITLE_MAX } from './issue-text.js';
import {
  IssueUpdateService,
  NOT_FOUND_MESSAGE,
  type IssueChanges,
  type IssueEvents,
} from './issue-update-service.js';

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
    issuableTitleUpdated: record('issuableTitleUpdated'),
    issuableDescriptionUpdated: record('issuableDescriptionUpdated'),
    issueReadersNarrowed: record('issueReadersNarrowed'),
  };
}

let fixture: SeededFixture;
let events: ReturnType<typeof recordingEvents>;
let service: IssueUpdateService;
const accounts = new Map<string, AccountRecord>();

beforeAll(async () => {
  fixture = await openSeededFixture();
  for (const name of ['alice', 'carol', 'dave', 'erin']) {
    accounts.set(
      name,
      (await fixture.database.identity.findAccountByUsername(name)) as AccountRecord,
    );
  }
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

const update = (iid: number, changes: IssueChanges, actor = 'alice') =>
  service.update(
    { projectPath: 'gitlab-org/gitlab-test', iid: String(iid), actor: accounts.get(actor) ?? null },
    changes,
  );

describe('IssueUpdateService#update: title, description, state', () => {
  it('sets the title (stripped) and announces issueUpdated and issuableTitleUpdated once', async () => {
    const before = await fixture.issue(6);
    const result = await update(6, { title: '  Upgrade PostgreSQL to 17 \n' });
    expect(result.errors).toEqual([]);
    expect(result.issue?.title).toBe('Upgrade PostgreSQL to 17');
    expect(result.issue?.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(result.issue?.updatedBy?.username).toBe('alice');
    expect(await fixture.issue(6)).toEqual(result.issue); // the pushed record is what a read gives
    expect(events.names).toEqual(['issueUpdated', 'issuableTitleUpdated']);

    // The same title again: nothing written, nothing announced.
    await update(6, { title: 'Upgrade PostgreSQL to 17' });
    expect(events.names).toHaveLength(2);
  });

  it('sets and removes the description, announcing issuableDescriptionUpdated', async () => {
    let result = await update(7, { description: '- [ ] one\n- [x] two' });
    expect(result.issue?.description).toBe('- [ ] one\n- [x] two');
    expect(await fixture.issue(7)).toEqual(result.issue);
    result = await update(7, { description: '' });
    expect(result.issue?.description).toBeNull();
    expect((await update(7, { description: null })).errors).toEqual([]); // already none
    expect(events.names).toEqual([
      'issueUpdated',
      'issuableDescriptionUpdated',
      'issueUpdated',
      'issuableDescriptionUpdated',
    ]);
  });

  it('closes and reopens with issueUpdated only; closing a closed issue changes nothing', async () => {
    let result = await update(8, { stateEvent: 'CLOSE' });
    expect(result.issue?.state).toBe('closed');
    expect((await fixture.issue(8)).state).toBe('closed');
    result = await update(8, { stateEvent: 'CLOSE' });
    expect(result).toMatchObject({ errors: [], issue: { state: 'closed' } });
    expect(events.names).toEqual(['issueUpdated']);
    result = await update(8, { stateEvent: 'REOPEN' });
    expect(result.issue?.state).toBe('opened');
    expect(events.names).toEqual(['issueUpdated', 'issueUpdated']);
  });

  it('writes text, state and a sidebar field in one transaction with one event each', async () => {
    const result = await update(9, {
      title: 'Dark mode: unreadable code blocks',
      description: 'Contrast is too low.',
      stateEvent: 'CLOSE',
      dueDate: '2031-03-01',
    });
    expect(result.issue).toMatchObject({
      title: 'Dark mode: unreadable code blocks',
      description: 'Contrast is too low.',
      state: 'closed',
      dueDate: '2031-03-01',
    });
    expect(await fixture.issue(9)).toEqual(result.issue);
    expect(events.names.sort()).toEqual(
      [
        'issueUpdated',
        'issuableTitleUpdated',
        'issuableDescriptionUpdated',
        'issuableDatesUpdated',
      ].sort(),
    );
  });

  it('counts characters as GitLab does: 255 emoji are a valid title', async () => {
    const title = '🦊'.repeat(TITLE_MAX); // 510 UTF-16 units, 255 characters
    const result = await update(10, { title });
    expect(result.errors).toEqual([]);
    expect(result.issue?.title).toBe(title);
  });

  it.each([
    ['a blank title', { title: ' \t\n ' }, "Title can't be blank"],
    ['an empty title', { title: '' }, "Title can't be blank"],
    [
      'a title over 255 characters',
      { title: 'x'.repeat(TITLE_MAX + 1) },
      'Title is too long (maximum is 255 characters)',
    ],
    [
      'a description over 1,048,576 characters',
      { description: 'x'.repeat(DESCRIPTION_MAX + 1) },
      'Description is too long (maximum is 1048576 characters)',
    ],
    ['a NUL in the title', { title: 'a\0b' }, 'Title must not contain U+0000'],
    ['a NUL in the description', { description: 'a\0b' }, 'Description must not contain U+0000'],
  ] as [string, IssueChanges, string][])(
    'refuses %s and writes nothing, not even the valid parts',
    async (_name, changes, error) => {
      const before = await fixture.issue(14);
      const result = await update(14, { ...changes, stateEvent: 'CLOSE', confidential: true });
      expect(result.errors).toEqual([error]);
      expect(await fixture.issue(14)).toEqual(before);
      expect(events.names).toEqual([]);
    },
  );

  it('accepts a description of exactly 1,048,576 characters', async () => {
    const description = 'y'.repeat(DESCRIPTION_MAX);
    const result = await update(15, { description });
    expect(result.errors).toEqual([]);
    expect((await fixture.issue(15)).description).toHaveLength(DESCRIPTION_MAX);
  });

  it('writes an edit based on the version as committed, and nothing when someone saved since', async () => {
    const before = await fixture.issue(11);
    const based = await update(11, {
      title: 'Based on the latest',
      expectedUpdatedAt: before.updatedAt,
    });
    expect(based.errors).toEqual([]);
    // The same base again: the issue moved on (the edit above), so this one is refused.
    const stale = await update(11, {
      description: 'Would remove their change',
      stateEvent: 'CLOSE',
      expectedUpdatedAt: before.updatedAt,
    });
    expect(stale.errors).toEqual([CONCURRENT_EDIT_MESSAGE]);
    expect(await fixture.issue(11)).toEqual(based.issue);
    expect(events.names).toEqual(['issueUpdated', 'issuableTitleUpdated']);
  });

  it.each([
    ['erin, no member', 'erin'],
    ['dave, a guest', 'dave'],
  ])('refuses %s without a hint and writes nothing', async (_who, actor) => {
    const before = await fixture.issue(16);
    const result = await update(16, { title: 'Taken over', stateEvent: 'CLOSE' }, actor);
    expect(result).toEqual({ issue: null, errors: [NOT_FOUND_MESSAGE] });
    expect(await fixture.issue(16)).toEqual(before);
  });

  it("lets a guest change their own issue, as GitLab's author rule says", async () => {
    const result = await update(20, { title: 'Clean up every unused feature flag' }, 'dave');
    expect(result).toMatchObject({
      errors: [],
      issue: { title: 'Clean up every unused feature flag' },
    });
  });
});
