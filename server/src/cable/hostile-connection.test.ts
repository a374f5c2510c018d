import { connect as connectTcp } from 'node:net';

import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';

import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from '../../test/cable-client.js';
import { startTestServer, TEST_ORIGIN } from '../../test/start-test-server.js';
import { Witness } from '../../test/witness.js';

/**
 * Issue #15's hostile rows against one cable connection: live subscriptions are capped across
 * channels, a flood is cut off with a documented disconnect, client mistakes cost a few sampled
 * log lines, and an upgrade anywhere but the cable, or during a drain, is answered at once.
 */

/** A logger that keeps every line it writes, to measure what an attack costs in logs. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return {
    logger,
    lines,
    bytes: () => lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0),
  };
}

const log = recordingLogger();
const server = await startTestServer({ logger: log.logger });
const witness = await Witness.start(server.url);
afterAll(() => witness.close());

const subscription = print(IssueUpdatedDocument);

async function open(
  url: string,
  channels: string[],
): Promise<{ client: CableClient; ids: string[] }> {
  const client = await CableClient.connect(url);
  expect(await client.nextNonPing()).toEqual({ type: 'welcome' });
  const ids = channels.map(graphqlIdentifier);
  for (const identifier of ids) {
    client.subscribe(identifier);
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
  }
  return { client, ids };
}

/** Sends `count` subscription executes on `identifier` and waits for each answer. */
async function subscribeMany(client: CableClient, identifier: string, count: number) {
  const answers: Frame[] = [];
  for (let i = 0; i < count; i += 1) {
    client.perform(identifier, {
      action: 'execute',
      query: subscription,
      variables: { issueId: `gid://gitlab/Issue/${(i % 5) + 1}` },
    });
  }
  for (let i = 0; i < count; i += 1) {
    answers.push(await client.next((frame) => frame.identifier === identifier && !!frame.message));
  }
  return answers.map((frame) => frame.message as { more: boolean; result?: unknown });
}

