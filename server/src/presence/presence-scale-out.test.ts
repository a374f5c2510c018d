import { describe, expect, it, onTestFinished } from 'vitest';

import { startMainProcess } from '../../test/main-process.js';
import { startPostgresServer } from '../../test/postgres-server.js';
import { openViewer, viewersIn, watchViewers } from '../../test/presence-clients.js';
import { startRedisServer } from '../../test/redis-server.js';
import { signIn } from '../../test/sign-in.js';

/**
 * Presence across two real processes sharing one PostgreSQL and one Redis: viewers on either
 * process are seen on both, leaves too, a killed process's viewers expire with its entries
 * (default renewal 2 s, TTL 6 s), permissions hold, and pushes stay coalesced.
 */
const redis = await startRedisServer();

async function twoProcesses() {
  const postgres = await startPostgresServer();
  onTestFinished(() => postgres.stop());
  const env = { PORT: '0', DATABASE_URL: postgres.url, REDIS_URL: redis.url };
  const [a, b] = [startMainProcess(env), startMainProcess(env)];
  const [urlA, urlB] = await Promise.all([a.ready(), b.ready()]);
  return { a, b, urlA, urlB };
}

describe('presence across processes (Redis)', () => {
  it('join, leave, a crashed process, permissions and coalescing', async () => {
    const { b, urlA, urlB } = await twoProcesses();
    const as = (url: string, username: string) => signIn({ url }, username);

    // A reporter watches issue #3's viewers on A.
    const watcher = await watchViewers(urlA, 3, { auth: await as(urlA, 'carol'), origin: urlA });
    expect(viewersIn(watcher.first)).toMatchObject({ userCount: 0, anonymousCount: 0 });

    // Join: alice on A, bob and an anonymous visitor on B.
    const alice = await openViewer(urlA, 3, { auth: await as(urlA, 'alice'), origin: urlA });
    const bob = await openViewer(urlB, 3, { auth: await as(urlB, 'bob'), origin: urlB });
    const anonymous = await openViewer(urlB, 3, { origin: urlB });
    expect(
      await watcher.until((v) => v?.userCount === 2 && v.anonymousCount === 1, 10_000),
    ).toEqual({ usernames: ['alice', 'bob'], userCount: 2, anonymousCount: 1 });

    // Leave on B: seen on A.
    anonymous.close();
    expect(await watcher.until((v) => v?.anonymousCount === 0, 10_000)).toMatchObject({
      usernames: ['alice', 'bob'],
    });

    // Coalescing: 40 anonymous pages join across both processes at once.
    const pushesBefore = watcher.pushes().length;
    const started = Date.now();
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        openViewer(i % 2 ? urlA : urlB, 3, { origin: i % 2 ? urlA : urlB }),
      ),
    );
    await watcher.until((v) => v?.anonymousCount === 40, 15_000);
    const pushes = watcher.pushes().length - pushesBefore;
    expect(pushes).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000) + 1);
    for (const page of burst) page.close();
    await watcher.until((v) => v?.anonymousCount === 0, 15_000);

    // Permissions: erin (no member) may not watch the viewers of confidential #10, even
    // while alice views it on B; a reporter on A sees her.
    const aliceOn10 = await openViewer(urlB, 10, { auth: await as(urlB, 'alice'), origin: urlB });
    const erin = await watchViewers(urlA, 10, { auth: await as(urlA, 'erin'), origin: urlA });
    expect(erin.first.message).toMatchObject({ more: false });
    expect(JSON.stringify(erin.first)).not.toContain('alice');
    const carolOn10 = await watchViewers(urlA, 10, { auth: await as(urlA, 'carol'), origin: urlA });
    expect(viewersIn(carolOn10.first)).toMatchObject({ usernames: ['alice'] });

    // Crash: B dies without closing anything; its viewers (bob) vanish when its entries expire.
    b.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect(await watcher.until((v) => v?.userCount === 1, 15_000)).toEqual({
      usernames: ['alice'],
      userCount: 1,
      anonymousCount: 0,
    });
    expect(Date.now() - killedAt).toBeLessThan(10_000); // TTL 6 s + a renewal of 2 s
    await carolOn10.until((v) => v?.userCount === 0, 15_000);

    for (const client of [watcher.client, alice, bob, aliceOn10, erin.client, carolOn10.client]) {
      client.close();
    }
  }, 120_000);
});
