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
