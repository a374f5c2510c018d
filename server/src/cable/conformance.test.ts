import { describe, expect, it } from 'vitest';

import { CableClient, type Frame } from '../../test/cable-client.js';
import { deferred } from '../../test/deferred.js';
import { HookCounts, probeChannel, probeIdentifier } from '../../test/probe-channel.js';
import { startTestServer } from '../../test/start-test-server.js';
import { MemoryAdapter } from '../pubsub/memory-adapter.js';
import { ANONYMOUS } from '../permissions/principal.js';
import type { AppIdentity } from '../start-server.js';

import type { ConnectionRequest } from './connection.js';
import { UnauthorizedError } from './errors.js';

/**
 * Action Cable conformance (PROTOCOL.md; ../shared/docs/protocol-notes.md §8, items 1–28).
 * Test names start with the checklist item they prove.
 */

/** A promise the test resolves by hand: identification waits on it with `?gate`. */
let identifyGate = deferred();

/** Reads the user from `?user=N` or a `user=N` cookie; `?reject` refuses, `?fail` throws. */
async function identify(request: ConnectionRequest): Promise<AppIdentity> {
  const url = new URL(request.url, 'http://cable.test');
  if (url.searchParams.has('reject')) throw new UnauthorizedError('no such token');
  if (url.searchParams.has('fail')) throw new Error('session store down');
  if (url.searchParams.has('gate')) await identifyGate.promise;
  const raw =
    url.searchParams.get('user') ?? /(?:^|;\s*)user=(\d+)/.exec(request.headers.cookie ?? '')?.[1];
  const userId = raw === undefined || raw === null ? null : Number(raw);
  return { userId, principal: ANONYMOUS };
}

const counts = new HookCounts();
const adapter = new MemoryAdapter();
const server = await startTestServer({
  adapter,
  identify,
  channels: { ProbeChannel: probeChannel(counts) },
  cable: {
    beatIntervalMs: 100,
    deadPeerAfterMs: 400,
    maxSubscriptions: 5,
    maxPayload: 4096,
    // Small limits, so a test can pass each one with a frame still under maxPayload.
    maxIdentifierLength: 1024,
  },
});

async function connect(path = '/-/cable'): Promise<CableClient> {
  const client = await CableClient.connect(server.url, { path });
  expect(await client.nextNonPing()).toEqual({ type: 'welcome' });
  return client;
}

async function confirmed(client: CableClient, identifier: string): Promise<void> {
  client.subscribe(identifier);
  expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
}

/**
 * Sends an echo on a control identifier and returns every non-ping frame up to its answer:
 * commands run in order, so anything an earlier command caused is already in that list.
 */
async function framesUntilEcho(client: CableClient, control: string): Promise<Frame[]> {
  const marker = `m${Math.random()}`;
  client.perform(control, { action: 'echo', marker });
  const seen: Frame[] = [];
  for (;;) {
    const frame = await client.nextNonPing();
    const message = frame.message as { echo?: { marker?: string } } | undefined;
    if (frame.identifier === control && message?.echo?.marker === marker) return seen;
    seen.push(frame);
  }
}

