import { createHash, randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';

import { AccessLevel } from '../domain/identity.js';
import { verifyPassword } from '../domain/passwords.js';
import type { AppDatabase } from './database.js';
import { DrizzleIdentityRepository } from './drizzle-identity-repository.js';
import * as schema from './schema.js';
import { personalAccessTokens, sessions, users } from './schema.js';
import { DEFAULT_DEMO_PASSWORD } from './seed-data.js';
import { drivers, useSeededFixture } from './test-fixture.js';

const HOUR_MS = 60 * 60 * 1000;

/** A fresh SHA-256 digest, as the auth layer computes from a random secret. */
const newDigest = (): string => createHash('sha256').update(randomUUID()).digest('hex');

/** A repository on the same connection whose every SQL statement is recorded. */
function recordingRepository(db: AppDatabase): {
  identity: DrizzleIdentityRepository;
  queries: string[];
} {
  const queries: string[] = [];
  const logger = { logQuery: (query: string) => void queries.push(query) };
  // Both drivers are node-postgres pools (the embedded database is reached over its socket).
  const client = (db as unknown as { $client: Pool }).$client;
  const recorded: AppDatabase = drizzle({ client, schema, logger });
  return { identity: new DrizzleIdentityRepository(recorded), queries };
}

describe.each(drivers)('%s', (driver) => {
  const fx = useSeededFixture(driver);
  const identity = () => fx.database.identity;

  describe('accounts', () => {
    it('finds an account by username or id with state, admin flag and password hash', async () => {
      const root = await identity().findAccountByUsername('root');
      expect(root).toMatchObject({
        id: fx.userId('root'),
        username: 'root',
        name: 'Administrator',
        state: 'active',
        admin: true,
      });
      expect(
        await verifyPassword(
          process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
          root?.passwordHash ?? '',
        ),
      ).toBe(true);

      const frank = await identity().findAccountById(fx.userId('frank'));
      expect(frank).toMatchObject({ username: 'frank', state: 'blocked', admin: false });
      expect(frank?.passwordHash).toMatch(/^scrypt\$/);
    });

    it('returns null for unknown accounts and matches usernames exactly', async () => {
      expect(await identity().findAccountByUsername('nobody')).toBeNull();
      expect(await identity().findAccountByUsername('Alice')).toBeNull();
      expect(await identity().findAccountById(-1)).toBeNull();
    });

    it('reports any state other than active as blocked', async () => {
      await fx.database.db
        .insert(users)
        .values({ username: 'gone', name: 'Gone', state: 'banned' });
      expect(await identity().findAccountByUsername('gone')).toMatchObject({
        state: 'blocked',
        passwordHash: null,
      });
    });
  });

  describe('sessions', () => {
    const createSession = (username: string, expiresInMs = HOUR_MS) =>
      identity().createSession({
        digest: newDigest(),
        userId: fx.userId(username),
        csrfToken: randomUUID(),
        expiresAt: new Date(Date.now() + expiresInMs),
      });

    it('creates a session and finds it live with its account', async () => {
      const digest = newDigest();
      const expiresAt = new Date(Date.now() + HOUR_MS);
      const session = await identity().createSession({
        digest,
        userId: fx.userId('alice'),
        csrfToken: 'csrf-1',
        expiresAt,
      });
      expect(session).toEqual({
        id: expect.any(Number) as number,
        userId: fx.userId('alice'),
        csrfToken: 'csrf-1',
        expiresAt,
      });

      const found = await identity().findLiveSession(digest);
      expect(found?.session).toEqual(session);
      expect(found?.account).toMatchObject({ username: 'alice', state: 'active', admin: false });
      expect(await identity().findLiveSession(newDigest())).toBeNull();
    });

    it('does not find an expired session', async () => {
      const digest = newDigest();
      await identity().createSession({
        digest,
        userId: fx.userId('bob'),
        csrfToken: 'csrf',
        expiresAt: new Date(Date.now() - 1000),
      });
      expect(await identity().findLiveSession(digest)).toBeNull();
    });

    it('judges expiry by the database clock', async () => {
      const session = await createSession('bob');
      const [row] = await fx.database.db
        .update(sessions)
        .set({ expiresAt: sql`now() - interval '1 millisecond'` })
        .where(eq(sessions.id, session.id))
        .returning({ digest: sessions.digest });
      expect(await identity().findLiveSession(row?.digest ?? '')).toBeNull();
    });

    it('revokes a session: its user id is returned and it is no longer found', async () => {
      const digest = newDigest();
      await identity().createSession({
        digest,
        userId: fx.userId('carol'),
        csrfToken: 'csrf',
        expiresAt: new Date(Date.now() + HOUR_MS),
      });
      const other = await createSession('carol');

      expect(await identity().revokeSession(digest)).toBe(fx.userId('carol'));
      expect(await identity().findLiveSession(digest)).toBeNull();
      expect(await identity().revokeSession(newDigest())).toBeNull();
      // Only that session: the user's other sessions stay signed in.
      const [otherRow] = await fx.database.db
        .select({ digest: sessions.digest })
        .from(sessions)
        .where(eq(sessions.id, other.id));
      expect(await identity().findLiveSession(otherRow?.digest ?? '')).not.toBeNull();
    });
  });

  describe('personal access tokens', () => {
    const createToken = (username: string, name = 'ci', expiresAt: Date | null = null) =>
      identity().createToken({
        digest: newDigest(),
        userId: fx.userId(username),
        name,
        scopes: ['read_api'],
        expiresAt,
      });

    it('creates a token and finds it with its account', async () => {
      const digest = newDigest();
      const expiresAt = new Date(Date.now() + 24 * HOUR_MS);
      const token = await identity().createToken({
        digest,
        userId: fx.userId('dave'),
        name: 'laptop',
        scopes: ['api', 'read_api'],
        expiresAt,
      });
      expect(token).toMatchObject({
        userId: fx.userId('dave'),
        name: 'laptop',
        scopes: ['api', 'read_api'],
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
      });
      expect(token.createdAt).toBeInstanceOf(Date);

      const found = await identity().findToken(digest);
      expect(found?.token).toEqual(token);
      expect(found?.account).toMatchObject({ username: 'dave', state: 'active' });
      expect(await identity().findToken(newDigest())).toBeNull();
    });

    it('finds expired and revoked tokens too, with their state', async () => {
      const digest = newDigest();
      const expired = await identity().createToken({
        digest,
        userId: fx.userId('bob'),
        name: 'old',
        scopes: ['api'],
        expiresAt: new Date(Date.now() - HOUR_MS),
      });
      expect(await identity().revokeToken(fx.userId('bob'), expired.id)).toBe(true);
      const found = await identity().findToken(digest);
      expect(found?.token.expiresAt?.getTime()).toBeLessThan(Date.now());
      expect(found?.token.revokedAt).toBeInstanceOf(Date);
    });

    it('rejects scopes other than api and read_api', async () => {
      await expect(
        identity().createToken({
          digest: newDigest(),
          userId: fx.userId('bob'),
          name: 'bad',
          scopes: ['sudo' as 'api'],
          expiresAt: null,
        }),
      ).rejects.toThrow();
    });

    it("lists a user's tokens in creation order, revoked ones included", async () => {
      const first = await createToken('erin', 'first');
      const second = await createToken('erin', 'second');
      await createToken('grace', 'not erin');
      await identity().revokeToken(fx.userId('erin'), first.id);

      const listed = await identity().listTokens(fx.userId('erin'));
      expect(listed.map((t) => t.name)).toEqual(['first', 'second']);
      expect(listed[0]?.revokedAt).toBeInstanceOf(Date);
      expect(listed[1]).toEqual(second);
      expect(await identity().listTokens(fx.userId('root'))).toEqual([]);
    });

    it("revokes only the caller's own token, once", async () => {
      const token = await createToken('alice');
      expect(await identity().revokeToken(fx.userId('bob'), token.id)).toBe(false);
      expect((await identity().listTokens(fx.userId('alice'))).at(-1)?.revokedAt).toBeNull();

      expect(await identity().revokeToken(fx.userId('alice'), token.id)).toBe(true);
      const revokedAt = (await identity().listTokens(fx.userId('alice'))).at(-1)?.revokedAt;
      expect(revokedAt).toBeInstanceOf(Date);
      expect(await identity().revokeToken(fx.userId('alice'), token.id)).toBe(false);
      expect(await identity().revokeToken(fx.userId('alice'), -1)).toBe(false);
      expect((await identity().listTokens(fx.userId('alice'))).at(-1)?.revokedAt).toEqual(
        revokedAt,
      );
    });

    it('records use at most once a minute, in one UPDATE', async () => {
      const token = await createToken('carol');
      const lastUsed = async () => {
        const [row] = await fx.database.db
          .select({ at: personalAccessTokens.lastUsedAt })
          .from(personalAccessTokens)
          .where(eq(personalAccessTokens.id, token.id));
        return row?.at ?? null;
      };

      const { identity: recorded, queries } = recordingRepository(fx.database.db);
      await recorded.touchToken(token.id);
      expect(queries).toHaveLength(1);
      expect(queries[0]).toMatch(/^update /);
      const first = await lastUsed();
      expect(first).toBeInstanceOf(Date);

      await identity().touchToken(token.id);
      expect(await lastUsed()).toEqual(first);

      await fx.database.db
        .update(personalAccessTokens)
        .set({ lastUsedAt: sql`now() - interval '61 seconds'` })
        .where(eq(personalAccessTokens.id, token.id));
      const old = await lastUsed();
      await identity().touchToken(token.id);
      expect((await lastUsed())?.getTime()).toBeGreaterThan(old?.getTime() ?? Infinity);
    });
  });

  describe('projectViewers', () => {
    it('returns members, non-members, blocked users and admins in one query', async () => {
      const ids = ['root', 'alice', 'dave', 'erin', 'frank', 'grace'].map((u) => fx.userId(u));
      const { identity: recorded, queries } = recordingRepository(fx.database.db);

      const viewers = await recorded.projectViewers(fx.projectId, [...ids, -1, ids[0] ?? 0]);

      expect(queries).toHaveLength(1);
      expect(Object.fromEntries([...viewers].map(([id, v]) => [id, v]))).toEqual(
        Object.fromEntries(
          [
            { userId: fx.userId('root'), state: 'active', admin: true, accessLevel: null },
            {
              userId: fx.userId('alice'),
              state: 'active',
              admin: false,
              accessLevel: AccessLevel.maintainer,
            },
            {
              userId: fx.userId('dave'),
              state: 'active',
              admin: false,
              accessLevel: AccessLevel.guest,
            },
            { userId: fx.userId('erin'), state: 'active', admin: false, accessLevel: null },
            {
              userId: fx.userId('frank'),
              state: 'blocked',
              admin: false,
              accessLevel: AccessLevel.developer,
            },
            { userId: fx.userId('grace'), state: 'active', admin: false, accessLevel: null },
          ].map((v) => [v.userId, v]),
        ),
      );
      expect(viewers.has(-1)).toBe(false);
    });

    it('reads the access level of that project only', async () => {
      const viewers = await identity().projectViewers(fx.secretProjectId, [
        fx.userId('alice'),
        fx.userId('grace'),
        fx.userId('bob'),
      ]);
      expect(viewers.get(fx.userId('alice'))?.accessLevel).toBe(AccessLevel.reporter);
      expect(viewers.get(fx.userId('grace'))?.accessLevel).toBe(AccessLevel.owner);
      expect(viewers.get(fx.userId('bob'))?.accessLevel).toBeNull();
    });

    it('asks nothing for no users; in an unknown project nobody is a member', async () => {
      const { identity: recorded, queries } = recordingRepository(fx.database.db);
      expect((await recorded.projectViewers(fx.projectId, [])).size).toBe(0);
      expect(queries).toHaveLength(0);
      const viewers = await identity().projectViewers(-1, [fx.userId('alice')]);
      expect(viewers.get(fx.userId('alice'))?.accessLevel).toBeNull();
    });
  });

  describe('creating accounts and members', () => {
    it('creates an account once per username and email, and a membership once per project', async () => {
      const created = await identity().createAccount({
        username: 'new-user',
        name: 'New User',
        email: 'new-user@example.com',
        passwordHash: 'scrypt$x',
        admin: false,
      });
      expect(created).toMatchObject({
        kind: 'created',
        account: { username: 'new-user', state: 'active', admin: false },
      });
      const again = { name: 'Other', passwordHash: 'scrypt$y', admin: true };
      expect(
        await identity().createAccount({ ...again, username: 'new-user', email: 'o@example.com' }),
      ).toEqual({ kind: 'taken', field: 'username' });
      expect(
        await identity().createAccount({
          ...again,
          username: 'other-user',
          email: 'new-user@example.com',
        }),
      ).toEqual({ kind: 'taken', field: 'email' });
      expect((await identity().findAccountByUsername('new-user'))?.name).toBe('New User');
      expect(await identity().findAccountByUsername('other-user')).toBeNull();

      const id = created.kind === 'created' ? created.account.id : -1;
      expect(await identity().addMember(fx.projectId, id, AccessLevel.reporter)).toBe(true);
      expect(await identity().addMember(fx.projectId, id, AccessLevel.owner)).toBe(false);
      const viewers = await identity().projectViewers(fx.projectId, [id]);
      expect(viewers.get(id)?.accessLevel).toBe(AccessLevel.reporter);
    });
  });
});
