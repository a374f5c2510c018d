import { describe, expect, it } from 'vitest';

import { signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

/** GitLab's `GET`/`PUT /projects/:id/issues/:iid` with labels, milestone and due date. */
const server = await startTestServer();
const PROJECT = encodeURIComponent('gitlab-org/gitlab-test');
const sessions = new Map<string, SignedIn>();

async function as(username: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (username) {
    const session = sessions.get(username) ?? (await signIn(server, username));
    sessions.set(username, session);
    Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
  }
  const response = await fetch(`${server.url}/api/v4${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const issueAt = async (iid: number) => server.database.repository.findIssue(1, iid);
const milestoneId = async (title: string) =>
  (await server.database.repository.listMilestones(1, { search: title }))[0]?.id ?? 0;

describe('GET /api/v4/projects/:id/issues/:iid', () => {
  it("answers GitLab's issue JSON with labels, milestone and due date to whoever may read it", async () => {
    const answer = await as(null, 'GET', `/projects/${PROJECT}/issues/1`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      iid: 1,
      labels: ['feature', 'frontend', 'priority::high'],
      milestone: { title: 'v1.1', state: 'active' },
      due_date: '2030-01-31',
      assignees: [{ username: 'alice' }],
    });
    // Confidential (#21) and private issues: the same 404 as a missing one.
    const missing = await as(null, 'GET', `/projects/${PROJECT}/issues/99999`);
    expect(missing.status).toBe(404);
    expect(await as(null, 'GET', `/projects/${PROJECT}/issues/21`)).toEqual(missing);
    expect(await as('erin', 'GET', `/projects/gitlab-org%2Fsecret-project/issues/1`)).toEqual(
      missing,
    );
    expect((await as('carol', 'GET', `/projects/${PROJECT}/issues/21`)).status).toBe(200);
  });
});

describe('PUT /api/v4/projects/:id/issues/:iid with labels, milestone_id, due_date', () => {
  const path = `/projects/${PROJECT}/issues/17`;

  it('sets labels by name (array or comma-separated), adds and removes, scoped ones exclusive', async () => {
    let answer = await as('alice', 'PUT', path, { labels: 'bug, priority::low' });
    expect(answer).toMatchObject({ status: 200, body: { labels: ['bug', 'priority::low'] } });
    answer = await as('alice', 'PUT', path, { add_labels: ['priority::high', 'frontend'] });
    expect(answer.body.labels).toEqual(['bug', 'frontend', 'priority::high']);
    answer = await as('alice', 'PUT', path, { remove_labels: 'bug' });
    expect(answer.body.labels).toEqual(['frontend', 'priority::high']);
  });

  it('sets all fields in one request and transaction; a bad one writes none of them', async () => {
    const bob = (await server.database.identity.findAccountByUsername('bob'))?.id ?? 0;
    const before = await issueAt(18);
    const bad = await as('alice', 'PUT', `/projects/${PROJECT}/issues/18`, {
      assignee_ids: [bob],
      labels: ['bug'],
      confidential: true,
      due_date: '2030-06-01',
      milestone_id: 987654,
    });
    expect(bad).toEqual({ status: 400, body: { message: ['Milestone not found: 987654'] } });
    expect(await issueAt(18)).toEqual(before);

    const good = await as('alice', 'PUT', `/projects/${PROJECT}/issues/18`, {
      assignee_ids: [bob],
      labels: ['bug'],
      due_date: '2030-06-01',
      milestone_id: await milestoneId('v2.0'),
    });
    expect(good).toMatchObject({
      status: 200,
      body: {
        assignees: [{ username: 'bob' }],
        labels: ['bug'],
        due_date: '2030-06-01',
        milestone: { title: 'v2.0' },
      },
    });
    const cleared = await as('alice', 'PUT', `/projects/${PROJECT}/issues/18`, {
      milestone_id: 0,
      due_date: null,
    });
    expect(cleared.body).toMatchObject({ milestone: null, due_date: null });
  });

  it.each([
    [{ due_date: '2030-13-01' }, 'due_date must be a date (YYYY-MM-DD)'],
    [{ due_date: 20300101 }, 'due_date is invalid'],
    [{ labels: 42 }, 'labels is invalid'],
    [
      { add_labels: Array.from({ length: 500 }, (_v, i) => `l${i}`) },
      'add_labels may name at most 100 labels',
    ],
    [{ milestone_id: -1 }, 'milestone_id is invalid'],
    [{ labels: ['no such label'] }, 'unknown labels: no such label'],
  ])('refuses %j with a precise 400, writing nothing', async (body, error) => {
    const before = await issueAt(19);
    const answer = await as('alice', 'PUT', `/projects/${PROJECT}/issues/19`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe(error);
    expect(await issueAt(19)).toEqual(before);
  });

  it('answers 404 to people who may not change the issue, naming no label', async () => {
    const before = await issueAt(19);
    const missing = await as('dave', 'PUT', `/projects/${PROJECT}/issues/99999`, {
      due_date: '2030-01-01',
    });
    expect(missing.status).toBe(404);
    expect(
      await as('dave', 'PUT', `/projects/${PROJECT}/issues/19`, { due_date: '2030-01-01' }),
    ).toEqual(missing);
    // Label names of a private project are not probed through its issues.
    expect(
      await as('erin', 'PUT', `/projects/gitlab-org%2Fsecret-project/issues/1`, {
        labels: ['anything'],
      }),
    ).toEqual(missing);
    expect(await issueAt(19)).toEqual(before);
  });
});
