/**
 * `IdentityRepository` on Drizzle: accounts, memberships, sessions and personal access tokens.
 * Times that decide whether something is live (expiry, revocation, last use) are compared with
 * the database's `now()`, so every server process agrees whatever its own clock says.
 */
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';

import {
  TOKEN_TOUCH_INTERVAL_MS,
  type AccessLevel,
  type AccountRecord,
  type CreateAccountResult,
  type IdentityRepository,
  type ProjectViewer,
  type SessionRecord,
  type TokenRecord,
  type TokenScope,
} from '../domain/identity.js';
import type { AppDatabase } from './database.js';
import { members, personalAccessTokens, sessions, users } from './schema.js';

const accountColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  state: users.state,
  admin: users.admin,
  passwordHash: users.passwordHash,
};

const sessionColumns = {
  id: sessions.id,
  userId: sessions.userId,
  csrfToken: sessions.csrfToken,
  expiresAt: sessions.expiresAt,
};

const tokenColumns = {
  id: personalAccessTokens.id,
  userId: personalAccessTokens.userId,
  name: personalAccessTokens.name,
  scopes: personalAccessTokens.scopes,
  expiresAt: personalAccessTokens.expiresAt,
  revokedAt: personalAccessTokens.revokedAt,
  createdAt: personalAccessTokens.createdAt,
  lastUsedAt: personalAccessTokens.lastUsedAt,
};

/** `touchToken` writes at most this often per token. */
const TOUCH_INTERVAL = sql`make_interval(secs => ${TOKEN_TOUCH_INTERVAL_MS / 1000})`;

/**
 * GitLab has more states than `active` and `blocked` (`deactivated`, `banned`, ...); whatever
 * is not `active` may not sign in or see anything, so it is reported as `blocked`.
 */
export const toUserState = (state: string): AccountRecord['state'] =>
  state === 'active' ? 'active' : 'blocked';

function toAccount(row: { state: string } & Omit<AccountRecord, 'state'>): AccountRecord {
  return { ...row, state: toUserState(row.state) };
}

function firstOrThrow<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`${what}: the database returned no row`);
  return row;
}

/** Reads and writes accounts, memberships, sessions and tokens through Drizzle. */
export class DrizzleIdentityRepository implements IdentityRepository {
  constructor(private readonly db: AppDatabase) {}

  findAccountByUsername(username: string): Promise<AccountRecord | null> {
    return this.findAccount(eq(users.username, username));
  }

  findAccountById(id: number): Promise<AccountRecord | null> {
    return this.findAccount(eq(users.id, id));
  }

  async createAccount(account: {
    username: string;
    name: string;
    email: string;
    passwordHash: string;
    admin: boolean;
  }): Promise<CreateAccountResult> {
    // ON CONFLICT (either unique column): two concurrent requests cannot both succeed.
    const [row] = await this.db
      .insert(users)
      .values(account)
      .onConflictDoNothing()
      .returning(accountColumns);
    if (row) return { kind: 'created', account: toAccount(row) };
    // The email first, as GitLab checks it first.
    const [byEmail] = await this.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, account.email));
    return { kind: 'taken', field: byEmail ? 'email' : 'username' };
  }

  async addMember(projectId: number, userId: number, accessLevel: AccessLevel): Promise<boolean> {
    const rows = await this.db
      .insert(members)
      .values({ projectId, userId, accessLevel })
      .onConflictDoNothing({ target: [members.projectId, members.userId] })
      .returning({ userId: members.userId });
    return rows.length > 0;
  }

  async createSession(session: {
    digest: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<SessionRecord> {
    const rows = await this.db.insert(sessions).values(session).returning(sessionColumns);
    return firstOrThrow(rows, 'createSession');
  }

  async findLiveSession(
    digest: string,
  ): Promise<{ session: SessionRecord; account: AccountRecord } | null> {
    const [row] = await this.db
      .select({ session: sessionColumns, account: accountColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.digest, digest),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql`now()`),
        ),
      );
    return row ? { session: row.session, account: toAccount(row.account) } : null;
  }

  /** Keeps the first revocation time when revoked twice; the user id is returned either way. */
  async revokeSession(digest: string): Promise<number | null> {
    const [row] = await this.db
      .update(sessions)
      .set({ revokedAt: sql`coalesce(${sessions.revokedAt}, now())` })
      .where(eq(sessions.digest, digest))
      .returning({ userId: sessions.userId });
    return row?.userId ?? null;
  }

  async createToken(token: {
    digest: string;
    userId: number;
    name: string;
    scopes: TokenScope[];
    expiresAt: Date | null;
  }): Promise<TokenRecord> {
    const rows = await this.db
      .insert(personalAccessTokens)
      .values({ ...token, scopes: [...token.scopes] })
      .returning(tokenColumns);
    return firstOrThrow(rows, 'createToken');
  }

  async findToken(digest: string): Promise<{ token: TokenRecord; account: AccountRecord } | null> {
    const [row] = await this.db
      .select({ token: tokenColumns, account: accountColumns })
      .from(personalAccessTokens)
      .innerJoin(users, eq(users.id, personalAccessTokens.userId))
      .where(eq(personalAccessTokens.digest, digest));
    return row ? { token: row.token, account: toAccount(row.account) } : null;
  }

  /** The user's tokens in creation order, revoked and expired ones included. */
  listTokens(userId: number): Promise<TokenRecord[]> {
    return this.db
      .select(tokenColumns)
      .from(personalAccessTokens)
      .where(eq(personalAccessTokens.userId, userId))
      .orderBy(asc(personalAccessTokens.id));
  }

  async revokeToken(userId: number, tokenId: number): Promise<boolean> {
    const rows = await this.db
      .update(personalAccessTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(personalAccessTokens.id, tokenId),
          eq(personalAccessTokens.userId, userId),
          isNull(personalAccessTokens.revokedAt),
        ),
      )
      .returning({ id: personalAccessTokens.id });
    return rows.length > 0;
  }

  /** One UPDATE whose WHERE skips tokens used within the last minute: no read, no race. */
  async touchToken(tokenId: number): Promise<void> {
    await this.db
      .update(personalAccessTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(personalAccessTokens.id, tokenId),
          or(
            isNull(personalAccessTokens.lastUsedAt),
            lt(personalAccessTokens.lastUsedAt, sql`now() - ${TOUCH_INTERVAL}`),
          ),
        ),
      );
  }

  /** Users left join their membership of the project, in one query; unknown ids are absent. */
  async projectViewers(
    projectId: number,
    userIds: readonly number[],
  ): Promise<Map<number, ProjectViewer>> {
    const viewers = new Map<number, ProjectViewer>();
    if (userIds.length === 0) return viewers;
    const rows = await this.db
      .select({
        userId: users.id,
        state: users.state,
        admin: users.admin,
        accessLevel: members.accessLevel,
      })
      .from(users)
      .leftJoin(members, and(eq(members.userId, users.id), eq(members.projectId, projectId)))
      .where(inArray(users.id, [...new Set(userIds)]));
    for (const row of rows) {
      viewers.set(row.userId, { ...row, state: toUserState(row.state) });
    }
    return viewers;
  }

  private async findAccount(where: SQL): Promise<AccountRecord | null> {
    const [row] = await this.db.select(accountColumns).from(users).where(where);
    return row ? toAccount(row) : null;
  }
}
