import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';

import { ProjectIssuesUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from '../../test/cable-client.js';
import { createToken, signIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';
import type { RunningServer } from '../start-server.js';

/**
 * The issue list's one subscription, `projectIssuesUpdated(projectPath:)`, on the real server
 * with raw cable clients: a push for every new issue and every change, only to those who may
 * read the issue; a null payload ("reload the list") first and when readers may have shrunk.
 */
const server: RunningServer = await startTestServer();
const PROJECT = 'gitlab-org/gitlab-test';
const query = print(ProjectIssuesUpdatedDocument);
const token = await createToken(server, 'alice', ['api']);
const open: CableClient[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

interface Pushed {
  iid: string;
  title: string;
  state: string;
  confidential: boolean;
  labels: { nodes: { title: string }[] };
  assignees: { nodes: { username: string }[] };
}

/** A list subscriber of `projectPath` (anonymous when `user` is null) and its first payload. */
async function listener(user: string | null, projectPath = PROJECT) {
  const headers = user ? { cookie: (await signIn(server, user)).cookie } : undefined;
  const client = await CableClient.connect(server.url, headers ? { headers } : {});
  open.push(client);
  await client.nextNonPing();
  const identifier = graphqlIdentifier(`list-${user ?? 'anonymous'}`);
  client.subscribe(identifier);
  await client.nextNonPing();
  client.perform(identifier, { query, variables: { projectPath }, action: 'execute' });
  const first = await client.nextNonPing();
  /** The next payload's issue (null for a reload). */
  const next = async (): Promise<Pushed | null> => {
    const frame = await client.nextNonPing();
    expect(frame.identifier).toBe(identifier);
    const message = frame.message as { result: { data: { projectIssuesUpdated: Pushed | null } } };
    return message.result.data.projectIssuesUpdated;
  };
  return { client, identifier, first: first.message as Frame, next };
}

async function rest(method: 'POST' | 'PUT', path: string, body: Record<string, unknown>) {
  const response = await fetch(
    `${server.url}/api/v4/projects/${encodeURIComponent(PROJECT)}${path}`,
    {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    },
  );
  expect(response.status, `${method} ${path}`).toBe(method === 'POST' ? 201 : 200);
  return (await response.json()) as { iid: number };
}

const userId = async (username: string) =>
  (await server.database.identity.findAccountByUsername(username))?.id;

describe('projectIssuesUpdated', () => {
  it('sends null first (reload), then every new issue and every change, executed once for all', async () => {
    const anonymous = await listener(null);
    const alice = await listener('alice');
    for (const { first } of [anonymous, alice]) {
      expect(first).toEqual({ result: { data: { projectIssuesUpdated: null } }, more: true });
    }
    const before = server.subscriptions.stats.executions;

    const { iid } = await rest('POST', '/issues', { title: 'Appears in every list' });
    for (const { next } of [anonymous, alice]) {
      expect(await next()).toMatchObject({ iid: String(iid), title: 'Appears in every list' });
    }
    // Both subscribers share one group: one execution for the event, whoever listens.
    expect(server.subscriptions.stats.executions - before).toBe(1);

    await rest('PUT', `/issues/${iid}`, { add_labels: 'bug' });
    for (const { next } of [anonymous, alice]) {
      expect((await next())?.labels.nodes.map((label) => label.title)).toEqual(['bug']);
    }
    await rest('PUT', `/issues/${iid}`, { assignee_ids: [await userId('bob')] });
    for (const { next } of [anonymous, alice]) {
      expect((await next())?.assignees.nodes.map((user) => user.username)).toEqual(['bob']);
    }
    await rest('PUT', `/issues/${iid}`, { state_event: 'close', title: 'Closed and renamed' });
    for (const { next } of [anonymous, alice]) {
      expect(await next()).toMatchObject({ state: 'closed', title: 'Closed and renamed' });
    }
    await rest('PUT', `/issues/${iid}`, { state_event: 'reopen' });
    for (const { next } of [anonymous, alice]) {
      expect((await next())?.state).toBe('opened');
    }
  });

  it("sends a confidential issue only to its readers; the project's other readers stay subscribed", async () => {
    const alice = await listener('alice'); // maintainer
    const erin = await listener('erin'); // signed in, member of nothing
    const anonymous = await listener(null);
    const { skipped, denied } = server.subscriptions.stats;

    const secret = await rest('POST', '/issues', { title: 'Secret plans', confidential: true });
    expect(await alice.next()).toMatchObject({ iid: String(secret.iid), confidential: true });
    const visible = await rest('POST', '/issues', { title: 'Public plans' });
    expect(await alice.next()).toMatchObject({ iid: String(visible.iid) });
    // Events of a topic are delivered in order: the confidential one would have come first.
    for (const { next } of [erin, anonymous]) {
      expect(await next()).toMatchObject({ iid: String(visible.iid), title: 'Public plans' });
    }
    expect(server.subscriptions.stats.skipped - skipped).toBe(2);
    expect(server.subscriptions.stats.denied).toBe(denied);
    const frames = [...erin.client.frames, ...anonymous.client.frames];
    expect(JSON.stringify(frames)).not.toContain('Secret plans');
  });

  it('sends a reload, and nothing of the issue, when an issue becomes confidential', async () => {
    const { iid } = await rest('POST', '/issues', { title: 'Soon confidential' });
    const alice = await listener('alice');
    const anonymous = await listener(null);

    await rest('PUT', `/issues/${iid}`, { confidential: true });
    expect(await alice.next()).toMatchObject({ iid: String(iid), confidential: true });
    expect(await alice.next()).toBeNull(); // the reload that drops it from lists that lost it
    expect(await anonymous.next()).toBeNull();
    expect(JSON.stringify(anonymous.client.frames)).not.toContain('"confidential":true');
  });

  it('sends every list a reload after a pub/sub gap (events may have been lost)', async () => {
    const lists = [await listener('alice'), await listener(null)];
    const resyncs = server.subscriptions.stats.resyncs;
    server.subscriptions.resyncAfterGap();
    for (const { next } of lists) expect(await next()).toBeNull();
    expect(server.subscriptions.stats.resyncs).toBeGreaterThan(resyncs);
  });

  it('answers a project the subscriber may not read exactly like a missing one', async () => {
    const hidden = await listener('erin', 'gitlab-org/secret-project');
    const missing = await listener('erin', 'gitlab-org/no-such-project');
    expect(hidden.first).toEqual(missing.first);
    expect(hidden.first).toEqual({
      result: {
        data: { projectIssuesUpdated: null },
        errors: [expect.objectContaining({ message: 'Unauthorized subscription' })],
      },
      more: false,
    });
    const member = await listener('alice', 'gitlab-org/secret-project');
    expect(member.first).toEqual({
      result: { data: { projectIssuesUpdated: null } },
      more: true,
    });
  });
});
