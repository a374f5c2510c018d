import type { PubSubEngine } from 'graphql-subscriptions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Recorder } from '../../test/recorder.js';

import type { PubSub } from './pubsub.js';

/** Two engines as two processes would hold them (the same instance for an in-process one). */
export interface EnginePair<E extends PubSubEngine = PubSubEngine> {
  a: E;
  b: E;
  teardown(): Promise<void>;
}

/** A handler and what it received, awaited with `next()`, never a sleep. */
function inbox(): { handler: (payload: string) => void; received: Recorder<string> } {
  const received = new Recorder<string>();
  return { handler: (payload) => received.observer.next(payload), received };
}

/** Subscribes a control trigger on `engine`, then resolves once `marker` went through it. */
async function controlOn(engine: PubSubEngine, from: PubSubEngine): Promise<() => Promise<void>> {
  const control = inbox();
  const trigger = `control:${Math.random()}`;
  await engine.subscribe(trigger, control.handler, {});
  return async () => {
    await from.publish(trigger, 'marker');
    expect(await control.received.next()).toBe('marker');
  };
}

/**
 * The behaviour every `PubSubEngine` carrying this server's events must have, written once
 * (Rails' actioncable/test/subscription_adapter/common.rb): it runs on our adapters and on
 * graphql-redis-subscriptions' `RedisPubSub`, so a third-party engine is shown to plug in.
 * `setup` runs before each test with fresh engines.
 *
 * Absence is proven without sleeping: after the publish that must not arrive, a second one goes
 * to a control trigger of the same subscriber connection; deliveries keep their order, so once
 * the control payload is in, the first one would have been too.
 */
export function pubsubEngineContract(name: string, setup: () => Promise<EnginePair>): void {
  describe(`${name}: PubSubEngine contract`, () => {
    let pair: EnginePair;
    beforeEach(async () => {
      pair = await setup();
    });
    afterEach(async () => {
      await pair.teardown();
    });

    it('delivers the exact payload, unicode and 100 KB included, to a subscriber in another process', async () => {
      const { a, b } = pair;
      const { handler, received } = inbox();
      await a.subscribe('exact', handler, {});
      const unicode = 'naïve ☃ 日本語 עברית 👩‍👩‍👧 e\u0301 \u0000 \r\n "quoted" \\ end';
      const big = JSON.stringify({ data: `${'0123456789abcdef'.repeat(6400)}✓` });
      expect(big.length).toBeGreaterThan(100_000);
      for (const payload of ['{"plain":1}', unicode, big, '']) {
        await b.publish('exact', payload);
        expect(await received.next()).toBe(payload);
      }
    });

    it('gives each subscription its own copy, once', async () => {
      const { a, b } = pair;
      const first = inbox();
      const second = inbox();
      await a.subscribe('many', first.handler, {});
      await a.subscribe('many', second.handler, {});
      const sync = await controlOn(a, b);
      await b.publish('many', 'hello');
      await sync();
      expect(first.received.values).toEqual(['hello']);
      expect(second.received.values).toEqual(['hello']);
    });

    it('accepts a publish on a trigger nobody subscribed to', async () => {
      await expect(pair.b.publish(`nobody:${Math.random()}`, 'x')).resolves.toBeUndefined();
    });

    it('stops delivery after unsubscribe', async () => {
      const { a, b } = pair;
      const { handler, received } = inbox();
      const id = await a.subscribe('gone', handler, {});
      const sync = await controlOn(a, b);
      await b.publish('gone', 'before');
      expect(await received.next()).toBe('before');
      a.unsubscribe(id);
      await b.publish('gone', 'after');
      await sync();
      expect(received.values).toEqual(['before']);
    });

    it('keeps delivering to the other subscriptions of a trigger when one unsubscribes', async () => {
      const { a, b } = pair;
      const leaving = inbox();
      const staying = inbox();
      const id = await a.subscribe('shared', leaving.handler, {});
      await a.subscribe('shared', staying.handler, {});
      a.unsubscribe(id);
      await b.publish('shared', 'still here');
      expect(await staying.received.next()).toBe('still here');
      expect(leaving.received.values).toEqual([]);
    });

    it('preserves the order of many publishes on one trigger', async () => {
      const { a, b } = pair;
      const { handler, received } = inbox();
      await a.subscribe('ordered', handler, {});
      const sent = Array.from({ length: 300 }, (_, i) => `m${i}`);
      await Promise.all(sent.map((payload) => b.publish('ordered', payload)));
      await expect.poll(() => received.values.length).toBe(sent.length);
      expect(received.values).toEqual(sent);
    });

    it('lets each process receive what the other publishes', async () => {
      const { a, b } = pair;
      const onA = inbox();
      const onB = inbox();
      await a.subscribe('both', onA.handler, {});
      await b.subscribe('both', onB.handler, {});
      await b.publish('both', 'from b');
      await a.publish('both', 'from a');
      for (const { received } of [onA, onB]) {
        expect([await received.next(), await received.next()]).toEqual(['from b', 'from a']);
      }
    });

    it('serves asyncIterableIterator: values in order until return()', async () => {
      const { a, b } = pair;
      // The iterator subscribes inside next(): wrap this instance's subscribe to know when.
      let subscribed!: () => void;
      const live = new Promise<void>((resolve) => (subscribed = resolve));
      const original = a.subscribe.bind(a);
      a.subscribe = async (...args: Parameters<PubSubEngine['subscribe']>) => {
        const id = await original(...args);
        subscribed();
        return id;
      };
      const iterator = a.asyncIterableIterator<string>('iterated');
      const first = iterator.next();
      await live;
      await b.publish('iterated', 'one');
      await b.publish('iterated', 'two');
      expect(await first).toEqual({ value: 'one', done: false });
      expect(await iterator.next()).toEqual({ value: 'two', done: false });
      expect(await iterator.return?.()).toEqual({ value: undefined, done: true });
    });
  });
}

