import express, { Router } from 'express';
import type { Logger } from 'pino';

import type { IdentityRepository } from '../domain/identity.js';
import type { UserStatusRecord } from '../domain/types.js';
import { messageHtml, type UserStatusService } from '../domain/user-status-service.js';
import { requireCsrfToken } from '../identity/request-auth.js';

import { signedIn } from './api-v4-helpers.js';

export interface UserStatusRouteDeps {
  statuses: UserStatusService;
  identity: IdentityRepository;
  logger: Logger;
}

/**
 * GitLab's user status API: `PUT /api/v4/user/status` (`availability`, `message`, `emoji`;
 * a field not sent is cleared, as GitLab's PUT does), `GET /api/v4/user/status` and
 * `GET /api/v4/users/:id/status` (numeric id or username). Invalid input answers 400 with
 * GitLab's validation shape, `{"message":{"<field>":["<problem>"]}}`, and writes nothing.
 */
export function userStatusRoutes(deps: UserStatusRouteDeps): Router {
  const router = Router();
  router.use('/api/v4/user/status', express.json({ limit: '16kb' }), requireCsrfToken);

  router.put('/api/v4/user/status', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return void res
        .status(400)
        .json({ message: '400 Bad request', error: 'body is not a JSON object' });
    }
    const { availability, message, emoji } = body as Record<string, unknown>;
    const result = await deps.statuses.set(account.id, { availability, message, emoji });
    if (result.kind === 'invalid') {
      deps.logger.info({ userId: account.id, errors: result.errors }, 'user status refused');
      return void res.status(400).json({ message: result.errors });
    }
    deps.logger.info(
      { userId: account.id, availability: result.status?.availability },
      'user status set',
    );
    res.json(statusJson(result.status));
  });

  router.get('/api/v4/user/status', async (req, res) => {
    const account = signedIn(req, res, 'read');
    if (!account) return;
    res.json(statusJson(await deps.statuses.find(account.id)));
  });

  router.get('/api/v4/users/:id/status', async (req, res) => {
    const id = req.params.id;
    const user = /^\d{1,9}$/.test(id)
      ? await deps.identity.findAccountById(Number(id))
      : id.length <= 255
        ? await deps.identity.findAccountByUsername(id)
        : null;
    if (!user) return void res.status(404).json({ message: '404 User Not Found' });
    res.json(statusJson(await deps.statuses.find(user.id)));
  });

  return router;
}

/** GitLab's `Entities::UserStatus`; every field null when the user has no status. */
function statusJson(status: UserStatusRecord | null) {
  return {
    emoji: status?.emoji ?? null,
    message: status?.message ?? null,
    availability: status?.availability ?? null,
    message_html: status ? messageHtml(status) : null,
    clear_status_at: null,
  };
}
