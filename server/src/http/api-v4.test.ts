import { describe, expect, it } from 'vitest';

import { createToken } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

/** GitLab's REST route for assignees (what GitLab's QA uses), through the same update service. */
const server = await startTestServer();

const token = (username: string, scopes: string[]) => createToken(server, username, scopes, 'qa');

async function userId(username: string): Promise<number> {
  const account = await server.database.identity.findAccountByUsername(username);
  if (!account) throw new Error(username);
  return account.id;
}

function put(project: string, iid: number, body: unknown, bearer?: string) {
  return fetch(`${server.url}/api/v4/projects/${project}/issues/${iid}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe('PUT /api/v4/projects/:id/issues/:iid', () => {
  it('sets assignee_ids by project path or numeric id and answers GitLab-shaped JSON', async () => {
    const api = await token('alice', ['api']);
    const [bob, carol] = [await userId('bob'), await userId('carol')];
    const byPath = await put(
      encodeURIComponent('gitlab-org/gitlab-test'),
      3,
      { assignee_ids: [bob, carol] },
      api,
    );
    expect(byPath.status).toBe(200);
    expect(await byPath.json()).toMatchObject({
      iid: 3,
      assignees: [{ username: 'bob' }, { username: 'carol' }],
      assignee: { username: 'bob' },
    });
    const project =
      await server.database.repository.findProjectByFullPath('gitlab-org/gitlab-test');
    const byId = await put(String(project?.id), 3, { assignee_ids: [] }, api);
    expect(await byId.json()).toMatchObject({ iid: 3, assignees: [] });
  });

  it('refuses anonymous callers, read_api tokens, unknown users and non-members, writing nothing', async () => {
    const before = (await server.database.repository.findIssue(1, 4))?.assignees;
    const [bob, erin] = [await userId('bob'), await userId('erin')];
    expect((await put('gitlab-org%2Fgitlab-test', 4, { assignee_ids: [bob] })).status).toBe(401);
    expect(
      (
        await put(
          'gitlab-org%2Fgitlab-test',
          4,
          { assignee_ids: [bob] },
          await token('alice', ['read_api']),
        )
      ).status,
    ).toBe(403);
    const api = await token('alice', ['api']);
    expect((await put('gitlab-org%2Fgitlab-test', 4, { assignee_ids: [999999] }, api)).status).toBe(
      400,
    );
    expect((await put('gitlab-org%2Fgitlab-test', 4, { assignee_ids: 'bob' }, api)).status).toBe(
      400,
    );
    const outsider = await put('gitlab-org%2Fgitlab-test', 4, { assignee_ids: [erin] }, api);
    expect(outsider.status).toBe(400);
    expect(await outsider.json()).toEqual({ message: ['Cannot assign @erin to #4'] });
    // A guest may not change issues (not even through REST): the same 404 as a missing issue.
    expect(
      (
        await put(
          'gitlab-org%2Fgitlab-test',
          4,
          { assignee_ids: [bob] },
          await token('dave', ['api']),
        )
      ).status,
    ).toBe(404);
    expect((await server.database.repository.findIssue(1, 4))?.assignees).toEqual(before);
  });
});

describe('PUT /api/v4/projects/:id/issues/:iid, bad bodies', () => {
  const path = encodeURIComponent('gitlab-org/gitlab-test');

  async function refused(body: unknown, raw?: string): Promise<unknown> {
    const response = await fetch(`${server.url}/api/v4/projects/${path}/issues/5`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await token('alice', ['api'])}`,
      },
      body: raw ?? JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    return response.json();
  }

  it.each([
    ['a string for assignee_ids', { assignee_ids: 'bob' }, 'assignee_ids is invalid'],
    ['names in assignee_ids', { assignee_ids: ['bob'] }, 'assignee_ids is invalid'],
    ['a fraction in assignee_ids', { assignee_ids: [1.5] }, 'assignee_ids is invalid'],
    ['a negative id', { assignee_ids: [-1] }, 'assignee_ids is invalid'],
    ['an id past the id column', { assignee_ids: [3_000_000_000] }, 'assignee_ids is invalid'],
    ['null for assignee_ids', { assignee_ids: null }, 'assignee_ids is invalid'],
    ['a string for assignee_id', { assignee_id: '2' }, 'assignee_id is invalid'],
    ['a string for confidential', { confidential: 'yes' }, 'confidential is invalid'],
    [
      'two bad fields',
      { assignee_ids: 'x', confidential: 1 },
      'assignee_ids is invalid, confidential is invalid',
    ],
  ])("answers %s with GitLab's 400 and writes nothing", async (_name, body, error) => {
    const before = await server.database.repository.findIssue(1, 5);
    expect(await refused(body)).toEqual({ error });
    expect(await server.database.repository.findIssue(1, 5)).toEqual(before);
  });

  it('answers hostile bodies (a huge array, deep JSON, a non-object) with a clear 400', async () => {
    const before = await server.database.repository.findIssue(1, 5);
    const huge = Array.from({ length: 12_000 }, (_, i) => i + 1);
    expect(await refused({ assignee_ids: huge })).toEqual({
      error: 'assignee_ids may name at most 100 users',
    });
    const strings = Array.from({ length: 12_000 }, () => 'x');
    expect(await refused({ assignee_ids: strings })).toEqual({ error: 'assignee_ids is invalid' });
    // Unknown keys are ignored unread, however deep; the known one is still checked.
    const deep = `{"confidential":"no","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(await refused(null, deep)).toEqual({
      error: 'confidential is invalid',
    });
    expect(await refused([1, 2])).toEqual({ error: 'body is invalid' });
    expect(await server.database.repository.findIssue(1, 5)).toEqual(before);
  });

  it('takes assignee_id (0 unassigns) as GitLab does', async () => {
    const api = await token('alice', ['api']);
    const one = await put(path, 5, { assignee_id: await userId('carol') }, api);
    expect(await one.json()).toMatchObject({ assignees: [{ username: 'carol' }] });
    const none = await put(path, 5, { assignee_id: 0 }, api);
    expect(await none.json()).toMatchObject({ assignees: [] });
  });
});
