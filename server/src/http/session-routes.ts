import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';

import { toGlobalId } from '@shared/graphql/global-id.js';

import type { IdentityRepository } from '../domain/identity.js';
import { hashPassword, verifyPassword } from '../domain/passwords.js';
import { SESSION_COOKIE } from '../identity/authenticate.js';
import { authOf, requireCsrfToken } from '../identity/request-auth.js';
import { digest, newSecret } from '../identity/secrets.js';
import type { SignInThrottle } from '../identity/sign-in-throttle.js';

export interface SessionRoutesDeps {
  identity: IdentityRepository;
  throttle: SignInThrottle;
  logger: Logger;
  /** Ends a user's cable connections on every process (sign-out). */
  disconnectUser(userId: number): Promise<void>;
  sessionTtlMs?: number;
}

const INVALID = 'Invalid username or password.';
// Verified against when the username is unknown, so both answers take as long.
const dummyHash = hashPassword(newSecret());

/**
 * `POST /users/sign_in` (JSON `{username, password}`) and `POST /users/sign_out`, at GitLab's
 * paths. The session lives in the database, so every process sees it and sign-out revokes it
 * everywhere; the cookie holds only the random secret whose digest is stored.
 */
export function sessionRoutes(deps: SessionRoutesDeps): Router {
  const router = Router();
  const ttl = deps.sessionTtlMs ?? 7 * 24 * 3600 * 1000;

  router.post(
    '/users/sign_in',
    express.json({ limit: '4kb' }),
    async (req: Request, res: Response) => {
      const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
      if (
        typeof username !== 'string' ||
        typeof password !== 'string' ||
        !username ||
        username.length > 255 ||
        password.length > 1024
      ) {
        res.status(400).json({ error: 'Enter a username and a password.' });
        return;
      }
      const ip = req.ip ?? 'unknown';
      const wait = await deps.throttle.retryAfter(username, ip);
      if (wait > 0) {
        deps.logger.warn({ username, ip }, 'sign-in throttled');
        res
          .status(429)
          .set('Retry-After', String(wait))
          .json({
            error: `Too many failed sign-in attempts. Try again in ${wait} seconds.`,
            retryAfterSeconds: wait,
          });
        return;
      }
      const account = await deps.identity.findAccountByUsername(username);
      const valid = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
      if (!account || !account.passwordHash || !valid) {
        await deps.throttle.failed(username, ip);
        deps.logger.info({ username, ip }, 'sign-in failed');
        res.status(401).json({ error: INVALID });
        return;
      }
      if (account.state !== 'active') {
        res
          .status(403)
          .json({ error: 'Your account has been blocked. Contact your administrator.' });
        return;
      }
      await deps.throttle.succeeded(username);
      const secret = newSecret();
      const session = await deps.identity.createSession({
        digest: digest(secret),
        userId: account.id,
        csrfToken: newSecret(),
        expiresAt: new Date(Date.now() + ttl),
      });
      res.cookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/',
        maxAge: ttl,
      });
      deps.logger.info({ userId: account.id }, 'signed in');
      res.json({
        user: {
          id: toGlobalId('User', account.id),
          username: account.username,
          name: account.name,
        },
        csrfToken: session.csrfToken,
      });
    },
  );

  router.post('/users/sign_out', requireCsrfToken, async (req: Request, res: Response) => {
    const auth = authOf(req);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    if (auth.kind === 'session') {
      const userId = await deps.identity.revokeSession(auth.sessionDigest);
      if (userId !== null) await deps.disconnectUser(userId);
      deps.logger.info({ userId }, 'signed out');
    }
    res.status(204).end();
  });

  return router;
}
