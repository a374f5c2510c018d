/**
 * The app's pages by URL, known to both sides: the client's router (client/src/router.ts) shows
 * them, and the server answers each page's HTML with the right status and title before the
 * client runs (404 for unknown pages). `router.test.ts` keeps the two tables in step.
 */

export const SIGN_IN_PATH = '/users/sign_in';
export const PERSONAL_ACCESS_TOKENS_PATH = '/-/user_settings/personal_access_tokens';
export const ADMIN_FEATURE_FLAGS_PATH = '/admin/feature_flags';

export type PageRoute =
  | { name: 'home' }
  | { name: 'sign-in' }
  | { name: 'personal-access-tokens' }
  | { name: 'admin-feature-flags' }
  | { name: 'issues'; fullPath: string }
  | { name: 'new-issue'; fullPath: string }
  | { name: 'issue'; fullPath: string; iid: string }
  | { name: 'user'; username: string }
  | { name: 'not-found' };

/** A namespace or project path segment, as GitLab allows them. */
const SEGMENT = '[A-Za-z0-9_.][A-Za-z0-9_.-]*';
/** `group/project` or deeper: at least two segments. */
const PROJECT = `(${SEGMENT}(?:/${SEGMENT})+)`;
/** GitLab's username rule (as `POST /api/v4/users` checks it). */
export const USERNAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;

/**
 * First segments that are never usernames (GitLab reserves them): the app's own routes, the
 * API and the static files.
 */
const RESERVED = new Set([
  '-',
  'admin',
  'api',
  'assets',
  'avatars',
  'dashboard',
  'explore',
  'groups',
  'help',
  'projects',
  'search',
  'users',
]);

const PROJECT_PAGES: [RegExp, (fullPath: string, iid: string) => PageRoute][] = [
  [new RegExp(`^/${PROJECT}/-/issues/?$`), (fullPath) => ({ name: 'issues', fullPath })],
  [new RegExp(`^/${PROJECT}/-/issues/new/?$`), (fullPath) => ({ name: 'new-issue', fullPath })],
  [
    new RegExp(`^/${PROJECT}/-/issues/(\\d{1,9})/?$`),
    (fullPath, iid) => ({ name: 'issue', fullPath, iid }),
  ],
];

const FIXED: Record<string, PageRoute> = {
  '/': { name: 'home' },
  [SIGN_IN_PATH]: { name: 'sign-in' },
  [PERSONAL_ACCESS_TOKENS_PATH]: { name: 'personal-access-tokens' },
  [ADMIN_FEATURE_FLAGS_PATH]: { name: 'admin-feature-flags' },
};

/** The page a URL path (without query string) names; `not-found` for anything else. */
export function matchPage(pathname: string): PageRoute {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const fixed = FIXED[path];
  if (fixed) return fixed;
  for (const [pattern, route] of PROJECT_PAGES) {
    const match = pattern.exec(path);
    if (match) return route(match[1] ?? '', match[2] ?? '');
  }
  const username = /^\/([^/]+)$/.exec(path)?.[1];
  if (username && USERNAME_PATTERN.test(username) && !RESERVED.has(username.toLowerCase()))
    return { name: 'user', username };
  return { name: 'not-found' };
}
