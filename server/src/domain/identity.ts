import type { UserRecord } from './types.js';

/** GitLab's member roles and their access levels. */
export const AccessLevel = Object.freeze({
  guest: 10,
  reporter: 20,
  developer: 30,
  maintainer: 40,
  owner: 50,
} as const);
export type AccessLevel = (typeof AccessLevel)[keyof typeof AccessLevel];

export type UserState = 'active' | 'blocked';

/** A user with what sign-in and permissions need (never sent to clients as is). */
export interface AccountRecord extends UserRecord {
  state: UserState;
  admin: boolean;
  /** scrypt hash (see passwords.ts); null: password sign-in disabled. */
  passwordHash: string | null;
}

/** What permission checks need to know about a user in one project, as they are now. */
export interface ProjectViewer {
  userId: number;
  state: UserState;
  admin: boolean;
  /** Null when not a member of the project. */
  accessLevel: AccessLevel | null;
}

export interface SessionRecord {
  id: number;
  userId: number;
  /** Sent as X-CSRF-Token by cookie-authenticated requests. */
  csrfToken: string;
  expiresAt: Date;
}

export type CreateAccountResult =
  { kind: 'created'; account: AccountRecord } | { kind: 'taken'; field: 'username' | 'email' };

export type TokenScope = 'api' | 'read_api';

export interface TokenRecord {
  id: number;
  userId: number;
  name: string;
  scopes: TokenScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/**
 * Storage for accounts, memberships, sessions and personal access tokens. Secrets are never
 * stored: sessions and tokens are looked up by the SHA-256 digest of their secret.
 */
/** How often a token's `last_used_at` is written at most (GitLab throttles it too). */
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export interface IdentityRepository {
  findAccountByUsername(username: string): Promise<AccountRecord | null>;
  findAccountById(id: number): Promise<AccountRecord | null>;

  /**
   * Creates an active account, or says which unique field is taken (nothing written). The
   * email is stored as given: callers normalise it (lower case) first.
   */
  createAccount(account: {
    username: string;
    name: string;
    email: string;
    passwordHash: string;
    admin: boolean;
  }): Promise<CreateAccountResult>;
  /** Adds a membership; false when the user is already a member (nothing changed). */
  addMember(projectId: number, userId: number, accessLevel: AccessLevel): Promise<boolean>;

  createSession(session: {
    digest: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<SessionRecord>;
  /** The session and its account, when it exists, is not revoked and has not expired. */
  findLiveSession(
    digest: string,
  ): Promise<{ session: SessionRecord; account: AccountRecord } | null>;
  /** Revokes the session; returns its user id, or null when there was none. */
  revokeSession(digest: string): Promise<number | null>;

  createToken(token: {
    digest: string;
    userId: number;
    name: string;
    scopes: TokenScope[];
    expiresAt: Date | null;
  }): Promise<TokenRecord>;
  /** The token and its account whatever its state (the caller tells expired from revoked). */
  findToken(digest: string): Promise<{ token: TokenRecord; account: AccountRecord } | null>;
  listTokens(userId: number): Promise<TokenRecord[]>;
  /** Revokes one of the user's tokens; false when it is not theirs or already revoked. */
  revokeToken(userId: number, tokenId: number): Promise<boolean>;
  /** Records use, at most about once a minute per token (callers may call it on every request). */
  touchToken(tokenId: number): Promise<void>;

  /** One query for many users of one project (a push checks every viewer at once). */
  projectViewers(
    projectId: number,
    userIds: readonly number[],
  ): Promise<Map<number, ProjectViewer>>;
}
