import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

import type { NextFunction, Request, Response } from 'express';

import type { IdentityRepository } from '../domain/identity.js';
import { ANONYMOUS, type Principal } from '../permissions/principal.js';

import { accountOf, authenticate, scopesOf, type Authentication } from './authenticate.js';

const authentications = new WeakMap<IncomingMessage, Authentication>();

/** The authentication the middleware attached to this request (anonymous if none). */
export function authOf(request: IncomingMessage): Authentication {
  return authentications.get(request) ?? { kind: 'anonymous' };
}

export function principalOf(auth: Authentication): Principal {
  const account = accountOf(auth);
  if (!account) return ANONYMOUS;
  return { account, readOnly: !scopesOf(auth).includes('api') };
}

/**
 * Authenticates every request once. A rejected bearer token is answered 401 here, with the
 * reason (GitLab's `invalid_token` / `token_expired` / `token_revoked`), so nothing after it runs.
 */
export function authMiddleware(identity: IdentityRepository) {
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticate(req.headers, identity).then(
      (auth) => {
        if (auth.kind === 'rejected') {
          res.status(401).json({ message: '401 Unauthorized', error: auth.reason });
          return;
        }
        authentications.set(req, auth);
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

/**
 * CSRF protection for cookie-authenticated writes: the browser sends cookies on any site's
 * form post, so a state-changing request with a session must also carry the session's token
 * from the page's `<meta name="csrf-token">` (GitLab's rule). Bearer requests need none.
 */
export function requireCsrfToken(req: Request, res: Response, next: NextFunction): void {
  const auth = authOf(req);
  if (auth.kind !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
    next();
    return;
  }
  const sent = req.get('x-csrf-token') ?? '';
  const expected = auth.session.csrfToken;
  const ok =
    sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) {
    res.status(403).json({ message: '403 Forbidden', error: 'CSRF token is missing or invalid' });
    return;
  }
  next();
}