describe('connection', () => {
  it('3: selects actioncable-unsupported when it is the only known protocol offered, and no app protocol', async () => {
    const client = await CableClient.connect(server.url, {
      protocols: ['actioncable-unsupported', 'token.x'],
    });
    expect(client.ws.protocol).toBe('actioncable-unsupported');
    client.close();
    await expect(CableClient.connect(server.url, { protocols: ['token.x'] })).rejects.toThrow();
  });

  it('7: an unauthorized connection gets only disconnect{unauthorized, reconnect:false} and a 1000 close', async () => {
    const client = await CableClient.connect(server.url, { path: '/-/cable?reject=1' });
    expect(await client.waitForClose()).toEqual({ code: 1000, reason: 'unauthorized' });
    expect(client.frames).toEqual([
      { type: 'disconnect', reason: 'unauthorized', reconnect: false },
    ]);
  });

  it('7: an identification failure disconnects with reconnect:true and no welcome', async () => {
    const client = await CableClient.connect(server.url, { path: '/-/cable?fail=1' });
    expect((await client.waitForClose()).code).toBe(1000);
    expect(client.frames).toEqual([
      { type: 'disconnect', reason: 'server_error', reconnect: true },
    ]);
  });

  it('8: commands sent while identifying wait, then run in order after the welcome', async () => {
    identifyGate = deferred();
    const client = await CableClient.connect(server.url, { path: '/-/cable?gate=1' });
    const identifier = probeIdentifier({ id: 'early' });
    client.subscribe(identifier);
    client.perform(identifier, { action: 'echo', n: 1 });
    identifyGate.resolve();
    expect(await client.nextNonPing()).toEqual({ type: 'welcome' });
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
    expect(await client.nextNonPing()).toEqual({
      identifier,
      message: { echo: { action: 'echo', n: 1 } },
    });
    client.close();
  });

  it('8: commands sent before a refused identification are discarded', async () => {
    const identifier = probeIdentifier({ id: 'discarded' });
    const client = await CableClient.connect(server.url, { path: '/-/cable?reject=1' });
    client.subscribe(identifier);
    await client.waitForClose();
    expect(client.frames).toEqual([
      { type: 'disconnect', reason: 'unauthorized', reconnect: false },
    ]);
    expect(counts.subscribed.get(identifier)).toBeUndefined();
  });

  it('9: pings at least every beat with the Unix time in seconds', async () => {
    const client = await connect();
    const first = await client.next((f) => f.type === 'ping');
    const second = await client.next((f) => f.type === 'ping');
    for (const ping of [first, second]) {
      expect(
        Math.abs((ping.message as number) - Math.floor(Date.now() / 1000)),
      ).toBeLessThanOrEqual(1);
    }
    client.close();
  });

  it('11, 12: a remote disconnect of a user reaches its connections on every process sharing the pub/sub', async () => {
    // A second server on the same pub/sub stands in for another process.
    const other = await startTestServer({ adapter, identify });
    const onOther = await CableClient.connect(other.url, { path: '/-/cable?user=7' });
    expect(await onOther.nextNonPing()).toEqual({ type: 'welcome' });
    const bystander = await connect('/-/cable?user=8');

    await server.cable.disconnect({ userId: 7, reconnect: false });
    expect(await onOther.nextNonPing()).toEqual({
      type: 'disconnect',
      reason: 'remote',
      reconnect: false,
    });
    expect((await onOther.waitForClose()).code).toBe(1000);

    await server.cable.disconnect({ userId: 8 }); // reconnect defaults to true, explicitly
    expect(await bystander.nextNonPing()).toEqual({
      type: 'disconnect',
      reason: 'remote',
      reconnect: true,
    });
  });

  it('13: binary frames are ignored without a reply and the connection keeps working', async () => {
    const client = await connect();
    const control = probeIdentifier({ id: 'binary' });
    await confirmed(client, control);
    client.sendBinary(new Uint8Array([0x7b, 0x7d, 0xff]));
    expect(await framesUntilEcho(client, control)).toEqual([]);
    client.close();
  });

  it('14: credentials are read from the upgrade request (query string or cookie)', async () => {
    const byQuery = await connect('/-/cable?user=31');
    const identifier = probeIdentifier({ id: 'who', extra: 'x' });
    await confirmed(byQuery, identifier);
    byQuery.perform(identifier, { action: 'whoami' });
    expect((await byQuery.nextNonPing()).message).toMatchObject({
      identity: { userId: 31 },
      params: { id: 'who', extra: 'x' },
    });

    const byCookie = await CableClient.connect(server.url, {
      headers: { cookie: 'theme=dark; user=32' },
    });
    await byCookie.nextNonPing();
    await confirmed(byCookie, identifier);
    byCookie.perform(identifier, { action: 'whoami' });
    expect((await byCookie.nextNonPing()).message).toMatchObject({ identity: { userId: 32 } });
    byQuery.close();
    byCookie.close();
  });

  it('28: a peer that stops answering WebSocket pings is terminated and cleaned up', async () => {
    const client = await CableClient.connect(server.url, { autoPong: false });
    await client.nextNonPing();
    const identifier = probeIdentifier({ id: 'dead-peer' });
    await confirmed(client, identifier);
    const closed = await client.waitForClose(3_000);
    expect(closed.code).toBe(1006); // terminated, no close frame
    await expect.poll(() => counts.unsubscribed.get(identifier)).toBe(1);
  });
});

