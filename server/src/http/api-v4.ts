import express, { Router, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';

import type {
  AccountRecord,
  IdentityRepository,
  TokenRecord,
  TokenScope,
} from '../domain/identity.js';
import type { IssueUpdateService, UpdateResult } from '../domain/issue-update-service.js';
import type { IssueRepository } from '../domain/repository.js';
import { requireCsrfToken } from '../identity/request-auth.js';
import { digest, newSecret } from '../identity/secrets.js';

import { apiV4WriteRoutes } from './api-v4-writes.js';
import { isId, projectPathOf, signedIn } from './api-v4-helpers.js';
import { issueJson } from './issue-json.js';
import { id, INVALID, parseBody } from './rest-body.js';

export interface ApiV4Deps {
  identity: IdentityRepository;
  repository: IssueRepository;
  issues: IssueUpdateService;
  logger: Logger;
  /** Ends a user's cable connections on every process (token revoked). */
  disconnectUser(userId: number): Promise<void>;
}

const SCOPES: readonly TokenScope[] = ['api', 'read_api'];

/**
 * The REST endpoints scripts and GitLab's QA use (GitLab's paths and shapes): personal access
 * tokens, and `PUT /projects/:id/issues/:iid` with `assignee_ids` or `confidential`, which goes
 * through the same update service (and so the same permissions and triggers) as the GraphQL
 * mutation; creating issues, users and memberships is in api-v4-writes.ts.
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

  const issueUpdate = issueUpdateBody(deps.issues.maxAssignees);
  router.put('/api/v4/projects/:id/issues/:iid', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    // Before any read: 9,000 ids must not cost 9,000 lookups to be refused.
    const body = parseBody(issueUpdate, req, res);
    if (!body) return;
    const target = {
      projectPath: (await projectPathOf(deps.repository, req.params.id ?? '')) ?? '',
      iid: req.params.iid ?? '',
      actor: account,
    };
    const { confidential } = body;
    if (confidential !== undefined) {
      const result = await deps.issues.setConfidential({ ...target, confidential });
      if (result.issue) {
        deps.logger.info(
          { userId: account.id, issueId: result.issue.id, confidential },
          'issue confidentiality set over REST',
        );
      }
      answer(res, result);
      return;
    }
    const ids = body.assignee_ids ?? (body.assignee_id === undefined ? [] : [body.assignee_id]);
    const accounts = await Promise.all(
      [...new Set(ids)].filter((id) => id !== 0).map((id) => deps.identity.findAccountById(id)),
    );
    if (accounts.some((found) => found === null)) {
      res.status(400).json({ error: 'assignee_ids names an unknown user' });
      return;
    }
    const result = await deps.issues.setAssignees({
      ...target,
      usernames: accounts.map((found) => (found as AccountRecord).username),
      mode: 'REPLACE',
    });
    answer(res, result);
  });

  router.use(apiV4WriteRoutes(deps));

  return router;
}

/**
 * The body of `PUT /projects/:id/issues/:iid`: GitLab's `assignee_ids` (or its older
 * `assignee_id`; 0 unassigns) or `confidential`. One of them at least, as GitLab's
 * `at_least_one_of`; both kinds at once would be two transactions here, so they are refused
 * rather than half applied.
 */
function issueUpdateBody(maxAssignees: number) {
  return z
    .object({
      assignee_ids: z
        .array(id, INVALID)
        .refine((ids) => new Set(ids).size <= maxAssignees, {
          error: `may name at most ${maxAssignees} users`,
        })
        .optional(),
      assignee_id: id.optional(),
      confidential: z.boolean(INVALID).optional(),
    })
    .refine(
      (body) =>
        body.assignee_ids !== undefined ||
        body.assignee_id !== undefined ||
        body.confidential !== undefined,
      {
        error:
          'assignee_id, assignee_ids, confidential are missing, at least one parameter must be provided',
      },
    )
    .refine(
      (body) =>
        body.confidential === undefined ||
        (body.assignee_ids === undefined && body.assignee_id === undefined),
      { error: 'change assignee_ids and confidential in separate requests' },
    );
}

/** 404 without an existence oracle, the service's errors as GitLab's 400, or the issue. */
function answer(res: Response, result: UpdateResult): void {
  if (!result.issue) res.status(404).json({ message: '404 Issue Not Found' });
  else if (result.errors.length > 0) res.status(400).json({ message: result.errors });
  else res.json(issueJson(result.issue));
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
