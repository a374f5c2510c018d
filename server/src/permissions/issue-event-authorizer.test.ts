import { describe, expect, it } from 'vitest';

import { AccessLevel, type IdentityRepository, type ProjectViewer } from '../domain/identity.js';
import type {
  IssueRecord,
  ProjectIssueEvent,
  ProjectIssuesResync,
  ProjectVisibility,
} from '../domain/types.js';

import { issueEventAuthorizer } from './issue-event-authorizer.js';
import type { Caller } from './principal.js';

/** Memberships of project 1: user 2 a reporter, user 3 a guest; user 4 a member of nothing. */
const members = new Map<number, AccessLevel>([
  [2, AccessLevel.reporter],
  [3, AccessLevel.guest],
]);
const identity = {
  projectViewers: (_projectId: number, ids: readonly number[]) =>
    Promise.resolve(
      new Map<number, ProjectViewer>(
        ids.map((id) => [
          id,
          { userId: id, state: 'active', admin: false, accessLevel: members.get(id) ?? null },
        ]),
      ),
    ),
} as unknown as IdentityRepository;

const caller = (id: number | null): Caller => ({
  currentUser: id === null ? null : ({ id } as Caller['currentUser']),
  canWrite: true,
});
const [anonymous, reporter, guest, outsider] = [caller(null), caller(2), caller(3), caller(4)];

function issue(visibility: ProjectVisibility, confidential: boolean): IssueRecord {
  return {
    id: 7,
    projectId: 1,
    projectFullPath: 'g/p',
    projectVisibility: visibility,
    iid: 7,
    title: 't',
    description: null,
    state: 'opened',
    confidential,
    author: { id: 1, username: 'root', name: 'Root' },
    assignees: [],
    labels: [],
    milestone: null,
    dueDate: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    updatedBy: null,
  };
}

async function verdicts(event: unknown) {
  const contexts = [anonymous, reporter, guest, outsider];
  const verdict = await issueEventAuthorizer(identity)(event, contexts);
  return contexts.map((context) => verdict(context));
}

describe("issueEventAuthorizer: a project's list event", () => {
  const listEvent = (i: IssueRecord): ProjectIssueEvent => ({ kind: 'project_issue', issue: i });

  it('delivers a public issue to every reader of the project', async () => {
    expect(await verdicts(listEvent(issue('public', false)))).toEqual([true, true, true, true]);
  });

  it("skips (never ends) the project's readers who may not read a confidential issue", async () => {
    expect(await verdicts(listEvent(issue('public', true)))).toEqual([
      'skip',
      true,
      'skip',
      'skip',
    ]);
  });

  it('ends those who may no longer read the project at all', async () => {
    expect(await verdicts(listEvent(issue('private', false)))).toEqual([false, true, true, false]);
    expect(await verdicts(listEvent(issue('private', true)))).toEqual([false, true, 'skip', false]);
  });

  it("sends a reload to the project's readers and ends the others", async () => {
    const resync = (visibility: ProjectVisibility): ProjectIssuesResync => ({
      kind: 'project_issues_resync',
      project: { id: 1, fullPath: 'g/p', visibility },
    });
    expect(await verdicts(resync('public'))).toEqual([true, true, true, true]);
    expect(await verdicts(resync('private'))).toEqual([false, true, true, false]);
  });

  it("keeps an issue's own topic as it was: those who may not read it are ended", async () => {
    expect(await verdicts(issue('public', true))).toEqual([false, true, false, false]);
  });
});
