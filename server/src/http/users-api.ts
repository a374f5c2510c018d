import { Router } from 'express';
import { z } from 'zod';

import type { DirectoryUser, UserDirectory } from '../domain/user-directory.js';
import { urls } from '../graphql/resolvers/urls.js';
import { authOf, principalOf } from '../identity/request-auth.js';
import { isAdmin } from '../permissions/ability.js';

import { isId } from './api-v4-helpers.js';
import { INVALID, parseQuery } from './rest-body.js';

export interface UsersApiDeps {
  users: UserDirectory;
}

/** GitLab's page size by default, and its largest (a bigger `per_page` is lowered to it). */
const PER_PAGE = 20;
const MAX_PER_PAGE = 100;

const count = (max: number) =>
  z.coerce.number(INVALID).int(INVALID).min(1, INVALID).max(max, INVALID);

const ListQuery = z.object({
  page: count(10_000).default(1),
  per_page: z.coerce
    .number(INVALID)
    .int(INVALID)
    .min(1, INVALID)
    .default(PER_PAGE)
    .transform((n) => Math.min(n, MAX_PER_PAGE)),
  username: z.string(INVALID).max(255, INVALID).optional(),
});

/**
 * GitLab's `GET /api/v4/users` and `GET /api/v4/users/:id`, with its rules: anonymous callers
 * may only look a username up, signed-in users see public fields, and administrators also see
 * `email` and `is_admin` (GitLab's `UserWithAdmin` and `UserDetailsWithAdmin`). The email is
 * read from the database only to be shown to an administrator.
 */
export function usersApiRoutes(deps: UsersApiDeps): Router {
  const router = Router();

  router.get('/api/v4/users', async (req, res) => {
    const query = parseQuery(ListQuery, req, res);
    if (!query) return;
    const viewer = principalOf(authOf(req)).account;
    if (!viewer && query.username === undefined) {
      // GitLab: nobody lists every account anonymously, a username lookup gives 0 or 1.
      res.status(403).json({ message: '403 Forbidden - Not authorized to access /api/v4/users' });
      return;
    }
    const { page, per_page: perPage, username } = query;
    const found = await deps.users.list({
      username,
      offset: (page - 1) * perPage,
      limit: perPage + 1, // one more tells whether there is a next page
    });
    const users = found.slice(0, perPage);
    res.set({
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': found.length > perPage ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
    });
    res.json(users.map(isAdmin(viewer) ? withAdminJson : basicJson));
  });

  router.get('/api/v4/users/:id', async (req, res, next) => {
    // GitLab's route takes digits only; anything else is another route, or a 404.
    if (!/^\d+$/.test(req.params.id)) return void next();
    const viewer = principalOf(authOf(req)).account;
    if (!viewer) return void res.status(403).json({ message: '403 Forbidden - Not authorized!' });
    const id = Number(req.params.id);
    const user = isId(id) ? await deps.users.find(id) : null;
    if (!user) return void res.status(404).json({ message: '404 User Not Found' });
    res.json(isAdmin(viewer) ? withAdminJson(user) : detailsJson(user));
  });

  return router;
}

/** GitLab's `UserBasic`. */
function basicJson(user: DirectoryUser) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    locked: false,
    avatar_url: urls.avatar(user),
    web_url: urls.user(user),
  };
}

/** GitLab's `User` (one user, to anyone signed in): the basic fields and when they joined. */
function detailsJson(user: DirectoryUser) {
  return { ...basicJson(user), created_at: user.createdAt.toISOString() };
}

/** GitLab's `UserWithAdmin`: for administrators only. */
function withAdminJson(user: DirectoryUser) {
  return { ...detailsJson(user), email: user.email, is_admin: user.admin };
}
