import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier } from '../../test/cable-client.js';
import { startTestServer } from '../../test/start-test-server.js';
import { MemoryAdapter } from '../pubsub/memory-adapter.js';

/**
 * Nothing a subscriber leaves behind survives it: stored queries, group memberships, topic
 * listeners and channel instances all go when it unsubscribes or its socket closes.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const adapter = new MemoryAdapter();
// One client plays thousands of subscribers here: the per-connection limits are lifted.
const server = await startTestServer({
  adapter,
  cable: {
    maxSubscriptions: 1000,
    maxGraphqlSubscriptions: 1000,
    maxQueuedCommands: 1_000_000,
    messagesPerSecond: 1_000_000,
    messageBurst: 1_000_000,
  },
});
const query = print(IssueUpdatedDocument);
const baseListeners = adapter.subscriptionCount; // the cable's own internal stream

async function connect(): Promise<CableClient> {
  const client = await CableClient.connect(server.url);
  await client.nextNonPing();
  return client;
}

/** Subscribes, executes and unsubscribes `count` identifiers, then waits until all were processed. */
async function churn(client: CableClient, count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const identifier = graphqlIdentifier(`${prefix}-${i}`);
    client.subscribe(identifier);
    client.perform(identifier, {
      query,
      variables: { issueId: `gid://gitlab/Issue/${(i % 20) + 1}` },
      action: 'execute',
    });
    client.send({ command: 'unsubscribe', identifier });
  }
  // Commands run in order: when this answer arrives, every command above has been processed.
  const control = graphqlIdentifier(`${prefix}-control`);
  client.subscribe(control);
  client.perform(control, { query: '{ __typename }', action: 'execute' });
  await client.next((frame) => frame.identifier === control && frame.message !== undefined, 60_000);
  client.send({ command: 'unsubscribe', identifier: control });
  client.discardRead(); // the test client must not be what grows the heap
}

function engineState() {
  return {
    subscriptions: server.subscriptions.size,
    topics: server.subscriptions.topicCount,
    groups: server.subscriptions.groupCount,
    listeners: adapter.subscriptionCount - baseListeners,
  };
}
const empty = { subscriptions: 0, topics: 0, groups: 0, listeners: 0 };

describe('cleanup', () => {
  it('10,000 subscribe/unsubscribe cycles leave no state behind and do not grow the heap', async () => {
    const client = await connect();
    await churn(client, 1_000, 'warm'); // warm-up: JIT, caches, pools
    await expect.poll(engineState).toEqual(empty);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    for (let batch = 0; batch < 10; batch++) await churn(client, 1_000, `b${batch}`);
    await expect.poll(engineState).toEqual(empty);
    await expect.poll(() => server.cable.channelCount).toBe(0);
    gc();
    const growth = process.memoryUsage().heapUsed - heapBefore;
    // A leaked subscription keeps its parsed document and context: 10,000 would be tens of MB.
    expect(growth).toBeLessThan(4 * 1024 * 1024);
    client.close();
  }, 120_000);

  it('closing a socket with many live subscriptions frees all of them', async () => {
    const client = await connect();
    for (let i = 0; i < 200; i++) {
      const identifier = graphqlIdentifier(`live-${i}`);
      client.subscribe(identifier);
      client.perform(identifier, {
        query,
        variables: { issueId: `gid://gitlab/Issue/${(i % 5) + 1}` },
        action: 'execute',
      });
    }
    await client.next(
      (frame) => frame.identifier === graphqlIdentifier('live-199') && frame.message !== undefined,
    );
    expect(engineState()).toMatchObject({ subscriptions: 200, topics: 5, groups: 5 });
    client.close();
    await expect.poll(engineState).toEqual(empty);
  });
});
