import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Recorder } from '../../test/recorder.js';
import { startRedisServer } from '../../test/redis-server.js';
import { capturedLogger } from '../../test/redis-test-logger.js';

import { adapterLifecycleContract, pubsubEngineContract } from './adapter-contract.js';
import { RedisAdapter } from './redis-adapter.js';

// Fails the whole file, naming the package, when redis-server is missing: never a silent skip.
const redis = await startRedisServer();
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
let prefixes = 0;

/** A fresh prefix per test, so nothing one test published can reach another's listeners. */
function nextPrefix(): string {
  prefixes += 1;
  return `t${prefixes}:`;
}

function redisAdapters() {
  const channelPrefix = nextPrefix();
  const a = new RedisAdapter({ url: redis.url, channelPrefix, logger: silent });
  const b = new RedisAdapter({ url: redis.url, channelPrefix, logger: silent });
  const teardown = async (): Promise<void> => {
    await Promise.all([a.shutdown(), b.shutdown()]);
  };
  return Promise.resolve({ a, b, teardown });
}
pubsubEngineContract('RedisAdapter', redisAdapters);
adapterLifecycleContract('RedisAdapter', redisAdapters);

/**
 * A third-party engine on the same kind of ioredis clients, carrying the same bytes (strings pass
 * through unchanged), passes the same contract: the server's parts need nothing but the
 * PubSubEngine interface.
 */
pubsubEngineContract('graphql-redis-subscriptions RedisPubSub', () => {
  const engine = (): RedisPubSub =>
    new RedisPubSub({
      publisher: new Redis(redis.url),
      subscriber: new Redis(redis.url),
      serializer: (payload: unknown) => String(payload),
      deserializer: (message: string | Buffer) => message.toString(),
    });
  const [a, b] = [engine(), engine()];
  const teardown = async (): Promise<void> => {
    await Promise.all([a.close(), b.close()]);
  };
  return Promise.resolve({ a, b, teardown });
});

