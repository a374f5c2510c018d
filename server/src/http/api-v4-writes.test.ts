import { describe, expect, it } from 'vitest';

import { signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

/** Creating issues, users and memberships through GitLab's REST paths (what the e2e fixture uses). */
const server = await startTestServer();
const PROJECT = encodeURIComponent('gitlab-org/gitlab-test');
const sessions = new Map<string, SignedIn>();
/** Asymmetric matchers are typed `any`; these name them once. */
const someText: unknown = expect.any(String);
const matching = (pattern: RegExp | string): unknown =>
  typeof pattern === 'string' ? expect.stringContaining(pattern) : expect.stringMatching(pattern);

async function as(username: string | null, method: string, path: string, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (username) {
    const session = sessions.get(username) ?? (await signIn(server, username));
    sessions.set(username, session);
    Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
  }
  const response = await fetch(`${server.url}/api/v4${path}`, {
    method,
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function userId(username: string): Promise<number> {
  const account = await server.database.identity.findAccountByUsername(username);
  if (!account) throw new Error(username);
  return account.id;
}

async function issueCount(projectId = 1): Promise<number> {
  return (await server.database.repository.listIssues(projectId, 10_000)).length;
}

describe('POST /api/v4/projects/:id/issues', () => {
  it('creates an issue with the next iid, assignees and confidentiality', async () => {
    const bob = await userId('bob');
    const created = await as('carol', 'POST', `/projects/${PROJECT}/issues`, {
      title: '  Created over REST ',
      description: 'body',
      confidential: true,
      assignee_ids: [bob],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Created over REST',
      description: 'body',
      confidential: true,
      author: { username: 'carol' },
      assignees: [{ username: 'bob' }],
    });
    const again = await as('alice', 'POST', '/projects/1/issues', { title: 'Second' });
    expect(again.body).toMatchObject({ iid: (created.body.iid as number) + 1, assignees: [] });
    expect(again.body.confidential).toBe(false);
  });

  it('refuses bad input, strangers, guests and non-member assignees, writing nothing', async () => {
    const before = await issueCount();
    const erin = await userId('erin');
    const cases: [string | null, string, unknown, number, unknown][] = [
      [null, PROJECT, { title: 'x' }, 401, { message: '401 Unauthorized' }],
      ['alice', PROJECT, { title: ' ' }, 400, { error: matching(/^title/) }],
      ['alice', PROJECT, { title: 'x', description: 5 }, 400, { error: someText }],
      // U+0000 cannot be stored in PostgreSQL's text: a clear 400, not a failed write's 500.
      ['alice', PROJECT, { title: 'a\u0000b' }, 400, { message: [matching(/U\+0000/)] }],
      ['alice', PROJECT, { title: 'x', description: '\u0000' }, 400, { message: [someText] }],
      ['alice', PROJECT, { title: 'x', confidential: 'yes' }, 400, { error: someText }],
      ['alice', PROJECT, { title: 'x', assignee_ids: ['bob'] }, 400, { error: someText }],
      ['alice', PROJECT, { title: 'x', assignee_ids: [999999] }, 400, { message: [someText] }],
      [
        'alice',
        PROJECT,
        { title: 'x', assignee_ids: [3_000_000_000] },
        400,
        { error: 'assignee_ids is invalid' },
      ],
      [
        'alice',
        PROJECT,
        { title: 'x', assignee_ids: [erin] },
        400,
        { message: [matching(`user ${erin}`)] },
      ],
      ['dave', PROJECT, { title: 'x' }, 403, { message: '403 Forbidden' }],
      ['alice', 'no%2Fsuch', { title: 'x' }, 404, { message: '404 Project Not Found' }],
    ];
    for (const [user, project, body, status, shape] of cases) {
      const answer = await as(user, 'POST', `/projects/${project}/issues`, body);
      expect({ status: answer.status, body: answer.body }).toEqual({
        status,
        body: expect.objectContaining(shape) as unknown,
      });
    }
    expect(await issueCount()).toBe(before);
  });

  it('answers a private project the caller cannot see exactly like a missing one', async () => {
    const privateProject = await server.database.repository.findProjectByFullPath(
      'gitlab-org/secret-project',
    );
    expect(privateProject?.visibility).toBe('private');
    const hidden = await as('bob', 'POST', `/projects/${privateProject?.id}/issues`, {
      title: 'x',
    });
    const missing = await as('bob', 'POST', '/projects/999999/issues', { title: 'x' });
    expect(hidden).toEqual(missing);
    expect(hidden.status).toBe(404);
  });
});

describe('POST /api/v4/users', () => {
  const user = {
    username: 'qa-user-1',
    name: 'QA User',
    email: 'qa@example.com',
    password: 'long enough',
  };

  it('lets an admin create a user who can then sign in', async () => {
    const created = await as('root', 'POST', '/users', user);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'qa-user-1', name: 'QA User', is_admin: false });
    await signIn(server, 'qa-user-1', 'long enough');
    // Another email: the same one would be answered first (GitLab checks the email first).
    const taken = await as('root', 'POST', '/users', { ...user, email: 'qa-2@example.com' });
    expect(taken).toEqual({ status: 409, body: { message: 'Username has already been taken' } });
  });

  it('refuses non-admins and bad fields', async () => {
    expect((await as(null, 'POST', '/users', user)).status).toBe(401);
    expect((await as('alice', 'POST', '/users', { ...user, username: 'qa-x' })).status).toBe(403);
    for (const [field, value] of [
      ['username', 'has space'],
      ['name', ''],
      ['email', 'no-at-sign'],
      ['password', 'short'],
      ['admin', 'yes'],
    ] as const) {
      const answer = await as('root', 'POST', '/users', {
        ...user,
        username: 'qa-y',
        [field]: value,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(new RegExp(`^${field}`));
    }
    expect(await server.database.identity.findAccountByUsername('qa-y')).toBeNull();
    expect(await server.database.identity.findAccountByUsername('qa-x')).toBeNull();
  });
});

describe('POST /api/v4/projects/:id/members', () => {
  it('lets a maintainer add a member, once', async () => {
    const erin = await userId('erin');
    const added = await as('alice', 'POST', `/projects/${PROJECT}/members`, {
      user_id: erin,
      access_level: 30,
    });
    expect(added).toEqual({
      status: 201,
      body: { id: erin, username: 'erin', name: 'Erin Hannon', state: 'active', access_level: 30 },
    });
    const viewers = await server.database.identity.projectViewers(1, [erin]);
    expect(viewers.get(erin)?.accessLevel).toBe(30);
    const again = await as('alice', 'POST', `/projects/${PROJECT}/members`, {
      user_id: erin,
      access_level: 10,
    });
    expect(again).toEqual({ status: 409, body: { message: 'Member already exists' } });
    expect((await server.database.identity.projectViewers(1, [erin])).get(erin)?.accessLevel).toBe(
      30,
    );
  });

  it('refuses developers, grants above your own level, unknown users and bad levels', async () => {
    const grace = await userId('grace');
    const members = `/projects/${PROJECT}/members`;
    expect((await as(null, 'POST', members, { user_id: grace, access_level: 10 })).status).toBe(
      401,
    );
    expect((await as('bob', 'POST', members, { user_id: grace, access_level: 10 })).status).toBe(
      403,
    );
    expect((await as('alice', 'POST', members, { user_id: grace, access_level: 50 })).status).toBe(
      403,
    );
    expect(
      (await as('alice', 'POST', members, { user_id: 999999, access_level: 10 })).body,
    ).toEqual({
      message: '404 User Not Found',
    });
    expect((await as('alice', 'POST', members, { user_id: grace, access_level: 15 })).status).toBe(
      400,
    );
    expect((await as('alice', 'POST', members, { access_level: 10 })).status).toBe(400);
    // bob is no member of the private project: it does not exist for him.
    expect(
      (
        await as('bob', 'POST', '/projects/gitlab-org%2Fsecret-project/members', {
          user_id: grace,
          access_level: 10,
        })
      ).status,
    ).toBe(404);
    expect(
      (await server.database.identity.projectViewers(1, [grace])).get(grace)?.accessLevel,
    ).toBeNull();
    // An admin may grant any level.
    expect((await as('root', 'POST', members, { user_id: grace, access_level: 50 })).status).toBe(
      201,
    );
  });
});

describe('PUT /api/v4/projects/:id/issues/:iid with confidential', () => {
  it('sets the flag through the update service, with other fields in one request, and refuses bad requests', async () => {
    const path = `/projects/${PROJECT}/issues/7`;
    const set = await as('alice', 'PUT', path, { confidential: true });
    expect(set.status).toBe(200);
    expect(set.body.confidential).toBe(true);
    expect((await as('alice', 'PUT', path, { confidential: 'no' })).status).toBe(400);
    // Several fields in one request: one transaction (issue #17; it answered 400 before).
    const before = await server.database.repository.findIssue(1, 7);
    const mixed = await as('alice', 'PUT', path, { confidential: true, assignee_ids: [] });
    expect(mixed).toMatchObject({ status: 200, body: { confidential: true, assignees: [] } });
    await as('alice', 'PUT', path, {
      assignee_ids: before?.assignees.map((user) => user.id) ?? [],
    });
    expect((await as('alice', 'PUT', path, {})).body.error).toBe(
      'assignee_ids, confidential, labels, add_labels, remove_labels, milestone_id, due_date, title, description or state_event is missing',
    );
    // dave (guest) can no longer see it: the same 404 as a missing issue.
    expect(await as('dave', 'PUT', path, { confidential: false })).toEqual(
      await as('dave', 'PUT', `/projects/${PROJECT}/issues/99999`, { confidential: false }),
    );
    expect((await server.database.repository.findIssue(1, 7))?.confidential).toBe(true);
    expect((await as('alice', 'PUT', path, { confidential: false })).body.confidential).toBe(false);
  });
});

describe("GitLab's 400 for bad parameters", () => {
  it('names every bad parameter in one error, as Grape does, and writes nothing', async () => {
    const before = await issueCount();
    const issue = await as('alice', 'POST', `/projects/${PROJECT}/issues`, {
      assignee_ids: ['bob'],
    });
    expect(issue).toMatchObject({
      status: 400,
      body: { error: 'title is missing, assignee_ids is invalid' },
    });
    const member = await as('alice', 'POST', `/projects/${PROJECT}/members`, {
      user_id: 1,
      access_level: 15,
    });
    expect(member).toMatchObject({
      status: 400,
      body: { error: 'access_level does not have a valid value' },
    });
    expect(await issueCount()).toBe(before);
  });
});
