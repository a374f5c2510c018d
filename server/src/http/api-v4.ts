import express, { Router } from 'express';
import type { Logger } from 'pino';

import type { IdentityRepository, TokenRecord, TokenScope } from '../domain/identity.js';
import type { IssueCreateService } from '../domain/issue-create-service.js';
import type { IssueUpdateService } from '../domain/issue-update-service.js';
import type { IssueRepository } from '../domain/repository.js';
import { requireCsrfToken } from '../identity/request-auth.js';
import { digest, newSecret } from '../identity/secrets.js';

import { apiV4WriteRoutes } from './api-v4-writes.js';
import { isId, signedIn } from './api-v4-helpers.js';
import { issueRoutes } from './issue-update-routes.js';

export interface ApiV4Deps {
  identity: IdentityRepository;
  repository: IssueRepository;
  issues: IssueUpdateService;
  issueCreator: IssueCreateService;
  logger: Logger;
  /** Ends a user's cable connections on every process (token revoked). */
  disconnectUser(userId: number): Promise<void>;
}

const SCOPES: readonly TokenScope[] = ['api', 'read_api'];

/**
 * The REST endpoints scripts and GitLab's QA use (GitLab's paths and shapes): personal access
 * tokens; reading and updating an issue (issue-update-routes.ts), which goes through the same
 * update service (and so the same permissions and triggers) as the GraphQL mutations; creating
 * issues, users and memberships is in api-v4-writes.ts.
 */
export function apiV4Routes(deps: ApiV4Deps): Router {
  const router = Router();
  router.use('/api/v4', express.json({ limit: '64kb' }), requireCsrfToken);

  router.get('/api/v4/personal_access_tokens', async (req, res) => {
    const account = signedIn(req, res, 'read');
    if (!account) return;
    res.json((await deps.identity.listTokens(account.id)).map(tokenJson));
  });

  router.post('/api/v4/user/personal_access_tokens', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const { name, scopes, expires_at: expiresAt } = (req.body ?? {}) as Record<string, unknown>;
    const expiry =
      typeof expiresAt === 'string' ? new Date(`${expiresAt.slice(0, 10)}T23:59:59Z`) : null;
    if (typeof name !== 'string' || !name.trim() || name.length > 255) {
      res.status(400).json({ message: '400 Bad request', error: 'name is missing' });
    } else if (
      !Array.isArray(scopes) ||
      scopes.length === 0 ||
      !scopes.every((s) => SCOPES.includes(s as TokenScope))
    ) {
      res
        .status(400)
        .json({ message: '400 Bad request', error: `scopes must be some of ${SCOPES.join(', ')}` });
    } else if (expiry && (Number.isNaN(expiry.getTime()) || expiry.getTime() <= Date.now())) {
      res.status(400).json({
        message: '400 Bad request',
        error: 'expires_at must be a future date (YYYY-MM-DD)',
      });
    } else {
      const secret = newSecret('glpat-');
      const token = await deps.identity.createToken({
        digest: digest(secret),
        userId: account.id,
        name: name.trim(),
        scopes: [...new Set(scopes as TokenScope[])],
        expiresAt: expiry,
      });
      deps.logger.info({ userId: account.id, tokenId: token.id }, 'personal access token created');
      res.status(201).json({ ...tokenJson(token), token: secret }); // the secret, this once only
    }
  });

  router.delete('/api/v4/personal_access_tokens/:id', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const id = Number(req.params.id);
    if (!isId(id) || !(await deps.identity.revokeToken(account.id, id))) {
      res.status(404).json({ message: '404 Not found' });
      return;
    }
    await deps.disconnectUser(account.id); // a connection made with that token must not live on
    res.status(204).end();
  });

  router.use(issueRoutes(deps));
  router.use(apiV4WriteRoutes(deps));

  return router;
}

function tokenJson(token: TokenRecord) {
  const expired = token.expiresAt !== null && token.expiresAt.getTime() <= Date.now();
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    created_at: token.createdAt.toISOString(),
    expires_at: token.expiresAt?.toISOString().slice(0, 10) ?? null,
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
    revoked: token.revokedAt !== null,
    active: token.revokedAt === null && !expired,
  };
}
