import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  IssueDocument,
  IssueSetAssigneesDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from '../../test/cable-client.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer, TEST_ORIGIN } from '../../test/start-test-server.js';

const server = await startTestServer({ cable: { beatIntervalMs: 200 } });
const ISSUE_1 = 'gid://gitlab/Issue/1';
const subscriptionQuery = print(IssueUpdatedDocument);

async function connect(): Promise<CableClient> {
  const client = await CableClient.connect(server.url);
  expect(await client.next()).toEqual({ type: 'welcome' });
  return client;
}

async function subscribed(client: CableClient, identifier: string): Promise<void> {
  client.subscribe(identifier);
  expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
}

/** Changes assignees over HTTP as alice, a maintainer of the demo project. */
const alice = await signIn(server, 'alice');
async function setAssignees(iid: string, usernames: string[]) {
  const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
    projectPath: 'gitlab-org/gitlab-test',
    iid,
    assigneeUsernames: usernames,
  });
  return body;
}

const usernamesOf = (frame: Frame): string[] => {
  const message = frame.message as {
    result: { data: { issueUpdated: { assignees: { nodes: { username: string }[] } } } };
  };
  return message.result.data.issueUpdated.assignees.nodes.map((node) => node.username);
};

describe('cable connection', () => {
  it('selects actioncable-v1-json and sends exactly a welcome first', async () => {
    const client = await CableClient.connect(server.url);
    expect(client.ws.protocol).toBe('actioncable-v1-json');
    expect(await client.next()).toEqual({ type: 'welcome' });
    client.close();
  });

  it('still selects actioncable-v1-json when an app protocol is offered first', async () => {
    const client = await CableClient.connect(server.url, {
      protocols: ['token.abc', 'actioncable-v1-json', 'actioncable-unsupported'],
    });
    expect(client.ws.protocol).toBe('actioncable-v1-json');
    client.close();
  });

  it('pings with the Unix time in whole seconds', async () => {
    const client = await connect();
    const ping = await client.next((frame) => frame.type === 'ping');
    expect(Number.isInteger(ping.message)).toBe(true);
    expect(Math.abs((ping.message as number) - Date.now() / 1000)).toBeLessThan(5);
    client.close();
  });

  it('refuses an upgrade from a foreign origin with HTTP 404', async () => {
    await expect(
      CableClient.connect(server.url, { origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 404');
    await expect(CableClient.connect(server.url, { origin: null })).rejects.toThrow('HTTP 404');
  });

  it('answers a plain GET to the mount path with 404 Page not found', async () => {
    const response = await fetch(`${server.url}/-/cable`, { headers: { origin: TEST_ORIGIN } });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Page not found');
  });

  it('ignores malformed frames and keeps the connection working', async () => {
    const client = await connect();
    client.send('not json');
    client.send('[1,2]');
    client.send({ command: 'dance', identifier: 'x' });
    client.send({ command: 'subscribe', identifier: 42 });
    await subscribed(client, graphqlIdentifier('after-garbage'));
    client.close();
  });
});

describe('subscribe / unsubscribe', () => {
  it('echoes the identifier byte for byte', async () => {
    const client = await connect();
    const identifier = '{"channelId":"x1",  "channel":"GraphqlChannel"}';
    await subscribed(client, identifier);
    client.close();
  });

  it('never confirms a duplicate subscribe twice', async () => {
    const client = await connect();
    const identifier = graphqlIdentifier('dup');
    client.subscribe(identifier);
    client.subscribe(identifier);
    client.perform(identifier, {
      query: '{ project(fullPath: "gitlab-org/gitlab-test") { name } }',
      action: 'execute',
    });
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
    // Commands run in order, so the execute result is the next frame: no second confirmation before it.
    expect(await client.nextNonPing()).toEqual({
      identifier,
      message: { result: { data: { project: { name: 'GitLab Test' } } }, more: false },
    });
    client.close();
  });

  it('rejects an unknown channel so the client stops retrying', async () => {
    const client = await connect();
    const identifier = JSON.stringify({ channel: 'NopeChannel' });
    client.subscribe(identifier);
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'reject_subscription' });
    client.subscribe('not json at all');
    expect(await client.nextNonPing()).toEqual({
      identifier: 'not json at all',
      type: 'reject_subscription',
    });
    client.close();
  });

  it('processes subscribe and execute sent before the welcome, in order', async () => {
    const client = await CableClient.connect(server.url);
    const identifier = graphqlIdentifier('early');
    client.subscribe(identifier);
    client.perform(identifier, {
      query: '{ project(fullPath: "gitlab-org/gitlab-test") { name } }',
      action: 'execute',
    });
    expect(await client.next()).toEqual({ type: 'welcome' });
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
    expect((await client.nextNonPing()).message).toEqual({
      result: { data: { project: { name: 'GitLab Test' } } },
      more: false,
    });
    client.close();
  });
});

describe('GraphqlChannel execute', () => {
  it('sends the current issue first, then every change, and nothing after unsubscribe', async () => {
    const client = await connect();
    const first = graphqlIdentifier('first');
    const second = graphqlIdentifier('second');
    await subscribed(client, first);
    await subscribed(client, second);
    for (const identifier of [first, second]) {
      client.perform(identifier, {
        query: subscriptionQuery,
        variables: { issueId: ISSUE_1 },
        operationName: 'issueUpdated',
        action: 'execute',
      });
    }
    const initial = await client.nextNonPing();
    expect(initial.identifier).toBe(first);
    expect(initial.message).toMatchObject({
      more: true,
      result: { data: { issueUpdated: { id: ISSUE_1 } } },
    });
    expect(usernamesOf(initial)).toEqual(['alice']);
    await client.next((frame) => frame.identifier === second);

    expect((await setAssignees('1', ['bob', 'carol'])).data).toMatchObject({
      issueSetAssignees: { errors: [] },
    });
    const update = await client.next((frame) => frame.identifier === first);
    expect(update.message).toMatchObject({ more: true });
    expect(usernamesOf(update)).toEqual(['bob', 'carol']);
    await client.next((frame) => frame.identifier === second);

    client.send({ command: 'unsubscribe', identifier: first });
    await setAssignees('1', ['dave']);
    // Deliveries on one topic go out in subscription order, so once `second` has its frame
    // any frame for `first` would already be here.
    expect(usernamesOf(await client.next((frame) => frame.identifier === second))).toEqual([
      'dave',
    ]);
    expect(client.unread().filter((frame) => frame.identifier === first)).toEqual([]);
    expect(server.subscriptions.size).toBe(1);
    client.close();
  });

  it('runs several executes on one channel (urql/GraphiQL style) and ends them all on unsubscribe', async () => {
    await expect.poll(() => server.subscriptions.size).toBe(0); // earlier tests' sockets are gone
    const before = 0;
    const client = await connect();
    const shared = JSON.stringify({ channel: 'GraphqlChannel' }); // urql sends no channelId
    await subscribed(client, shared);
    const issueQuery = (n: number) =>
      `subscription { issueUpdated(issueId: "gid://gitlab/Issue/${n}") { id } }`;
    client.perform(shared, { query: issueQuery(8), variables: '', action: 'execute' });
    client.perform(shared, { query: issueQuery(9), action: 'execute' }); // variables missing
    const firsts = [await client.nextNonPing(), await client.nextNonPing()];
    expect(firsts.map((f) => f.message)).toEqual([
      { result: { data: { issueUpdated: { id: 'gid://gitlab/Issue/8' } } }, more: true },
      { result: { data: { issueUpdated: { id: 'gid://gitlab/Issue/9' } } }, more: true },
    ]);
    expect(server.subscriptions.size).toBe(before + 2);
    await setAssignees('9', ['alice']);
    expect((await client.nextNonPing()).message).toEqual({
      result: { data: { issueUpdated: { id: 'gid://gitlab/Issue/9' } } },
      more: true,
    });
    client.send({ command: 'unsubscribe', identifier: shared });
    await expect.poll(() => server.subscriptions.size).toBe(before);
    client.close();
  });

  it('answers queries with more:false', async () => {
    const client = await connect();
    const identifier = graphqlIdentifier('query');
    await subscribed(client, identifier);
    client.perform(identifier, {
      query: print(IssueDocument),
      variables: JSON.stringify({ fullPath: 'gitlab-org/gitlab-test', iid: '2' }),
      action: 'execute',
    });
    const frame = await client.nextNonPing();
    expect(frame.message).toMatchObject({
      more: false,
      result: { data: { project: { issue: { iid: '2' } } } },
    });
    client.close();
  });

  it.each([
    ['a parse error', { query: 'subscription {', action: 'execute' }, 'Syntax Error'],
    [
      'a validation error',
      { query: 'subscription { nope }', action: 'execute' },
      'Cannot query field "nope"',
    ],
    ['a missing query', { action: 'execute' }, 'No query string was present'],
    [
      'invalid variables JSON',
      { query: subscriptionQuery, variables: '{nope', action: 'execute' },
      'Variables are invalid JSON',
    ],
    [
      'a malformed global ID',
      {
        query: subscriptionQuery,
        variables: { issueId: 'gid://gitlab/User/1' },
        action: 'execute',
      },
      'not a valid Global ID of type Issue',
    ],
    [
      'a missing issue',
      {
        query: subscriptionQuery,
        variables: { issueId: 'gid://gitlab/Issue/99999' },
        action: 'execute',
      },
      'Unauthorized subscription',
    ],
  ])('answers %s with errors and more:false', async (_name, data, message) => {
    const before = server.subscriptions.size;
    const client = await connect();
    const identifier = graphqlIdentifier('bad');
    await subscribed(client, identifier);
    client.perform(identifier, data);
    const frame = await client.nextNonPing();
    const payload = frame.message as { more: boolean; result: { errors: { message: string }[] } };
    expect(payload.more).toBe(false);
    expect(payload.result.errors[0]?.message).toContain(message);
    expect(server.subscriptions.size).toBeLessThanOrEqual(before); // nothing registered
    client.close();
  });

  it('frees every subscription when the socket closes', async () => {
    const before = server.subscriptions.size;
    const client = await connect();
    const identifier = graphqlIdentifier('closing');
    await subscribed(client, identifier);
    client.perform(identifier, {
      query: subscriptionQuery,
      variables: { issueId: 'gid://gitlab/Issue/3' },
      action: 'execute',
    });
    await client.nextNonPing();
    expect(server.subscriptions.size).toBe(before + 1);
    client.close();
    await client.waitForClose();
    await expect.poll(() => server.subscriptions.size).toBe(before);
  });
});
