import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  IssueSetAssigneesDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from '../../test/cable-client.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

// No heartbeat during the test: every frame the server writes is one the script caused.
const server = await startTestServer({ cable: { beatIntervalMs: 3_600_000 } });
// Nor presence: its pushes (issuableViewersUpdated, counted in presence/*.test.ts) come on a
// timer after a viewer joins, and would land in this script's exact counts or not.
await server.features.set('issue_presence', false, null);
const alice = await signIn(server, 'alice');

/** Samples of a Prometheus text exposition, by series (`name` or `name{label="v"}`). */
async function scrape(url = server.url, init: RequestInit = {}): Promise<Map<string, number>> {
  const response = await fetch(`${url}/-/metrics`, init);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

async function connect(): Promise<CableClient> {
  const client = await CableClient.connect(server.url);
  expect(await client.next()).toEqual({ type: 'welcome' });
  return client;
}

function executeIssueUpdated(client: CableClient, identifier: string): void {
  client.perform(identifier, {
    query: print(IssueUpdatedDocument),
    variables: { issueId: 'gid://gitlab/Issue/2' },
    operationName: 'issueUpdated',
    action: 'execute',
  });
}

describe('/-/metrics', () => {
  it('counts a scripted connect, subscribe, reject and trigger', async () => {
    const before = await scrape();
    expect(before.get('action_cable_active_connections')).toBe(0);
    expect(before.get('graphql_subscription_event_delivery_seconds_count')).toBe(0);

    const first = await connect();
    const second = await connect();
    const identifier = graphqlIdentifier('metrics');
    for (const client of [first, second]) {
      client.subscribe(identifier);
      expect(await client.next()).toEqual({ identifier, type: 'confirm_subscription' });
    }
    const unknown = JSON.stringify({ channel: 'NopeChannel' });
    first.subscribe(unknown);
    expect(await first.next()).toEqual({ identifier: unknown, type: 'reject_subscription' });
    for (const client of [first, second]) {
      executeIssueUpdated(client, identifier);
      expect((await client.next()).message).toMatchObject({ more: true });
    }

    const subscribed = await scrape();
    expect(subscribed.get('action_cable_active_connections')).toBe(2);
    expect(subscribed.get('action_cable_channel_subscriptions')).toBe(2);
    expect(subscribed.get('graphql_subscriptions')).toBe(2);
    // The same document and variables: one group, so one execution per event for both.
    expect(subscribed.get('graphql_subscription_groups')).toBe(1);
    expect(subscribed.get('graphql_subscription_topics')).toBe(1);
    expect(subscribed.get('graphql_subscription_largest_topic_subscriptions')).toBe(2);

    const { body } = await graphqlAs(server, alice, print(IssueSetAssigneesDocument), {
      projectPath: 'gitlab-org/gitlab-test',
      iid: '2',
      assigneeUsernames: ['bob'],
    });
    expect(body.errors).toBeUndefined();
    for (const client of [first, second]) {
      expect((await client.next()).message).toMatchObject({
        more: true,
        result: { data: { issueUpdated: { id: 'gid://gitlab/Issue/2' } } },
      });
    }

    const after = await scrape();
    expect(after.get('action_cable_connections_total')).toBe(2);
    expect(after.get('action_cable_subscription_confirmations_total')).toBe(2);
    expect(after.get('action_cable_subscription_rejections_total')).toBe(1);
    // Per client: the first payload and the update.
    expect(after.get('action_cable_single_client_transmissions_total')).toBe(4);
    // Every frame the clients received, byte for byte (the server writes compact JSON).
    const bytes = [...first.frames, ...second.frames].reduce(
      (sum: number, frame: Frame) => sum + Buffer.byteLength(JSON.stringify(frame)),
      0,
    );
    expect(after.get('action_cable_transmitted_bytes_total')).toBe(bytes);
    // One mutation triggers issueUpdated, issuableAssigneesUpdated and the project's list event
    // projectIssuesUpdated; only the first is watched.
    expect(after.get('graphql_subscription_triggers_total')).toBe(3);
    expect(after.get('action_cable_broadcasts_total{broadcasting="graphql-event"}')).toBe(3);
    expect(after.get('graphql_subscription_events_received_total')).toBe(1);
    expect(after.get('graphql_subscription_executions_total')).toBe(1);
    expect(after.get('graphql_subscription_deliveries_total')).toBe(2);
    expect(after.get('graphql_subscription_event_delivery_seconds_count')).toBe(1);
    const seconds = after.get('graphql_subscription_event_delivery_seconds_sum') ?? -1;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(5);
    expect(after.get('graphql_subscription_event_delivery_seconds_bucket{le="+Inf"}')).toBe(1);
    // In-process pub/sub: always connected, nothing to fail.
    expect(after.get('pubsub_connected')).toBe(1);
    expect(after.get('pubsub_publish_failures_total')).toBe(0);

    first.close();
    second.close();
    await expect.poll(async () => (await scrape()).get('action_cable_active_connections')).toBe(0);
    const closed = await scrape();
    expect(closed.get('graphql_subscriptions')).toBe(0);
    expect(closed.get('graphql_subscription_topics')).toBe(0);
  });

  it('includes the Node process metrics', async () => {
    const samples = await scrape();
    expect(samples.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(samples.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(samples.has('nodejs_heap_size_used_bytes')).toBe(true);
  });

  it('counts a remote disconnect as an internal broadcast', async () => {
    await server.cable.disconnect({ userId: 999_999 });
    expect((await scrape()).get('action_cable_broadcasts_total{broadcasting="internal"}')).toBe(1);
  });

  it('answers before authentication: a bad bearer token is irrelevant to a loopback scrape', async () => {
    const samples = await scrape(server.url, { headers: { authorization: 'Bearer not-a-token' } });
    expect(samples.has('action_cable_active_connections')).toBe(true);
  });
});
