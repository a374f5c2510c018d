import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Recorder } from '../../test/recorder.js';

import type { StreamListener, SubscriptionAdapter } from './adapter.js';

/** Two adapters as two processes would hold them (the same instance for an in-process one). */
export interface AdapterPair {
  a: SubscriptionAdapter;
  b: SubscriptionAdapter;
  teardown(): Promise<void>;
}

/** A listener and what it received, awaited with `next()`, never a sleep. */
function inbox(): { listener: StreamListener; received: Recorder<string> } {
  const received = new Recorder<string>();
  return { listener: (payload) => received.observer.next(payload), received };
}

/**
 * The behaviour every SubscriptionAdapter shares, written once (Rails'
 * actioncable/test/subscription_adapter/common.rb). `setup` runs before each test with fresh
 * adapters; `teardown` must also cope with an adapter the test already shut down.
 *
 * Absence is proven without sleeping: after the broadcast that must not arrive, a second one
 * goes to a control stream of the same listener connection; deliveries keep their order, so
 * once the control payload is in, the first one would have been too.
 */
export function adapterContract(name: string, setup: () => Promise<AdapterPair>): void {
  describe(`${name}: SubscriptionAdapter contract`, () => {
    let pair: AdapterPair;
    beforeEach(async () => {
      pair = await setup();
    });
    afterEach(async () => {
      await pair.teardown();
    });

    /** Subscribes a control stream on `adapter`, then resolves once `marker` went through it. */
    async function controlOn(adapter: SubscriptionAdapter): Promise<() => Promise<void>> {
      const control = inbox();
      const stream = `control:${Math.random()}`;
      await adapter.subscribe(stream, control.listener);
      return async () => {
        await adapter.broadcast(stream, 'marker');
        expect(await control.received.next()).toBe('marker');
      };
    }

    it('delivers the exact payload, unicode and 100 KB included, to a listener in another process', async () => {
      const { a, b } = pair;
      const { listener, received } = inbox();
      await a.subscribe('exact', listener);
      const unicode = 'naïve ☃ 日本語 עברית 👩‍👩‍👧 e\u0301 \u0000 \r\n "quoted" \\ end';
      const big = JSON.stringify({ data: `${'0123456789abcdef'.repeat(6400)}✓` });
      expect(big.length).toBeGreaterThan(100_000);
      for (const payload of ['{"plain":1}', unicode, big, '']) {
        await b.broadcast('exact', payload);
        expect(await received.next()).toBe(payload);
      }
    });

    it('gives each listener of a stream its own copy, once', async () => {
      const { a, b } = pair;
      const first = inbox();
      const second = inbox();
      await a.subscribe('many', first.listener);
      await a.subscribe('many', second.listener);
      await a.subscribe('many', second.listener); // the same pair twice is held once
      const sync = await controlOn(a);
      await b.broadcast('many', 'hello');
      await sync();
      expect(first.received.values).toEqual(['hello']);
      expect(second.received.values).toEqual(['hello']);
    });

    it('accepts a broadcast to a stream nobody listens to', async () => {
      await expect(pair.b.broadcast(`nobody:${Math.random()}`, 'x')).resolves.toBeUndefined();
    });

    it('stops delivery after unsubscribe', async () => {
      const { a, b } = pair;
      const { listener, received } = inbox();
      await a.subscribe('gone', listener);
      const sync = await controlOn(a);
      await b.broadcast('gone', 'before');
      expect(await received.next()).toBe('before');
      await a.unsubscribe('gone', listener);
      await b.broadcast('gone', 'after');
      await sync();
      expect(received.values).toEqual(['before']);
    });

    it('keeps delivering to the other listeners of a stream when one unsubscribes', async () => {
      const { a, b } = pair;
      const leaving = inbox();
      const staying = inbox();
      await a.subscribe('shared', leaving.listener);
      await a.subscribe('shared', staying.listener);
      await a.unsubscribe('shared', leaving.listener);
      await b.broadcast('shared', 'still here');
      expect(await staying.received.next()).toBe('still here');
      expect(leaving.received.values).toEqual([]);
    });

    it('ignores unsubscribing an unknown pair', async () => {
      const { a, b } = pair;
      const { listener, received } = inbox();
      await a.subscribe('known', listener);
      await expect(a.unsubscribe('known', () => undefined)).resolves.toBeUndefined();
      await expect(a.unsubscribe('never-subscribed', listener)).resolves.toBeUndefined();
      await b.broadcast('known', 'unaffected');
      expect(await received.next()).toBe('unaffected');
    });

    it('preserves the order of many broadcasts on one stream', async () => {
      const { a, b } = pair;
      const { listener, received } = inbox();
      await a.subscribe('ordered', listener);
      const sent = Array.from({ length: 300 }, (_, i) => `m${i}`);
      await Promise.all(sent.map((payload) => b.broadcast('ordered', payload)));
      await expect.poll(() => received.values.length).toBe(sent.length);
      expect(received.values).toEqual(sent);
    });

    it('reports itself ready once a round trip went through', async () => {
      // Both ways: b → a proves a's subscriber and b's publisher, a → b the other two
      // connections. One way only left a's publisher still connecting on a loaded CI machine.
      const { a, b } = pair;
      const { listener, received } = inbox();
      const back = inbox();
      await a.subscribe('ready', listener);
      await b.subscribe('ready-back', back.listener);
      await b.broadcast('ready', 'up');
      expect(await received.next()).toBe('up');
      await a.broadcast('ready-back', 'up too');
      expect(await back.received.next()).toBe('up too');
      expect(a.isReady()).toBe(true);
      expect(b.isReady()).toBe(true);
    });

    it('lets each process receive what the other broadcasts', async () => {
      const { a, b } = pair;
      const onA = inbox();
      const onB = inbox();
      await a.subscribe('both', onA.listener);
      await b.subscribe('both', onB.listener);
      await b.broadcast('both', 'from b');
      await a.broadcast('both', 'from a');
      for (const { received } of [onA, onB]) {
        expect([await received.next(), await received.next()]).toEqual(['from b', 'from a']);
      }
    });

    it('stops delivery on shutdown', async () => {
      const { a, b } = pair;
      const { listener, received } = inbox();
      await a.subscribe('closing', listener);
      await a.shutdown();
      // b survives as another process would (for an in-process adapter it is a itself).
      const sync = await controlOn(b);
      await b.broadcast('closing', 'too late');
      await sync();
      expect(received.values).toEqual([]);
    });
  });
}
