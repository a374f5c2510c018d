import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { openSeededFixture, type SeededFixture } from '../db/test-fixture.js';

import type { AccountRecord } from './identity.js';
import {
  IssueCreateService,
  type CreateIssueInput,
  type IssueCreatedEvents,
} from './issue-create-service.js';
import { TITLE_MAX } from './issue-text.js';
import type { IssueRecord, ProjectRecord } from './types.js';

/** Records what creation announced (and can be told to fail). */
class RecordingEvents implements IssueCreatedEvents {
  readonly created: IssueRecord[] = [];
  failWith: Error | undefined;
  issueCreated(issue: IssueRecord): Promise<void> {
    this.created.push(issue);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
}

let fixture: SeededFixture;
let events: RecordingEvents;
let service: IssueCreateService;
let project: ProjectRecord;
const accounts = new Map<string, AccountRecord>();

beforeAll(async () => {
  fixture = await openSeededFixture();
  project = (await fixture.database.repository.findProjectById(fixture.projectId)) as ProjectRecord;
  for (const username of ['alice', 'carol', 'dave', 'erin', 'bob']) {
    accounts.set(
      username,
      (await fixture.database.identity.findAccountByUsername(username)) as AccountRecord,
    );
  }
});
afterAll(() => fixture.database.close());
beforeEach(() => {
  events = new RecordingEvents();
  service = new IssueCreateService(
    fixture.database.repository,
    fixture.database.identity,
    events,
    pino({ level: 'silent' }),
  );
});

const account = (username: string) => accounts.get(username) as AccountRecord;
const issueCount = async () =>
  (await fixture.database.repository.listIssues(fixture.projectId, 10_000)).length;

function input(fields: Partial<CreateIssueInput> = {}): CreateIssueInput {
  return {
    project,
    actor: account('carol'),
    title: 'A new issue',
    description: null,
    confidential: false,
    assigneeIds: [],
    ...fields,
  };
}

async function labelIds(...titles: string[]): Promise<number[]> {
  const found = await fixture.database.repository.findLabelsByTitles(fixture.projectId, titles);
  return titles.map((title) => found.find((label) => label.title === title)?.id ?? 0);
}

async function milestoneId(title: string): Promise<number> {
  const all = await fixture.database.repository.listMilestones(fixture.projectId, {});
  return all.find((milestone) => milestone.title === title)?.id ?? 0;
}

describe('IssueCreateService', () => {
  it('creates every field in one go, as a reporter, and announces the issue once', async () => {
    const result = await service.create(
      input({
        title: '  Every field  ',
        description: '- [ ] a task',
        confidential: true,
        assigneeIds: [fixture.userId('bob'), fixture.userId('carol')],
        labelIds: await labelIds('bug', 'priority::high'),
        milestoneId: await milestoneId('v1.1'),
        dueDate: '2030-02-28',
      }),
    );
    expect(result.kind).toBe('created');
    const issue = (result as { issue: IssueRecord }).issue;
    expect(issue).toMatchObject({
      title: 'Every field',
      description: '- [ ] a task',
      confidential: true,
      state: 'opened',
      author: { username: 'carol' },
      assignees: [{ username: 'bob' }, { username: 'carol' }],
      labels: [{ title: 'bug' }, { title: 'priority::high' }],
      milestone: { title: 'v1.1' },
      dueDate: '2030-02-28',
    });
    expect(await fixture.database.repository.findIssue(fixture.projectId, issue.iid)).toEqual(
      issue,
    );
    expect(events.created).toEqual([issue]);
  });

  it('keeps one label per scope, the last one named (as GitLab does)', async () => {
    const result = await service.create(
      input({ labelIds: await labelIds('priority::high', 'feature', 'priority::low') }),
    );
    const issue = (result as { issue: IssueRecord }).issue;
    expect(issue.labels.map((label) => label.title)).toEqual(['feature', 'priority::low']);
  });

  it('refuses a guest and a stranger, and hides a private project from a stranger', async () => {
    const before = await issueCount();
    expect(await service.create(input({ actor: account('dave') }))).toEqual({ kind: 'forbidden' });
    expect(await service.create(input({ actor: account('erin') }))).toEqual({ kind: 'forbidden' });
    const secret = (await fixture.database.repository.findProjectById(
      fixture.secretProjectId,
    )) as ProjectRecord;
    expect(await service.create(input({ project: secret, actor: account('erin') }))).toEqual({
      kind: 'hidden',
    });
    expect(await issueCount()).toBe(before);
    expect(events.created).toEqual([]);
  });

  it.each<[string, Partial<CreateIssueInput>, RegExp]>([
    ['a blank title', { title: '   ' }, /^Title can't be blank$/],
    ['a long title', { title: 'x'.repeat(TITLE_MAX + 1) }, /^Title is too long/],
    ['a long description', { description: 'x'.repeat(1_048_577) }, /^Description is too long/],
    ['a NUL in the title', { title: 'a\u0000b' }, /^Title must not contain U\+0000$/],
    ['a NUL in the description', { description: 'a\u0000b' }, /^Description must not contain/],
    ['an impossible due date', { dueDate: '2030-02-30' }, /^Due date must be a date/],
    ['an unknown milestone', { milestoneId: 999_999 }, /^Milestone not found: 999999$/],
    ['an out-of-range milestone', { milestoneId: 2 ** 40 }, /^Milestone not found/],
    ['an unknown label', { labelIds: [999_999] }, /^Labels not found: 999999$/],
    ['too many labels', { labelIds: [...Array(101).keys()].map((i) => i + 1) }, /^Too many labels/],
    ['an unknown assignee', { assigneeIds: [999_999] }, /assignee_ids: 999999$/],
  ])('refuses %s, writing and announcing nothing', async (_case, fields, message) => {
    const before = await issueCount();
    const result = await service.create(input(fields));
    expect(result).toEqual({ kind: 'invalid', errors: [expect.stringMatching(message)] });
    expect(await issueCount()).toBe(before);
    expect(events.created).toEqual([]);
  });

  it("refuses another project's label and milestone, and a non-member assignee", async () => {
    const secret = (await fixture.database.repository.findProjectById(
      fixture.secretProjectId,
    )) as ProjectRecord;
    const secretCount = async () =>
      (await fixture.database.repository.listIssues(secret.id, 10_000)).length;
    const before = await secretCount();
    // alice is a reporter of the private project; the label and milestone are gitlab-test's.
    const result = await service.create(
      input({
        project: secret,
        actor: account('alice'),
        assigneeIds: [fixture.userId('erin')],
        labelIds: await labelIds('bug'),
        milestoneId: await milestoneId('v1.1'),
      }),
    );
    expect(result.kind).toBe('invalid');
    const errors = (result as { errors: string[] }).errors;
    expect(errors).toEqual([
      expect.stringContaining(`Cannot assign user ${fixture.userId('erin')}`),
      expect.stringMatching(/^Labels not found/),
      expect.stringMatching(/^Milestone not found/),
    ]);
    expect(await secretCount()).toBe(before);
  });

  it('a guest may not be assigned a confidential issue (assignment grants no access)', async () => {
    const result = await service.create(
      input({ confidential: true, assigneeIds: [fixture.userId('dave')] }),
    );
    expect(result).toEqual({
      kind: 'invalid',
      errors: [expect.stringContaining(`Cannot assign user ${fixture.userId('dave')}`)],
    });
  });

  it('keeps the issue when the announcement fails (logged, the write stands)', async () => {
    events.failWith = new Error('pub/sub down');
    const result = await service.create(input({ title: 'Announced into the void' }));
    expect(result.kind).toBe('created');
    expect(events.created).toHaveLength(1);
  });
});