describe('commands', () => {
  it('17: a duplicate subscribe creates no second instance, runs no second subscribed, sends nothing', async () => {
    const client = await connect();
    const identifier = probeIdentifier({ id: 'dup' });
    await confirmed(client, identifier);
    client.subscribe(identifier);
    expect(await framesUntilEcho(client, identifier)).toEqual([]);
    expect(counts.subscribed.get(identifier)).toBe(1);
    client.close();
  });

  it('18: the same identifier on two connections makes two independent channels', async () => {
    const [a, b] = [await connect(), await connect()];
    const identifier = probeIdentifier({ id: 'shared-id' });
    await confirmed(a, identifier);
    await confirmed(b, identifier);
    a.send({ command: 'unsubscribe', identifier });
    b.perform(identifier, { action: 'echo', still: 'here' });
    expect((await b.nextNonPing()).message).toEqual({ echo: { action: 'echo', still: 'here' } });
    a.close();
    b.close();
  });

  it('19: a channel that rejects in subscribed yields reject_subscription and is not kept', async () => {
    const client = await connect();
    const rejected = probeIdentifier({ id: 'rejected', reject: true });
    const control = probeIdentifier({ id: 'control-19' });
    client.subscribe(rejected);
    expect(await client.nextNonPing()).toEqual({
      identifier: rejected,
      type: 'reject_subscription',
    });
    await confirmed(client, control);
    client.perform(rejected, { action: 'echo' });
    expect(await framesUntilEcho(client, control)).toEqual([]);
    client.close();
  });

  it('20: confirmation waits until the streams started in subscribed are live', async () => {
    const gate = deferred();
    const called = deferred();
    const gated = new (class extends MemoryAdapter {
      override async subscribe(trigger: string, onMessage: (payload: string) => void) {
        if (trigger === 'probe:gated') {
          called.resolve();
          await gate.promise;
        }
        return super.subscribe(trigger, onMessage);
      }
    })();
    const local = await startTestServer({
      adapter: gated,
      channels: { ProbeChannel: probeChannel(counts) },
    });
    const client = await CableClient.connect(local.url);
    await client.nextNonPing();
    const identifier = probeIdentifier({ id: 'gated', stream: 'probe:gated' });
    client.subscribe(identifier);
    await called.promise; // the stream registration is under way…
    expect(client.unread()).toEqual([]); // …and nothing was confirmed before it is live
    gate.resolve();
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
    await gated.publish('probe:gated', JSON.stringify({ hello: 'stream' }));
    expect(await client.nextNonPing()).toEqual({ identifier, message: { hello: 'stream' } });
    client.close();
  });

  it('22, 23: unsubscribe runs the hook once, stops streams, sends nothing, and nothing follows', async () => {
    const client = await connect();
    const streaming = probeIdentifier({ id: 'streaming', stream: 'probe:22' });
    const control = probeIdentifier({ id: 'control-22' });
    await confirmed(client, streaming);
    await confirmed(client, control);
    client.send({ command: 'unsubscribe', identifier: streaming });
    client.send({ command: 'unsubscribe', identifier: probeIdentifier({ id: 'never' }) });
    expect(await framesUntilEcho(client, control)).toEqual([]);
    expect(counts.unsubscribed.get(streaming)).toBe(1);
    await adapter.publish('probe:22', JSON.stringify({ late: true }));
    expect(await framesUntilEcho(client, control)).toEqual([]);
    client.close();
  });

  it('24: message dispatches only declared actions, passing the whole decoded data', async () => {
    const client = await connect();
    const identifier = probeIdentifier({ id: 'actions' });
    await confirmed(client, identifier);
    for (const action of [
      'secret',
      'constructor',
      '__proto__',
      'transmit',
      'subscribed',
      'perform',
      '',
    ]) {
      client.perform(identifier, { action });
    }
    client.perform(identifier, {}); // no action → `receive`, which ProbeChannel does not declare
    expect(await framesUntilEcho(client, identifier)).toEqual([]);
    client.perform(identifier, { action: 'echo', nested: { a: [1, 2] } });
    expect(await client.nextNonPing()).toEqual({
      identifier,
      message: { echo: { action: 'echo', nested: { a: [1, 2] } } },
    });
    client.close();
  });

  it('25: unsubscribe followed at once by subscribe of the same identifier ends subscribed', async () => {
    const client = await connect();
    const identifier = probeIdentifier({ id: 'flip' });
    await confirmed(client, identifier);
    client.send({ command: 'unsubscribe', identifier });
    client.subscribe(identifier);
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
    expect(await framesUntilEcho(client, identifier)).toEqual([]);
    expect([counts.subscribed.get(identifier), counts.unsubscribed.get(identifier)]).toEqual([
      2, 1,
    ]);
    client.close();
  });

  it('26: transmit produces {identifier, message} and never a type', async () => {
    const client = await connect();
    const identifier = probeIdentifier({ id: 'shape' });
    await confirmed(client, identifier);
    client.perform(identifier, { action: 'echo' });
    const frame = await client.nextNonPing();
    expect(Object.keys(frame).sort()).toEqual(['identifier', 'message']);
    client.close();
  });

  it('27: closing the socket runs every channel’s unsubscribe hook exactly once', async () => {
    const client = await connect();
    const ids = ['c1', 'c2', 'c3'].map((id) => probeIdentifier({ id }));
    for (const identifier of ids) await confirmed(client, identifier);
    client.send({ command: 'unsubscribe', identifier: ids[0] as string });
    await framesUntilEcho(client, ids[1] as string);
    client.close();
    await client.waitForClose();
    await expect.poll(() => ids.map((id) => counts.unsubscribed.get(id))).toEqual([1, 1, 1]);
  });
});

