import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSeededFixture, type SeededFixture } from '../db/test-fixture.js';
import type { IdentityRepository } from '../domain/identity.js';

import { CachedCredentials, type RevocationChannel } from './cached-credentials.js';
import { digest, newSecret } from './secrets.js';

/** The real repository, counting the credential reads that reach the database. */
function counting(inner: IdentityRepository) {
  const reads = { session: 0, token: 0 };
  const identity = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'findLiveSession') reads.session += 1;
      if (property === 'findToken') reads.token += 1;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { identity, reads };
}

/** Two processes' channels over one in-memory "pub/sub". */
function sharedChannel(): RevocationChannel {
  const listeners = new Set<(userId: number) => void>();
  return {
    publish: (userId) => {
      for (const listener of listeners) listener(userId);
      return Promise.resolve();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let fx: SeededFixture;
beforeAll(async () => {
  fx = await openSeededFixture();
});
afterAll(() => fx.database.close());

async function newSession(username: string, ttlMs = 60_000) {
  const secret = newSecret();
  await fx.database.identity.createSession({
    digest: digest(secret),
    userId: fx.userId(username),
    csrfToken: newSecret(),
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return digest(secret);
}

async function newToken(username: string) {
  const secret = newSecret('glpat-');
  const token = await fx.database.identity.createToken({
    digest: digest(secret),
    userId: fx.userId(username),
    name: 'test',
    scopes: ['api'],
    expiresAt: null,
  });
  return { digest: digest(secret), id: token.id };
}

describe('CachedCredentials', () => {
  it('reads a session or token once, and a missing one every time', async () => {
    const { identity, reads } = counting(fx.database.identity);
    const cached = new CachedCredentials(identity, sharedChannel()).identity;
    const session = await newSession('alice');
    const token = await newToken('bob');
    for (let i = 0; i < 5; i += 1) {
      expect((await cached.findLiveSession(session))?.account.username).toBe('alice');
      expect((await cached.findToken(token.digest))?.account.username).toBe('bob');
      expect(await cached.findLiveSession('no-such-digest')).toBeNull();
    }
    expect(reads).toEqual({ session: 1 + 5, token: 1 });
  });

  it('forgets a revoked session or token here and on every other process at once', async () => {
    const channel = sharedChannel();
    const a = new CachedCredentials(fx.database.identity, channel).identity;
    const b = new CachedCredentials(fx.database.identity, channel).identity;
    const session = await newSession('carol');
    const token = await newToken('carol');
    for (const process of [a, b]) {
      expect(await process.findLiveSession(session)).not.toBeNull();
      expect(await process.findToken(token.digest)).not.toBeNull();
    }
    await a.revokeSession(session);
    expect(await a.findLiveSession(session)).toBeNull();
    expect(await b.findLiveSession(session)).toBeNull();

    expect(await a.revokeToken(fx.userId('carol'), token.id)).toBe(true);
    for (const process of [a, b])
      expect((await process.findToken(token.digest))?.token.revokedAt).toBeInstanceOf(Date);
  });

  it('does not keep a lookup that was under way when a revocation came', async () => {
    const session = await newSession('dave');
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: IdentityRepository = new Proxy(fx.database.identity, {
      get(target, property, receiver) {
        if (property === 'findLiveSession')
          return async (key: string) => {
            const found = await target.findLiveSession(key);
            await gate; // read before the revocation, answered after it
            return found;
          };
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
    const cached = new CachedCredentials(slow, sharedChannel()).identity;
    const stale = cached.findLiveSession(session);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the read is in flight
    const revoking = cached.revokeSession(session);
    release();
    expect(await stale).not.toBeNull();
    await revoking;
    expect(await cached.findLiveSession(session)).toBeNull();
  });

  it('reads again after its TTL, when the session expires, and after clear()', async () => {
    let now = Date.now();
    const { identity, reads } = counting(fx.database.identity);
    const credentials = new CachedCredentials(identity, sharedChannel(), 1_000, 100, () => now);
    const session = await newSession('alice', 60_000);
    await credentials.identity.findLiveSession(session);
    now += 999;
    await credentials.identity.findLiveSession(session);
    expect(reads.session).toBe(1);
    now += 2;
    await credentials.identity.findLiveSession(session);
    expect(reads.session).toBe(2);
    credentials.clear();
    await credentials.identity.findLiveSession(session);
    expect(reads.session).toBe(3);
  });

  it("records a token's use in the cached copy, so the next request does not record it again", async () => {
    const cached = new CachedCredentials(fx.database.identity, sharedChannel()).identity;
    const token = await newToken('bob');
    expect((await cached.findToken(token.digest))?.token.lastUsedAt).toBeNull();
    await cached.touchToken(token.id);
    expect((await cached.findToken(token.digest))?.token.lastUsedAt).toBeInstanceOf(Date);
  });

  it('keeps at most its size, dropping the oldest', async () => {
    const credentials = new CachedCredentials(fx.database.identity, sharedChannel(), 60_000, 2);
    for (const username of ['alice', 'bob', 'carol'])
      await credentials.identity.findLiveSession(await newSession(username));
    expect(credentials.size).toBe(2);
  });
});
