import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import { IssueSetAssigneesDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, type Frame } from '../../test/cable-client.js';
import { loadGitlabDocument } from '../../test/gitlab-documents.js';
import { createToken, graphqlAs, signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

const server = await startTestServer();
const alice = await signIn(server, 'alice');
const carol = await signIn(server, 'carol');

function putStatus(auth: SignedIn | null, body: unknown, raw?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) Object.assign(headers, { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken });
  return fetch(`${server.url}/api/v4/user/status`, {
    method: 'PUT',
    headers,
    body: raw ?? JSON.stringify(body),
  });
}

async function getJson(path: string, auth?: SignedIn): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: auth ? { cookie: auth.cookie } : {},
  });
  return { status: response.status, body: await response.json() };
}

describe('PUT /api/v4/user/status', () => {
  it('sets, reads and clears the status with GitLab shapes', async () => {
    const put = await putStatus(alice, { availability: 'busy', message: 'In <b>meetings</b>' });
    expect(put.status).toBe(200);
    const expected = {
      emoji: 'speech_balloon',
      message: 'In <b>meetings</b>',
      availability: 'busy',
      message_html: 'In &lt;b&gt;meetings&lt;/b&gt;',
      clear_status_at: null,
    };
    expect(await put.json()).toEqual(expected);
    expect(await getJson('/api/v4/user/status', alice)).toEqual({ status: 200, body: expected });
    expect((await getJson('/api/v4/users/alice/status')).body).toEqual(expected);

    // A blank availability keeps the current one (GitLab's SetStatusService).
    const emojiOnly = await putStatus(alice, { emoji: 'palm_tree' });
    expect(await emojiOnly.json()).toMatchObject({ emoji: 'palm_tree', availability: 'busy' });

    const cleared = await putStatus(alice, {});
    expect(await cleared.json()).toEqual({
      emoji: null,
      message: null,
      availability: null,
      message_html: null,
      clear_status_at: null,
    });
    expect((await getJson('/api/v4/users/alice/status')).body).toMatchObject({
      availability: null,
    });
  });

  it.each([
    ['an unknown availability', { availability: 'away' }, 'availability'],
    ['a non-string availability', { availability: 1 }, 'availability'],
    ['an unknown emoji', { emoji: 'not_an_emoji_name' }, 'emoji'],
    ['an emoji character instead of a name', { emoji: '🌴' }, 'emoji'],
    ['a message over 100 characters', { message: 'x'.repeat(101) }, 'message'],
    ['a huge message', { message: 'x'.repeat(15_000) }, 'message'],
  ])('answers %s with 400 and writes nothing', async (_name, body, field) => {
    await putStatus(carol, { availability: 'busy', message: 'before' });
    const response = await putStatus(carol, body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { message: Record<string, string[]> };
    expect(Object.keys(answer.message)).toEqual([field]);
    expect((await getJson('/api/v4/users/carol/status')).body).toMatchObject({
      availability: 'busy',
      message: 'before',
    });
  });

  it('answers malformed bodies with 400 and bodies over the limit with 413', async () => {
    expect((await putStatus(carol, null, '{nope')).status).toBe(400);
    expect((await putStatus(carol, [1, 2])).status).toBe(400);
    expect((await putStatus(carol, { message: 'x'.repeat(20_000) })).status).toBe(413);
  });

  it('refuses anonymous callers with 401, read_api tokens with 403, and browsers without CSRF', async () => {
    const anonymous = await putStatus(null, { availability: 'busy' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: '401 Unauthorized' });
    expect((await getJson('/api/v4/user/status')).status).toBe(401);

    const token = await createToken(server, 'carol', ['read_api']);
    const readOnly = await fetch(`${server.url}/api/v4/user/status`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ availability: 'busy' }),
    });
    expect(readOnly.status).toBe(403);

    const noCsrf = await fetch(`${server.url}/api/v4/user/status`, {
      method: 'PUT',
      headers: { cookie: carol.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ availability: 'busy' }),
    });
    expect(noCsrf.status).toBe(403);
  });

  it('answers 404 for an unknown user', async () => {
    expect((await getJson('/api/v4/users/nobody-here/status')).status).toBe(404);
    expect((await getJson('/api/v4/users/99999/status')).status).toBe(404);
  });
});

describe('a status change, live', () => {
  it('pushes issueUpdated with the new status to viewers of the issues the user is assigned to', async () => {
    const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
      projectPath: 'gitlab-org/gitlab-test',
      iid: '12',
      assigneeUsernames: ['bob'],
    });
    expect(body.data).toMatchObject({ issueSetAssignees: { errors: [] } });
    const client = await CableClient.connect(server.url);
    await client.next(); // welcome
    const identifier = JSON.stringify({
      channel: 'GraphqlChannel',
      query:
        'subscription s($id: IssueID!) { issueUpdated(issueId: $id) { id assignees { nodes { username status { availability message } } } } }',
      variables: { id: 'gid://gitlab/Issue/12' },
      operationName: 's',
      nonce: 'n',
    });
    client.subscribe(identifier);
    const first = await client.nextNonPing();
    expect(statusesOf(first)).toEqual([null]);
    await client.nextNonPing(); // confirm_subscription

    const bob = await signIn(server, 'bob');
    expect((await putStatus(bob, { availability: 'busy', message: 'focus' })).status).toBe(200);
    expect(statusesOf(await client.nextNonPing())).toEqual([
      { availability: 'BUSY', message: 'focus' },
    ]);
    client.close();
  });

  it("pushes GitLab's issuableAssigneesUpdated too, so GitLab's own sidebar shows Busy", async () => {
    const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
      projectPath: 'gitlab-org/gitlab-test',
      iid: '14',
      assigneeUsernames: ['alice'],
    });
    expect(body.data).toMatchObject({ issueSetAssignees: { errors: [] } });
    const client = await CableClient.connect(server.url);
    await client.next(); // welcome
    client.subscribe(
      JSON.stringify({
        channel: 'GraphqlChannel',
        query: print(loadGitlabDocument('issuable-assignees.subscription.graphql')),
        variables: { issuableId: 'gid://gitlab/Issue/14' },
        operationName: 'issuableAssigneesUpdated',
        nonce: 'n',
      }),
    );
    expect((await client.nextNonPing()).type).toBeUndefined(); // the first result
    expect((await client.nextNonPing()).type).toBe('confirm_subscription');

    expect((await putStatus(alice, { availability: 'busy' })).status).toBe(200);
    const pushed = (await client.nextNonPing()).message as {
      result: {
        data: {
          issuableAssigneesUpdated: {
            assignees: { nodes: { username: string; status: unknown }[] };
          };
        };
      };
    };
    expect(pushed.result.data.issuableAssigneesUpdated.assignees.nodes).toEqual([
      expect.objectContaining({ username: 'alice', status: { availability: 'BUSY' } }),
    ]);
    await putStatus(alice, {});
    client.close();
  });

  it('serves GitLab user fields with real values', async () => {
    const { body } = await graphqlAs(
      server,
      alice,
      `{ currentUser { webPath webUrl type compositeIdentityEnforced status { availability emoji } } }`,
    );
    expect(body.data).toEqual({
      currentUser: {
        webPath: '/alice',
        webUrl: '/alice',
        type: 'HUMAN',
        compositeIdentityEnforced: false,
        status: null,
      },
    });
  });
});

function statusesOf(frame: Frame): unknown[] {
  const message = frame.message as {
    result: { data: { issueUpdated: { assignees: { nodes: { status: unknown }[] } } } };
  };
  return message.result.data.issueUpdated.assignees.nodes.map((node) => node.status);
}
