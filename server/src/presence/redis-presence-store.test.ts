import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';

import { startRedisServer } from '../../test/redis-server.js';

import { RedisPresenceStore } from './redis-presence-store.js';

/** The Redis store against a real redis-server, two "processes" (stores) with a short TTL. */
const redis = await startRedisServer();
const TTL = 300;

function store(pushIntervalMs = 200): RedisPresenceStore {
  const created = new RedisPresenceStore({
    url: redis.url,
    keyPrefix: 'test:',
    ttlMs: TTL,
    pushIntervalMs,
  });
  onTestFinished(() => created.close());
  return created;
}

const counts = (entries: [`u:${number}` | 'anon', number][]) => new Map(entries);

describe('RedisPresenceStore', () => {
  it('adds every process’s counts: distinct users, summed anonymous', async () => {
    const [a, b] = [store(), store()];
    await a.change(
      1,
      counts([
        ['u:2', 1],
        ['anon', 2],
      ]),
    );
    const seq = await b.change(
      1,
      counts([
        ['u:2', 1],
        ['u:3', 1],
        ['anon', 1],
      ]),
    );
    expect(await a.read(1)).toEqual({ version: seq, userIds: [2, 3], anonymousCount: 3 });
    await b.change(1, counts([['u:3', -1]]));
    expect(await a.read(1)).toMatchObject({ userIds: [2], anonymousCount: 3 });
  });

  it("a process that stops renewing is no longer read, and the survivor's renewal reports it", async () => {
    const [a, crashed] = [store(), store()];
    await a.change(2, counts([['u:2', 1]]));
    await crashed.change(2, counts([['u:3', 1]]));
    expect((await a.read(2)).userIds).toEqual([2, 3]);
    // `crashed` renews no more; `a` does, as its tracker would.
    await expect
      .poll(async () => (await a.renew([2], [])).expired.has(2), { interval: 50, timeout: 3000 })
      .toBe(true);
    expect((await a.read(2)).userIds).toEqual([2]);
    const client = new Redis(redis.url);
    onTestFinished(() => void client.quit());
    const keys = await client.keys('test:presence:2:*');
    expect(keys.some((key) => key.endsWith(crashed.pid))).toBe(false); // expired by Redis itself
  });

  it('every key of an issue expires once no process renews it', async () => {
    const a = store();
    await a.change(3, counts([['anon', 1]]));
    await a.claimPush(3, 1e15);
    const client = new Redis(redis.url);
    onTestFinished(() => void client.quit());
    expect(await client.keys('test:presence:3:*')).not.toEqual([]);
    await expect
      .poll(() => client.keys('test:presence:3:*'), { interval: 50, timeout: 3000 })
      .toEqual([]);
  });

  it('tells a process that Redis lost its counts, so it writes them again', async () => {
    const a = store();
    await a.change(4, counts([['anon', 1]]));
    const client = new Redis(redis.url);
    onTestFinished(() => void client.quit());
    await client.del(`test:presence:4:p:${a.pid}`);
    expect((await a.renew([4], [])).lost).toEqual([4]);
    await a.replace(4, counts([['anon', 1]]));
    expect((await a.read(4)).anonymousCount).toBe(1);
  });

  it('grants one push per interval across processes, and none for a change already pushed', async () => {
    const [a, b] = [store(1000), store(1000)];
    const seqA = await a.change(5, counts([['anon', 1]]));
    const seqB = await b.change(5, counts([['anon', 1]]));
    const claim = await a.claimPush(5, seqA);
    expect(claim).toEqual({
      kind: 'push',
      viewers: { version: seqB, userIds: [], anonymousCount: 2 },
    });
    // b's change was read by a's push: b has nothing to push.
    expect(await b.claimPush(5, seqB)).toEqual({ kind: 'clean' });
    const later = await b.change(5, counts([['anon', -1]]));
    const wait = await b.claimPush(5, later);
    expect(wait.kind).toBe('wait');
    expect(wait.kind === 'wait' && wait.ms).toBeGreaterThan(800);
  });

  it('keeps change numbers increasing after an issue’s keys expired', async () => {
    const a = store();
    const before = await a.change(6, counts([['anon', 1]]));
    await a.change(6, counts([['anon', -1]]));
    const client = new Redis(redis.url);
    onTestFinished(() => void client.quit());
    await expect
      .poll(() => client.keys('test:presence:6:*'), { interval: 50, timeout: 3000 })
      .toEqual([]);
    expect(await a.change(6, counts([['anon', 1]]))).toBeGreaterThan(before);
  });

  it('reads 10,000 distinct viewers in one script', async () => {
    const a = store();
    const many = new Map(
      Array.from({ length: 10_000 }, (_, i) => [`u:${i + 1}` as const, 1] as const),
    );
    await a.replace(7, many);
    const viewers = await a.read(7);
    expect(viewers.userIds.length).toBe(10_000);
  });
});