describe('bounded work per connection', () => {
  it('caps live GraphQL subscriptions across all channels of a connection', async () => {
    const { client, ids } = await open(server.url, ['a', 'b', 'c']);
    const [a, b, c] = ids as [string, string, string];
    expect((await subscribeMany(client, a, 60)).every((m) => m.more)).toBe(true);
    expect((await subscribeMany(client, b, 40)).every((m) => m.more)).toBe(true);
    expect(server.subscriptions.size).toBe(100);

    const [excess] = await subscribeMany(client, c, 1);
    expect(excess).toEqual({
      result: {
        errors: [
          {
            message:
              'This connection already has 100 live subscriptions (limit maxGraphqlSubscriptions)',
          },
        ],
      },
      more: false,
    });
    expect(server.subscriptions.size).toBe(100);

    // A query is still answered, and unsubscribing a channel frees its share of the cap.
    client.perform(c, { action: 'execute', query: '{ __typename }' });
    expect((await client.next((f) => f.identifier === c && !!f.message)).message).toMatchObject({
      more: false,
      result: { data: { __typename: 'Query' } },
    });
    client.send({ command: 'unsubscribe', identifier: a });
    expect((await subscribeMany(client, c, 1))[0]?.more).toBe(true);
    client.close();
    await expect.poll(() => server.subscriptions.size).toBe(0);
  });

  it('50,000 queued executes close the connection at once; bystanders stay fast', async () => {
    const { client, ids } = await open(server.url, ['flood']);
    const frame = JSON.stringify({
      command: 'message',
      identifier: ids[0],
      data: JSON.stringify({
        action: 'execute',
        query: subscription,
        variables: { issueId: 'gid://gitlab/Issue/1' },
      }),
    });
    const flood = (async () => {
      // In chunks, so the test's own sending does not stall the (same-process) server.
      for (let sent = 0; sent < 50_000 && !client.closed; sent += 1_000) {
        for (let i = 0; i < 1_000; i += 1) client.send(frame);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return client.next((f) => f.type === 'disconnect', 30_000);
    })();
    const { result, cableMs, livenessMs } = await witness.during(flood);
    expect(result).toEqual({ type: 'disconnect', reason: 'too_many_commands', reconnect: true });
    expect((await client.waitForClose()).code).toBe(1000);
    expect(cableMs).toBeLessThan(500);
    expect(livenessMs).toBeLessThan(500);
    await expect.poll(() => server.subscriptions.size).toBe(0);
  });

  it('closes a connection over the message rate with rate_limited', async () => {
    const tight = await startTestServer({
      cable: { messagesPerSecond: 1, messageBurst: 20, maxQueuedCommands: 1_000 },
    });
    const { client, ids } = await open(tight.url, ['rate']);
    for (let i = 0; i < 30; i += 1) {
      client.perform(ids[0] as string, { action: 'execute', query: '{ __typename }' });
    }
    expect(await client.next((f) => f.type === 'disconnect')).toEqual({
      type: 'disconnect',
      reason: 'rate_limited',
      reconnect: true,
    });
    expect((await client.waitForClose()).code).toBe(1000);
  });
});

describe('client mistakes in the log', () => {
  it('10,000 unknown actions write a few sampled warn lines, no errors, no stacks', async () => {
    const lifted = recordingLogger();
    const roomy = await startTestServer({
      logger: lifted.logger,
      cable: { messagesPerSecond: 1_000_000, messageBurst: 1_000_000, maxQueuedCommands: 20_000 },
    });
    const { client, ids } = await open(roomy.url, ['mistakes']);
    const identifier = ids[0] as string;
    const frame = JSON.stringify({ command: 'message', identifier, data: '{"action":"x"}' });
    const before = lifted.lines.length;
    for (let i = 0; i < 10_000; i += 1) client.send(frame);
    // Commands run in order: once this is answered, all 10,000 were handled.
    client.perform(identifier, { action: 'execute', query: '{ __typename }' });
    await client.next((f) => f.identifier === identifier && !!f.message, 30_000);

    const written = lifted.lines.slice(before);
    const bytes = written.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
    expect(bytes).toBeLessThan((10_000 * frame.length) / 100); // under 1% of what was sent
    expect(written.length).toBeLessThanOrEqual(10);
    for (const line of written) {
      const entry = JSON.parse(line) as { level: number; err?: unknown; msg: string };
      expect(entry.level).toBeLessThanOrEqual(40); // warn at most
      expect(entry.err).toBeUndefined();
    }
    expect(written.join('')).toContain('unknown action \\"x\\"');
    client.close();
  });

  it('with the default limits the same flood is cut off and logs as little', async () => {
    const { client, ids } = await open(server.url, ['mistakes']);
    const frame = JSON.stringify({
      command: 'message',
      identifier: ids[0],
      data: '{"action":"x"}',
    });
    const before = log.bytes();
    for (let i = 0; i < 10_000 && !client.closed; i += 1) client.send(frame);
    expect((await client.next((f) => f.type === 'disconnect')).reason).toMatch(
      /^(too_many_commands|rate_limited)$/,
    );
    await client.waitForClose();
    expect(log.bytes() - before).toBeLessThan(5_000);
  });
});

/** Sends a raw upgrade request; resolves with the answer once the server closed the socket. */
function rawUpgrade(port: number, path: string): Promise<{ answer: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${TEST_ORIGIN}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: actioncable-v1-json\r\n\r\n',
      );
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, ms: performance.now() - started }));
    socket.setTimeout(5_000, () => reject(new Error(`no answer for ${path}: ${answer}`)));
  });
}

describe('upgrades', () => {
  it.each(['/cable', '/', '/api/graphql', '/-/cable/extra'])(
    'an upgrade on %s gets 404 and the socket is closed at once',
    async (path) => {
      const { answer, ms } = await rawUpgrade(server.port, path);
      expect(answer).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
      expect(answer).toContain('Page not found');
      expect(ms).toBeLessThan(500);
    },
  );

  it('during the drain of a shutdown, new upgrades get 503 and the socket is closed', async () => {
    const draining = await startTestServer({ drainMs: 2_000 });
    // Several connections, so the drain spreads over its window.
    const clients = await Promise.all(
      [1, 2, 3, 4].map(async () => (await open(draining.url, [])).client),
    );
    const closed = draining.close();
    await clients[0]?.next((f) => f.type === 'disconnect');
    const { answer, ms } = await rawUpgrade(draining.port, '/-/cable');
    expect(answer).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(answer).toContain('Server shutting down');
    expect(ms).toBeLessThan(500);
    await closed;
  });
});
