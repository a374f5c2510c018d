import { afterAll, describe, expect, it } from 'vitest';

import { startMainProcess } from '../test/main-process.js';
import { startPostgresServer } from '../test/postgres-server.js';
import { startRedisServer } from '../test/redis-server.js';
import { createToken, graphqlAs, signIn } from '../test/sign-in.js';

import { CREDENTIAL_CACHE_TTL_MS } from './identity/cached-credentials.js';

/**
 * Each process keeps the credentials it looked up (identity/cached-credentials.ts); a sign-out
 * or a revoked token on one process reaches the others' caches over Redis at once, long before
 * their entries would expire.
 */
const [redis, postgres] = await Promise.all([startRedisServer(), startPostgresServer()]);
afterAll(() => postgres.stop());

const me = '{ currentUser { username } }';

describe('cached credentials on two processes', () => {
  it('a sign-out or a revoked token on A is refused by B at once', async () => {
    const env = { PORT: '0', DATABASE_URL: postgres.url, REDIS_URL: redis.url };
    const [a, b] = [startMainProcess(env), startMainProcess(env)];
    const [urlA, urlB] = await Promise.all([a.ready(), b.ready()]);
    const session = await signIn({ url: urlA }, 'alice');
    const token = await createToken({ url: urlA }, 'bob', ['api']);
    // B looks both up, and keeps them (for CREDENTIAL_CACHE_TTL_MS from here at most).
    const cached = Date.now();
    expect((await graphqlAs({ url: urlB }, session, me)).body).toEqual({
      data: { currentUser: { username: 'alice' } },
    });
    expect((await graphqlAs({ url: urlB }, { token }, me)).status).toBe(200);

    const out = await fetch(`${urlA}/users/sign_out`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.status).toBe(204);
    await expect
      .poll(async () => (await graphqlAs({ url: urlB }, session, me)).body, { timeout: 5_000 })
      .toEqual({ data: { currentUser: null } });

    const bob = await signIn({ url: urlA }, 'bob');
    const listed = await fetch(`${urlA}/api/v4/personal_access_tokens`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const [listedToken] = (await listed.json()) as { id: number }[];
    const id = listedToken?.id ?? 0;
    const revoked = await fetch(`${urlA}/api/v4/personal_access_tokens/${id}`, {
      method: 'DELETE',
      headers: { cookie: bob.cookie, 'x-csrf-token': bob.csrfToken },
    });
    expect(revoked.status).toBe(204);
    await expect
      .poll(async () => (await graphqlAs({ url: urlB }, { token }, me)).status, { timeout: 5_000 })
      .toBe(401);
    // Before B's copies expired: the announcements did it.
    expect(Date.now() - cached).toBeLessThan(CREDENTIAL_CACHE_TTL_MS);

    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await Promise.all([a.exit, b.exit])).toEqual([0, 0]);
  }, 90_000);
});