describe('limits', () => {
  it('rejects subscriptions beyond the per-connection cap', async () => {
    const client = await connect();
    for (let i = 0; i < 5; i++) await confirmed(client, probeIdentifier({ id: `cap-${i}` }));
    const excess = probeIdentifier({ id: 'cap-5' });
    client.subscribe(excess);
    expect(await client.nextNonPing()).toEqual({ identifier: excess, type: 'reject_subscription' });
    client.close();
  });

  it('rejects an identifier longer than the limit without parsing it', async () => {
    const client = await connect();
    const huge = probeIdentifier({ id: 'x'.repeat(2000) });
    client.subscribe(huge);
    expect(await client.nextNonPing()).toEqual({ identifier: huge, type: 'reject_subscription' });
    client.close();
  });

  it('closes a connection that sends a frame over maxPayload with 1009', async () => {
    const client = await connect();
    client.send({ command: 'subscribe', identifier: 'x'.repeat(5000) });
    expect((await client.waitForClose()).code).toBe(1009);
    // …and the server carries on.
    const next = await connect();
    next.close();
  });
});

describe('shutdown', () => {
  it('10: sends server_restart to every connection, closes them, and refuses new upgrades', async () => {
    const local = await startTestServer();
    const clients = await Promise.all([1, 2].map(() => CableClient.connect(local.url)));
    for (const client of clients) await client.nextNonPing();
    await local.cable.shutdown();
    for (const client of clients) {
      expect(await client.nextNonPing()).toEqual({
        type: 'disconnect',
        reason: 'server_restart',
        reconnect: true,
      });
      expect((await client.waitForClose()).code).toBe(1000);
    }
    await expect(CableClient.connect(local.url)).rejects.toThrow('HTTP 503');
  });
});