describe('RedisAdapter against a real redis-server', () => {
  let admin: Redis;
  const adapters: RedisAdapter[] = [];
  const adapter = (options: { channelPrefix?: string; logger?: Logger } = {}): RedisAdapter => {
    const created = new RedisAdapter({
      url: redis.url,
      channelPrefix: options.channelPrefix ?? nextPrefix(),
      logger: options.logger ?? silent,
    });
    adapters.push(created);
    return created;
  };
  const numsub = async (channel: string): Promise<number> =>
    Number(((await admin.pubsub('NUMSUB', channel)) as [string, number])[1]);
  const clientCount = async (): Promise<number> =>
    String(await admin.call('CLIENT', 'LIST'))
      .trim()
      .split('\n').length;

  beforeEach(() => {
    admin = new Redis(redis.url);
    admin.on('error', () => undefined); // refused while the outage test has Redis stopped
  });
  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((created) => created.shutdown()));
    await admin.quit();
  });

  it("SUBSCRIBEs a trigger's channel for its first local subscription and UNSUBSCRIBEs after its last", async () => {
    const a = adapter({ channelPrefix: 'count:' });
    const first = await a.subscribe('topic', () => undefined);
    const second = await a.subscribe('topic', () => undefined);
    expect(await numsub('count:topic')).toBe(1); // one channel, however many subscriptions
    a.unsubscribe(first);
    expect(await numsub('count:topic')).toBe(1);
    a.unsubscribe(second);
    await expect.poll(() => numsub('count:topic')).toBe(0);
  });

  it('isolates adapters with different channel prefixes on one Redis', async () => {
    const app1 = adapter({ channelPrefix: 'app1:' });
    const app2 = adapter({ channelPrefix: 'app2:' });
    const [on1, on2, control2] = [
      new Recorder<string>(),
      new Recorder<string>(),
      new Recorder<string>(),
    ];
    await app1.subscribe('same', (payload) => on1.observer.next(payload));
    await app2.subscribe('same', (payload) => on2.observer.next(payload));
    await app2.subscribe('control', (payload) => control2.observer.next(payload));
    expect((await admin.pubsub('CHANNELS', 'app*')).sort()).toEqual([
      'app1:same',
      'app2:control',
      'app2:same',
    ]);
    await app1.publish('same', 'for app1');
    await app2.publish('control', 'marker'); // app2's connection would have had "for app1" first
    expect(await control2.next()).toBe('marker');
    expect(await on1.next()).toBe('for app1');
    expect(on2.values).toEqual([]);
  });

  it('logs a handler that throws and still delivers to the others', async () => {
    const { logger, entries } = capturedLogger();
    const a = adapter({ logger });
    const received = new Recorder<string>();
    await a.subscribe('s', () => {
      throw new Error('handler failed');
    });
    await a.subscribe('s', (payload) => received.observer.next(payload));
    await a.publish('s', 'one');
    await a.publish('s', 'two');
    expect([await received.next(), await received.next()]).toEqual(['one', 'two']);
    expect(entries.filter((entry) => entry.msg === 'pub/sub handler threw')).toHaveLength(2);
    expect(a.stats).toMatchObject({ published: 2, received: 2, publishFailures: 0 });
  });

  it('quits both connections on shutdown; later calls reject', async () => {
    await expect.poll(clientCount).toBe(1); // the admin connection alone
    const a = adapter();
    await a.subscribe('s', () => undefined);
    await a.publish('s', 'x');
    expect(await clientCount()).toBe(3);
    expect(a.isReady()).toBe(true);
    await a.shutdown();
    expect(a.isReady()).toBe(false);
    await expect.poll(clientCount).toBe(1);
    await expect(a.publish('s', 'y')).rejects.toThrow(/shut down/);
    await expect(a.subscribe('s', () => undefined)).rejects.toThrow(/shut down/);
    expect(a.stats.publishFailures).toBe(1);
  });

  it('rejects a publish within about a second when Redis hangs, then carries on', async () => {
    const a = adapter();
    const received = new Recorder<string>();
    await a.subscribe('s', (payload) => received.observer.next(payload));
    redis.pause();
    try {
      const started = performance.now();
      await expect(a.publish('s', 'stuck')).rejects.toThrow(/timed out/);
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      redis.resume();
    }
    expect(a.stats.publishFailures).toBe(1);
    await a.publish('s', 'after');
    // The timed-out PUBLISH had reached the socket, so Redis may still deliver it late.
    await expect.poll(() => received.values.at(-1)).toBe('after');
  });

  it('survives a Redis restart: fails fast while down, re-subscribes, logs once per outage', async () => {
    const { logger, entries } = capturedLogger();
    const a = adapter({ channelPrefix: 'outage:', logger });
    const b = adapter({ channelPrefix: 'outage:' });
    const before = new Recorder<string>();
    const during = new Recorder<string>();
    await a.subscribe('before', (payload) => before.observer.next(payload));
    await b.publish('before', 'up');
    expect(await before.next()).toBe('up');

    await redis.stop();
    for (const attempt of [1, 2]) {
      const started = performance.now();
      await expect(b.publish('before', 'lost')).rejects.toThrow(/Redis publish to before failed/);
      expect(performance.now() - started).toBeLessThan(1500);
      expect(b.stats.publishFailures).toBe(attempt);
    }
    await expect.poll(() => [a.isReady(), b.isReady()]).toEqual([false, false]);
    // Queued while down: resolves once Redis confirms after the reconnection.
    const queued = a.subscribe('during', (payload) => during.observer.next(payload));
    const retries = (): number =>
      entries.filter(
        (entry) => entry.msg === 'Redis reconnect scheduled' && entry.role === 'subscriber',
      ).length;
    await expect.poll(retries).toBeGreaterThanOrEqual(3);
    expect(
      entries
        .filter((entry) => entry.level === 40)
        .map((entry) => entry.role)
        .sort(),
    ).toEqual(['publisher', 'subscriber']);

    await redis.restart();
    // Sent after ioredis re-subscribed "before" on the same connection: that one is live too.
    await queued;
    await expect
      .poll(() =>
        b.publish('before', 'back').then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    expect(await before.next()).toBe('back');
    await b.publish('during', 'new');
    expect(await during.next()).toBe('new');
    await expect.poll(() => a.stats.reconnects).toBe(2); // publisher and subscriber
    expect(a.isReady()).toBe(true);
    expect(b.stats.reconnects).toBeGreaterThanOrEqual(1);
    expect(entries.filter((entry) => entry.msg === 'Redis reconnected')).toHaveLength(2);
  });
});
