import type { FetchResult } from '@apollo/client/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  IssueDocument,
  IssueSetAssigneesDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import {
  connectionMonitor,
  createRealClients,
  isConnectionOpen,
  type RealClients,
} from '../../test/real-clients.js';
import { Recorder } from '../../test/recorder.js';
import { startTestServer } from '../../test/start-test-server.js';

// Shortened intervals, only for this file: the server pings every 100 ms and the client treats
// 0.5 s of silence as stale, so a dropped socket is re-opened in about a second instead of 6-12 s.
const server = await startTestServer({ cable: { beatIntervalMs: 100 } });
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

function setAssignees(iid: string, assigneeUsernames: string[]) {
  return clients.apollo.mutate({
    mutation: IssueSetAssigneesDocument,
    variables: { projectPath: 'gitlab-org/gitlab-test', iid, assigneeUsernames },
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

    expect(server.cable.disconnect(() => true)).toBeGreaterThan(0);
    await expect.poll(() => isConnectionOpen(clients.consumer)).toBe(false);
    await setAssignees('6', ['bob']); // while nobody is connected: nothing can be pushed

    // The re-executed subscription's first payload carries the current state.
    expect(usernames(await recorder.next())).toEqual(['bob']);
    expect(clients.connectedCalls.at(-1)).toEqual({ reconnected: true });
    await setAssignees('6', ['alice']);
    expect(usernames(await recorder.next())).toEqual(['alice']);
    subscription.unsubscribe();
  });
});