/** What this server's own adapters add to the engine: readiness, shutdown, lenient unsubscribe. */
export function adapterLifecycleContract(name: string, setup: () => Promise<EnginePair<PubSub>>) {
  describe(`${name}: adapter lifecycle`, () => {
    let pair: EnginePair<PubSub>;
    beforeEach(async () => {
      pair = await setup();
    });
    afterEach(async () => {
      await pair.teardown();
    });

    it('ignores unsubscribing an unknown id', async () => {
      const { a, b } = pair;
      const { handler, received } = inbox();
      const id = await a.subscribe('known', handler);
      expect(() => a.unsubscribe(id + 1000)).not.toThrow();
      await b.publish('known', 'unaffected');
      expect(await received.next()).toBe('unaffected');
    });

    it('reports itself ready once a round trip went through', async () => {
      // Both ways: b → a proves a's subscriber and b's publisher, a → b the other two
      // connections. One way only left a's publisher still connecting on a loaded CI machine.
      const { a, b } = pair;
      const { handler, received } = inbox();
      const back = inbox();
      await a.subscribe('ready', handler);
      await b.subscribe('ready-back', back.handler);
      await b.publish('ready', 'up');
      expect(await received.next()).toBe('up');
      await a.publish('ready-back', 'up too');
      expect(await back.received.next()).toBe('up too');
      expect(a.isReady()).toBe(true);
      expect(b.isReady()).toBe(true);
    });

    it('stops delivery on shutdown', async () => {
      const { a, b } = pair;
      const { handler, received } = inbox();
      await a.subscribe('closing', handler);
      await a.shutdown();
      // b survives as another process would (for an in-process adapter it is a itself).
      const sync = await controlOn(b, b);
      await b.publish('closing', 'too late');
      await sync();
      expect(received.values).toEqual([]);
    });
  });
}
