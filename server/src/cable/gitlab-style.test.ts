import { randomUUID } from 'node:crypto';

import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  IssueDocument,
  IssueSetAssigneesDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import { CableClient, type Frame } from '../../test/cable-client.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

/**
 * GitLab's own ActionCableLink (app/assets/javascripts/actioncable_link.js) puts the operation
 * in the subscribe identifier, with a random nonce, and performs no `execute` action.
 */
const server = await startTestServer({ cable: { beatIntervalMs: 200 } });
const subscriptionQuery = print(IssueUpdatedDocument);
const alice = await signIn(server, 'alice');

function gitlabIdentifier(
  query: string | null,
  variables: unknown,
  operationName: string | null = 'issueUpdated',
): string {
  return JSON.stringify({
    channel: 'GraphqlChannel',
    query,
    variables,
    operationName,
    nonce: randomUUID(),
  });
}

const issueIdentifier = (n: number) => gitlabIdentifier(subscriptionQuery, { issueId: gid(n) });
const gid = (n: number) => `gid://gitlab/Issue/${n}`;

async function connect(headers: Record<string, string> = {}): Promise<CableClient> {
  const client = await CableClient.connect(server.url, { headers });
  expect(await client.next()).toEqual({ type: 'welcome' });
  return client;
}

async function setAssignees(iid: string, usernames: string[]): Promise<void> {
  const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
    projectPath: 'gitlab-org/gitlab-test',
    iid,
    assigneeUsernames: usernames,
  });
  expect(body.data).toMatchObject({ issueSetAssignees: { errors: [] } });
}

const usernamesOf = (frame: Frame): string[] =>
  (
    frame.message as {
      result: { data: { issueUpdated: { assignees: { nodes: { username: string }[] } } } };
    }
  ).result.data.issueUpdated.assignees.nodes.map((node) => node.username);

/** Subscribes GitLab's way and returns the frames up to and including the confirmation. */
async function subscribeGitlab(client: CableClient, identifier: string): Promise<Frame[]> {
  client.subscribe(identifier);
  const frames: Frame[] = [];
  for (;;) {
    const frame = await client.nextNonPing();
    frames.push(frame);
    if (frame.type === 'confirm_subscription' || frame.type === 'reject_subscription') {
      return frames;
    }
  }
}

