import type { FetchResult } from '@apollo/client/core';
import { print } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  IssueDocument,
  IssueSetAssigneesDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import {
  connectionMonitor,
  consumerLog,
  createRealClients,
  isConnectionOpen,
  socketsOpened,
  type RealClients,
} from '../../test/real-clients.js';
import { Recorder } from '../../test/recorder.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

// Shortened intervals, only for this file: the server pings every 100 ms and the client treats
// 0.5 s of silence as stale, so a dropped socket is re-opened in about a second instead of 6-12 s.
// Every connection is identified as user 42, so a remote disconnect can target it.
const server = await startTestServer({
  cable: { beatIntervalMs: 100 },
  identify: () => Promise.resolve({ userId: 42, user: null }),
});
const originalStale = connectionMonitor.staleThreshold;
beforeAll(() => {
  connectionMonitor.staleThreshold = 0.5;
});
afterAll(() => {
  connectionMonitor.staleThreshold = originalStale;
});

let clients: RealClients;
afterEach(() => clients.dispose());

type Update = FetchResult<{
  issueUpdated: { assignees: { nodes: { username: string }[] } } | null;
}>;
const usernames = (value: Update) =>
  value.data?.issueUpdated?.assignees.nodes.map((node) => node.username);

/** Changes assignees out of band over HTTP, signed in as alice (a maintainer). */
const alice = await signIn(server, 'alice');
async function setAssignees(iid: string, assigneeUsernames: string[]) {
  const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
    projectPath: 'gitlab-org/gitlab-test',
    iid,
    assigneeUsernames,
  });
  expect(body).toEqual({
    data: { issueSetAssignees: expect.objectContaining({ errors: [] }) as unknown },
  });
}

function subscribe(issueId: string) {
  const recorder = new Recorder<Update>();
  const subscription = clients.apollo
    .subscribe({ query: IssueUpdatedDocument, variables: { issueId } })
    .subscribe(recorder.observer);
  return { recorder, subscription };
}

describe('the stock @rails/actioncable + ActionCableLink + Apollo Client', () => {
  it('loads over HTTP, subscribes over the cable, and receives each change exactly once', async () => {
    clients = createRealClients(server.url);
    const { data } = await clients.apollo.query({
      query: IssueDocument,
      variables: { fullPath: 'gitlab-org/gitlab-test', iid: '4' },
    });
    const issueId = data.project?.issue?.id;
    expect(issueId).toBe('gid://gitlab/Issue/4');

    const { recorder, subscription } = subscribe(issueId as string);
    const first = await recorder.next();
    expect(first.data?.issueUpdated).not.toBeNull(); // the current state, not {} or null

    await setAssignees('4', ['carol']);
    expect(usernames(await recorder.next())).toEqual(['carol']);
    await setAssignees('4', ['carol', 'dave']);
    // Exactly one update per trigger: the next value is the second change, not a repeat of the first.
    expect(usernames(await recorder.next())).toEqual(['carol', 'dave']);
    expect(recorder.unread()).toEqual([]);
    expect(clients.connectedCalls).toEqual([{ reconnected: false }]);
    subscription.unsubscribe();
  });

  it('sends unsubscribe when Apollo unsubscribes, freeing the server-side subscription', async () => {
    await expect.poll(() => server.subscriptions.size).toBe(0); // earlier tests' sockets are gone
    clients = createRealClients(server.url);
    const { recorder, subscription } = subscribe('gid://gitlab/Issue/5');
    await recorder.next();
    expect(server.subscriptions.size).toBe(1);
    subscription.unsubscribe();
    await expect.poll(() => server.subscriptions.size).toBe(0);
  });

  it('after the server drops the socket, reconnects, re-executes and shows what changed meanwhile', async () => {
    clients = createRealClients(server.url);
    const { recorder, subscription } = subscribe('gid://gitlab/Issue/6');
    await recorder.next();

    await server.cable.disconnect({ userId: 42 });
    await expect.poll(() => isConnectionOpen(clients.consumer)).toBe(false);
    await setAssignees('6', ['bob']); // while nobody is connected: nothing can be pushed

    // The re-executed subscription's first payload carries the current state.
    expect(usernames(await recorder.next())).toEqual(['bob']);
    expect(clients.connectedCalls.at(-1)).toEqual({ reconnected: true });
    await setAssignees('6', ['alice']);
    expect(usernames(await recorder.next())).toEqual(['alice']);
    subscription.unsubscribe();
  });

  it('46: stays connected to a healthy server for a (scaled) minute: no reconnect, no unsupported protocol', async () => {
    clients = createRealClients(server.url);
    const before = socketsOpened();
    const { recorder, subscription } = subscribe('gid://gitlab/Issue/14');
    await recorder.next();
    // An observation window, not a wait for an event: 60 s at this file's 12x shortened
    // timings (pings every 100 ms, stale after 0.5 s), during which nothing may happen.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(socketsOpened() - before).toBe(1);
    expect(clients.connectedCalls).toEqual([{ reconnected: false }]);
    expect(isConnectionOpen(clients.consumer)).toBe(true);
    expect(consumerLog.join('\n')).not.toContain('Protocol is unsupported');
    subscription.unsubscribe();
  });

  it('50: a more:false payload completes the observable and the follow-up unsubscribe is handled', async () => {
    await expect.poll(() => server.cable.channelCount).toBe(0);
    clients = createRealClients(server.url);
    const { recorder } = subscribe('gid://gitlab/Issue/424242');
    const result = (await recorder.next()) as unknown as { error?: Error };
    // Apollo 3 turns the errors payload into an ApolloError and ends the subscription.
    expect(result.error?.message).toContain('Unauthorized subscription');
    await expect.poll(() => server.cable.channelCount).toBe(0); // the client's unsubscribe arrived
    expect(server.subscriptions.size).toBe(0);
  });
});
