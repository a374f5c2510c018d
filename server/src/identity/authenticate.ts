import type { IncomingHttpHeaders } from 'node:http';

import { parse as parseCookies } from 'cookie';

import {
  TOKEN_TOUCH_INTERVAL_MS,
  type AccountRecord,
  type IdentityRepository,
  type SessionRecord,
  type TokenRecord,
  type TokenScope,
} from '../domain/identity.js';

import { digest } from './secrets.js';

/** The session cookie (GitLab's name). */
export const SESSION_COOKIE = '_gitlab_session';

/** Who is asking, as HTTP and the cable both see it. */
export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'session'; account: AccountRecord; session: SessionRecord; sessionDigest: string }
  | { kind: 'token'; account: AccountRecord; token: TokenRecord }
  /** A bearer token was sent but cannot be used: HTTP 401, cable `unauthorized`. */
  | {
      kind: 'rejected';
      reason: 'token_invalid' | 'token_expired' | 'token_revoked' | 'user_blocked';
    };

/** Scopes of an authentication: a browser session may do everything its user may. */
export function scopesOf(auth: Authentication): readonly TokenScope[] {
  if (auth.kind === 'session') return ['api'];
  if (auth.kind === 'token') return auth.token.scopes;
  return [];
}

export function accountOf(auth: Authentication): AccountRecord | null {
  return auth.kind === 'session' || auth.kind === 'token' ? auth.account : null;
}

/**
 * Reads the credentials of a request: `Authorization: Bearer <token>` first (scripts), then the
 * session cookie (browsers). A bad or missing cookie is simply anonymous (as GitLab does); a
 * bad bearer token is a rejection, so a script learns its token is wrong.
 */
export async function authenticate(
  headers: IncomingHttpHeaders,
  identity: IdentityRepository,
): Promise<Authentication> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) return authenticateToken(bearer, identity);

  const cookie = headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
  if (!cookie) return { kind: 'anonymous' };
  const sessionDigest = digest(cookie);
  const found = await identity.findLiveSession(sessionDigest);
  if (!found || found.account.state !== 'active') return { kind: 'anonymous' };
  return { kind: 'session', account: found.account, session: found.session, sessionDigest };
}

async function authenticateToken(
  secret: string,
  identity: IdentityRepository,
): Promise<Authentication> {
  const found = await identity.findToken(digest(secret));
  if (!found) return { kind: 'rejected', reason: 'token_invalid' };
  const { token, account } = found;
  if (token.revokedAt) return { kind: 'rejected', reason: 'token_revoked' };
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now())
    return { kind: 'rejected', reason: 'token_expired' };
  if (account.state !== 'active') return { kind: 'rejected', reason: 'user_blocked' };
  // last_used_at is kept to the minute (as GitLab throttles it): a token used within the last
  // minute skips the UPDATE, which was one of the few statements of every scripted request.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() >= TOKEN_TOUCH_INTERVAL_MS)
    await identity.touchToken(token.id);
  return { kind: 'token', account, token };
}
