import { randomUUID } from 'node:crypto';

import { createCable, type Cable } from '@anycable/core';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { CABLE } from '@shared/cable/protocol.js';
import {
  IssueSetAssigneesDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import { Recorder } from '../../test/recorder.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer, TEST_ORIGIN } from '../../test/start-test-server.js';

/**
 * AnyCable's JavaScript client (`@anycable/core`, the core of `@anycable/web`), unmodified, with
 * Action Cable's own protocol: both GraphqlChannel styles, pushes and unsubscribe.
 */
const server = await startTestServer();
const alice = await signIn(server, 'alice');

interface Payload {
  result?: { data?: { issueUpdated?: { assignees: { nodes: { username: string }[] } } } };
  more?: boolean;
}
const usernames = (payload: Payload) =>
  payload.result?.data?.issueUpdated?.assignees.nodes.map((node) => node.username);

let cable: Cable | undefined;
afterEach(() => cable?.disconnect());

function connect(): Cable {
  cable = createCable(server.url.replace(/^http/, 'ws') + CABLE.mountPath, {
    websocketImplementation: WebSocket,
    websocketOptions: { origin: TEST_ORIGIN },
    protocol: 'actioncable-v1-json',
    logLevel: 'error',
  });
  return cable;
}

async function setAssignees(iid: string, assigneeUsernames: string[]): Promise<void> {
  const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
    projectPath: 'gitlab-org/gitlab-test',
    iid,
    assigneeUsernames,
  });
  expect(body.data).toMatchObject({ issueSetAssignees: { errors: [] } });
}

describe("AnyCable's client (@anycable/core, actioncable-v1-json)", () => {
  it("graphql-ruby-client's style: subscribe, execute, receive the current state and each push", async () => {
    const channel = connect().subscribeTo('GraphqlChannel', { channelId: randomUUID() });
    const payloads = new Recorder<Payload>();
    channel.on('message', (message) => payloads.observer.next(message as Payload));
    await channel.ensureSubscribed();
    await channel.perform('execute', {
      query: print(IssueUpdatedDocument),
      variables: { issueId: 'gid://gitlab/Issue/16' },
      operationName: 'issueUpdated',
    });
    expect((await payloads.next()).more).toBe(true); // the current state
    await setAssignees('16', ['carol']);
    expect(usernames(await payloads.next())).toEqual(['carol']);
  });

  it("GitLab's style: the result that arrives before the confirmation is delivered, then pushes, until unsubscribe", async () => {
    await expect.poll(() => server.subscriptions.size).toBe(0); // the first test's cable is gone
    const params = {
      query: print(IssueUpdatedDocument),
      variables: { issueId: 'gid://gitlab/Issue/17' },
      operationName: 'issueUpdated',
      nonce: randomUUID(),
    };
    // AnyCable's types admit scalar params only; it JSON-encodes any value into the identifier.
    const channel = connect().subscribeTo(
      'GraphqlChannel',
      params as unknown as Record<string, string>,
    );
    const payloads = new Recorder<Payload>();
    channel.on('message', (message) => payloads.observer.next(message as Payload));
    await channel.ensureSubscribed();
    // AnyCable holds messages for a pending subscription and hands them over on confirmation.
    const first = await payloads.next();
    expect(first.more).toBe(true);
    expect(usernames(first)).toEqual(expect.any(Array));
    expect(server.subscriptions.size).toBe(1);

    await setAssignees('17', ['dave', 'bob']);
    expect(usernames(await payloads.next())).toEqual(['dave', 'bob']);

    channel.disconnect();
    await expect.poll(() => server.subscriptions.size).toBe(0);
  });
});