describe('GraphqlChannel, GitLab style (operation in the identifier)', () => {
  it('sends the first result, then the confirmation, then every change', async () => {
    const client = await connect();
    const identifier = issueIdentifier(4);
    const frames = await subscribeGitlab(client, identifier);
    expect(frames.map((f) => f.type ?? 'message')).toEqual(['message', 'confirm_subscription']);
    expect(frames[0]).toMatchObject({
      identifier,
      message: { more: true, result: { data: { issueUpdated: { id: gid(4) } } } },
    });
    expect(frames[1]).toEqual({ identifier, type: 'confirm_subscription' });

    await setAssignees('4', ['bob', 'carol']);
    const push = await client.nextNonPing();
    expect(push.identifier).toBe(identifier);
    expect(push.message).toMatchObject({ more: true });
    expect(usernamesOf(push)).toEqual(['bob', 'carol']);
    client.close();
  });

  it('answers queries with the result and more:false before the confirmation', async () => {
    const client = await connect();
    const identifier = gitlabIdentifier(
      print(IssueDocument),
      { fullPath: 'gitlab-org/gitlab-test', iid: '2' },
      'issue',
    );
    const [result, confirm] = await subscribeGitlab(client, identifier);
    expect(result?.message).toMatchObject({
      more: false,
      result: { data: { project: { issue: { iid: '2' } } } },
    });
    expect(confirm?.type).toBe('confirm_subscription');
    client.close();
  });

  it.each([
    ['invalid variables JSON', '{nope', 'Variables are invalid JSON'],
    ['variables that are not an object', [1, 2], 'Variables must be an object'],
  ])('answers %s as {"errors":[…]} outside result, as GitLab does', async (_n, vars, message) => {
    const before = server.subscriptions.size;
    const client = await connect();
    const identifier = gitlabIdentifier(subscriptionQuery, vars);
    const [errors, confirm] = await subscribeGitlab(client, identifier);
    expect(errors?.message).toEqual({ errors: [{ message }] });
    expect(confirm?.type).toBe('confirm_subscription');
    expect(server.subscriptions.size).toBe(before);
    client.close();
  });

  it.each([
    ['a missing query', null, 'No query string was present'],
    ['a validation error', 'subscription { nope }', 'Cannot query field "nope"'],
  ])('answers %s with result.errors and more:false', async (_name, query, message) => {
    const client = await connect();
    const [frame] = await subscribeGitlab(client, gitlabIdentifier(query, {}, null));
    const payload = frame?.message as { more: boolean; result: { errors: { message: string }[] } };
    expect(payload.more).toBe(false);
    expect(payload.result.errors[0]?.message).toContain(message);
    client.close();
  });

  it('stops pushes on unsubscribe and frees the subscription', async () => {
    await expect.poll(() => server.subscriptions.size).toBe(0);
    const client = await connect();
    const leaving = issueIdentifier(5);
    const staying = issueIdentifier(5);
    await subscribeGitlab(client, leaving);
    await subscribeGitlab(client, staying);
    expect(server.subscriptions.size).toBe(2);

    client.send({ command: 'unsubscribe', identifier: leaving });
    await expect.poll(() => server.subscriptions.size).toBe(1);
    await setAssignees('5', ['dave']);
    // Deliveries of one topic go out together, so once `staying` has its frame any frame for
    // `leaving` would already be here.
    expect(usernamesOf(await client.next((f) => f.identifier === staying))).toEqual(['dave']);
    expect(client.unread().filter((f) => f.identifier === leaving)).toEqual([]);
    client.close();
    await expect.poll(() => server.subscriptions.size).toBe(0);
  });

  it('gives a forbidden issue errors, registers nothing and sends nothing later', async () => {
    const before = server.subscriptions.size;
    const anonymous = await connect();
    const denied = issueIdentifier(10); // confidential: anonymous visitors may not read it
    const [frame, confirm] = await subscribeGitlab(anonymous, denied);
    expect(frame?.message).toMatchObject({
      result: { data: { issueUpdated: null }, errors: [{ message: 'Unauthorized subscription' }] },
      more: false,
    });
    expect(confirm?.type).toBe('confirm_subscription');
    expect(server.subscriptions.size).toBe(before);

    const reader = await connect({ cookie: alice.cookie });
    const allowed = issueIdentifier(10);
    await subscribeGitlab(reader, allowed);
    await setAssignees('10', ['alice', 'bob']);
    expect(usernamesOf(await reader.next((f) => f.identifier === allowed))).toEqual([
      'alice',
      'bob',
    ]);
    expect(anonymous.unread()).toEqual([]);
    anonymous.close();
    reader.close();
  });

  it('ends a subscriber that loses access with {"more":false} and nothing of the issue', async () => {
    const anonymous = await connect();
    const identifier = issueIdentifier(11);
    await subscribeGitlab(anonymous, identifier);
    const { body } = await graphqlAs(
      server,
      alice,
      `mutation { issueSetConfidential(input: { projectPath: "gitlab-org/gitlab-test", iid: "11", confidential: true }) { errors } }`,
    );
    expect(body.data).toEqual({ issueSetConfidential: { errors: [] } });
    expect(await anonymous.nextNonPing()).toEqual({ identifier, message: { more: false } });
    await graphqlAs(
      server,
      alice,
      `mutation { issueSetConfidential(input: { projectPath: "gitlab-org/gitlab-test", iid: "11", confidential: false }) { errors } }`,
    );
    anonymous.close();
  });

  it('executes once per trigger for subscribers whose identifiers differ only by nonce', async () => {
    const clients = await Promise.all([connect(), connect(), connect()]);
    const identifiers = clients.map(() => issueIdentifier(6));
    expect(new Set(identifiers).size).toBe(3);
    for (const [i, client] of clients.entries()) {
      await subscribeGitlab(client, identifiers[i] as string);
    }
    const groupsBefore = server.subscriptions.groupCount;
    const executions = server.subscriptions.stats.executions;
    await setAssignees('6', ['carol']);
    for (const [i, client] of clients.entries()) {
      const push = await client.next((f) => f.identifier === identifiers[i]);
      expect(usernamesOf(push)).toEqual(['carol']);
    }
    expect(server.subscriptions.stats.executions - executions).toBe(1);
    expect(server.subscriptions.groupCount).toBe(groupsBefore);
    for (const client of clients) client.close();
  });

  it('shares one group with graphql-ruby-client subscribers of the same document', async () => {
    const gitlab = await connect();
    const gitlabId = issueIdentifier(7);
    await subscribeGitlab(gitlab, gitlabId);
    const ruby = await connect();
    const rubyId = JSON.stringify({ channel: 'GraphqlChannel', channelId: 'ruby' });
    ruby.subscribe(rubyId);
    expect(await ruby.nextNonPing()).toEqual({ identifier: rubyId, type: 'confirm_subscription' });
    ruby.perform(rubyId, {
      query: subscriptionQuery,
      variables: { issueId: gid(7) },
      operationName: 'issueUpdated',
      action: 'execute',
    });
    await ruby.nextNonPing();
    const executions = server.subscriptions.stats.executions;
    await setAssignees('7', ['bob']);
    expect(usernamesOf(await gitlab.next((f) => f.identifier === gitlabId))).toEqual(['bob']);
    expect(usernamesOf(await ruby.next((f) => f.identifier === rubyId))).toEqual(['bob']);
    expect(server.subscriptions.stats.executions - executions).toBe(1);
    gitlab.close();
    ruby.close();
  });
});
