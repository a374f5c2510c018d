import { describe, expect, it } from 'vitest';

import type { IssueRecord } from '../domain/types.js';
import { Ability } from '../permissions/ability.js';
import { createToken, graphqlAs, signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';
import type { RunningServer } from '../start-server.js';

/**
 * `Project.issues` with GitLab's filters and keyset pages, over HTTP on the real server: each
 * answer is checked against an oracle, the project's whole list filtered in JavaScript with the
 * same `read_issue` rule the issue page uses.
 */
const server: RunningServer = await startTestServer();
const PROJECT = 'gitlab-org/gitlab-test';

const LIST = `query list($state: IssuableState, $labelName: [String], $milestoneTitle: [String],
    $assigneeUsername: String, $assigneeUsernames: [String!], $first: Int, $after: String) {
  project(fullPath: "${PROJECT}") {
    issues(state: $state, labelName: $labelName, milestoneTitle: $milestoneTitle,
        assigneeUsername: $assigneeUsername, assigneeUsernames: $assigneeUsernames,
        first: $first, after: $after) {
      count
      nodes { iid }
      edges { cursor node { iid } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

interface Page {
  count: number;
  nodes: { iid: string }[];
  edges: { cursor: string; node: { iid: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

async function list(auth: SignedIn | null, variables: Record<string, unknown>) {
  const { body } = await graphqlAs(server, auth, LIST, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return (body.data as { project: { issues: Page } }).project.issues;
}

const sessions = new Map<string, SignedIn>();
async function as(username: string | null): Promise<SignedIn | null> {
  if (!username) return null;
  let session = sessions.get(username);
  if (!session) sessions.set(username, (session = await signIn(server, username)));
  return session;
}

/** Every issue of the project the user may read, newest created first (the list's order). */
async function oracle(username: string | null): Promise<IssueRecord[]> {
  const { repository, identity } = server.services;
  const project = await repository.findProjectByFullPath(PROJECT);
  if (!project) throw new Error('seed project missing');
  const account = username ? await identity.findAccountByUsername(username) : null;
  const viewer = account
    ? ((await identity.projectViewers(project.id, [account.id])).get(account.id) ?? null)
    : null;
  const all = await repository.listIssues(project.id, 10_000);
  return all
    .filter((issue) => Ability.readIssue(viewer, issue))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
}

const iids = (issues: readonly { iid: number | string }[]) => issues.map((i) => String(i.iid));

describe('Project.issues: who sees what', () => {
  // root: admin; carol: reporter; dave: guest, author of the confidential #10; erin: member of
  // nothing; anonymous.
  it.each([['root'], ['carol'], ['dave'], ['erin'], [null]])(
    'lists for %s exactly the issues read_issue lets them open, counted alike',
    async (username) => {
      const expected = await oracle(username);
      const page = await list(await as(username), { state: 'all', first: 100 });
      expect(iids(page.nodes)).toEqual(iids(expected));
      expect(page.count).toBe(expected.length);
    },
  );

  it('hides confidential issues from a signed-in non-member and shows them to a reporter (the check can fail)', async () => {
    const confidential = (await oracle('root')).filter((issue) => issue.confidential);
    expect(confidential.length).toBeGreaterThan(0);
    const erin = iids((await list(await as('erin'), { state: 'all', first: 100 })).nodes);
    const carol = iids((await list(await as('carol'), { state: 'all', first: 100 })).nodes);
    for (const issue of confidential) {
      expect(erin).not.toContain(String(issue.iid));
      expect(carol).toContain(String(issue.iid));
    }
  });
});

describe("Project.issues: GitLab's filters", () => {
  it('filters by state; no state lists every state', async () => {
    const everything = await oracle(null);
    const opened = await list(null, { state: 'opened', first: 100 });
    const closed = await list(null, { state: 'closed', first: 100 });
    const all = await list(null, { first: 100 });
    expect(iids(opened.nodes)).toEqual(iids(everything.filter((i) => i.state === 'opened')));
    expect(iids(closed.nodes)).toEqual(iids(everything.filter((i) => i.state === 'closed')));
    expect(closed.count).toBeGreaterThan(0);
    expect(all.count).toBe(opened.count + closed.count);
    expect((await list(null, { state: 'locked', first: 100 })).count).toBe(0);
  });

  it('filters by labels (every one of them), milestone (any of them) and assignee', async () => {
    const everything = await oracle('root');
    const root = await as('root');
    const hasLabel = (issue: IssueRecord, title: string) =>
      issue.labels.some((label) => label.title === title);
    const cases: [Record<string, unknown>, (issue: IssueRecord) => boolean][] = [
      [{ labelName: ['bug'] }, (i) => hasLabel(i, 'bug')],
      [
        { labelName: ['feature', 'frontend'] },
        (i) => hasLabel(i, 'feature') && hasLabel(i, 'frontend'),
      ],
      [{ milestoneTitle: ['v1.1'] }, (i) => i.milestone?.title === 'v1.1'],
      [
        { milestoneTitle: ['v1.1', 'v2.0'] },
        (i) => ['v1.1', 'v2.0'].includes(i.milestone?.title ?? ''),
      ],
      [{ assigneeUsername: 'dave' }, (i) => i.assignees.some((a) => a.username === 'dave')],
      [
        { assigneeUsernames: ['alice', 'bob'] },
        (i) => ['alice', 'bob'].every((name) => i.assignees.some((a) => a.username === name)),
      ],
      [{ labelName: ['no such label'] }, () => false],
      [
        { state: 'opened', labelName: ['bug'], assigneeUsername: 'alice' },
        (i) =>
          i.state === 'opened' &&
          hasLabel(i, 'bug') &&
          i.assignees.some((a) => a.username === 'alice'),
      ],
    ];
    for (const [filter, matches] of cases) {
      const page = await list(root, { ...filter, first: 100 });
      const expected = everything.filter(matches);
      expect(iids(page.nodes), JSON.stringify(filter)).toEqual(iids(expected));
      expect(page.count, JSON.stringify(filter)).toBe(expected.length);
    }
    // Some filter matched something, so the comparisons above could fail.
    expect(everything.filter((i) => hasLabel(i, 'bug')).length).toBeGreaterThan(0);
    expect(everything.filter((i) => i.milestone?.title === 'v1.1').length).toBeGreaterThan(0);
  });
});

describe('Project.issues: keyset pages', () => {
  it('walks the whole list page by page with `after`, no issue twice, none missed', async () => {
    const expected = iids(await oracle('root'));
    const root = await as('root');
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const page: Page = await list(root, { state: 'all', first: 4, after });
      seen.push(...iids(page.nodes));
      expect(page.count).toBe(expected.length); // all pages together, not this page
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.edges.map((edge) => edge.node.iid)).toEqual(iids(page.nodes));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('does not shift a later page when an issue is created above it', async () => {
    const root = await as('root');
    const first = await list(root, { state: 'all', first: 3 });
    const before = await list(root, { state: 'all', first: 3, after: first.pageInfo.endCursor });
    const token = await createToken(server, 'alice', ['api']);
    const created = await fetch(
      `${server.url}/api/v4/projects/${encodeURIComponent(PROJECT)}/issues`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: 'Created while someone reads page 2' }),
      },
    );
    expect(created.status).toBe(201);
    const after = await list(root, { state: 'all', first: 3, after: first.pageInfo.endCursor });
    expect(iids(after.nodes)).toEqual(iids(before.nodes));
    expect(after.count).toBe(before.count + 1);
    const top = await list(root, { state: 'all', first: 1 });
    expect(top.nodes[0]?.iid).toBe(String(((await created.json()) as { iid: number }).iid));
  });

  it('refuses a cursor it did not make, and a page size past 100 is 100', async () => {
    for (const after of ['nope', Buffer.from('{"id":"x"}').toString('base64'), 'e'.repeat(500)]) {
      const { body } = await graphqlAs(server, null, LIST, { after });
      expect(body.errors?.[0]?.message).toBe('Please provide a valid cursor');
    }
    const big = await list(await as('root'), { state: 'all', first: 5000 });
    expect(big.nodes.length).toBe(Math.min(100, big.count));
  });
});
