import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';

import { FEATURE_FLAG_NAMES, isFeatureFlagName } from '@shared/feature-flags.js';

import type { AccountRecord } from '../domain/identity.js';
import type { FeatureFlags, FeatureFlagState } from '../features/feature-flags.js';
import { authOf, principalOf, requireCsrfToken } from '../identity/request-auth.js';

export interface FeaturesApiDeps {
  features: FeatureFlags;
  logger: Logger;
}

/**
 * GitLab's Features API (admin only), boolean gates only:
 * - `GET /api/v4/features`: every flag with its state;
 * - `POST /api/v4/features/:name` with `value=true|false` (form or JSON): sets it everywhere;
 * - `DELETE /api/v4/features/:name`: back to the default (on).
 * A bearer token (PAT with `api` for changes) or a session with its CSRF token, like the
 * other API routes.
 */
export function featuresApiRoutes(deps: FeaturesApiDeps): Router {
  const router = Router();
  router.use(
    '/api/v4/features',
    express.json({ limit: '4kb' }),
    express.urlencoded({ extended: false, limit: '4kb' }),
    requireCsrfToken,
  );

  router.get('/api/v4/features', (req, res) => {
    if (!admin(req, res, 'read')) return;
    res.json(deps.features.list().map(featureJson));
  });

  router.post('/api/v4/features/:name', async (req, res) => {
    const account = admin(req, res, 'write');
    if (!account || !known(req.params.name, res)) return;
    const name = req.params.name;
    // Like GitLab (Grape), `value` may also come in the query string.
    const body = (req.body ?? {}) as Record<string, unknown>;
    const value = parseValue(body.value ?? req.query.value);
    if (value === null) {
      res.status(400).json({ message: '400 Bad request', error: 'value must be true or false' });
      return;
    }
    await deps.features.set(name, value, account);
    res.status(201).json(featureJson(deps.features.state(name)));
  });

  router.delete('/api/v4/features/:name', async (req, res) => {
    const account = admin(req, res, 'write');
    if (!account || !known(req.params.name, res)) return;
    await deps.features.reset(req.params.name, account);
    res.status(204).end();
  });

  return router;
}

/** The caller if an administrator; else answers 401 (anonymous) or 403 (not admin, read_api). */
function admin(req: Request, res: Response, need: 'read' | 'write'): AccountRecord | null {
  const principal = principalOf(authOf(req));
  if (!principal.account) {
    res.status(401).json({ message: '401 Unauthorized' });
    return null;
  }
  if (!principal.account.admin) {
    res.status(403).json({ message: '403 Forbidden', error: 'administrator access required' });
    return null;
  }
  if (need === 'write' && principal.readOnly) {
    res.status(403).json({ message: '403 Forbidden', error: 'insufficient_scope' });
    return null;
  }
  return principal.account;
}

function known(name: string, res: Response): boolean {
  if (isFeatureFlagName(name)) return true;
  res.status(404).json({
    message: '404 Feature flag Not Found',
    error: `unknown feature flag '${name.slice(0, 100)}'; known flags: ${FEATURE_FLAG_NAMES.join(', ')}`,
  });
  return false;
}

/** GitLab's API takes `value` as a string from forms or a boolean from JSON. */
function parseValue(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

/** GitLab's feature entity, with the boolean gate its `state` comes from. */
function featureJson(flag: FeatureFlagState) {
  return {
    name: flag.name,
    state: flag.enabled ? 'on' : 'off',
    gates: [{ key: 'boolean', value: flag.enabled }],
    default_enabled: true,
    description: flag.description,
  };
}
