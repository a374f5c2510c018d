import { pageTitles } from '@shared/page-titles.js';
import { matchPage, SIGN_IN_PATH } from '@shared/pages.js';

import type { AccessLevel, AccountRecord } from '../domain/identity.js';
import type { PageLookup } from '../domain/page-lookup.js';
import { Ability, type Viewer } from '../permissions/ability.js';

/** How the server answers a page's HTML: its status and document title, or a redirect. */
export type PageAnswer =
  { status: 200 | 403 | 404; title: string } | { status: 302; location: string };

/** The caller as a viewer of a project page, from the page lookup's access level. */
export function viewerOf(account: AccountRecord | null, accessLevel: AccessLevel | null): Viewer {
  return account && { userId: account.id, state: account.state, admin: account.admin, accessLevel };
}

const NOT_FOUND: PageAnswer = { status: 404, title: pageTitles.notFound() };

/**
 * The answer for `path` as `account` (null: anonymous) sees it, with GitLab's rules: unknown
 * pages, missing users, projects and issues, and those the caller may not read are all the same
 * 404 (no existence oracle); the new issue page sends anonymous visitors to sign in, and answers
 * a member who may not create issues with 403 (the page says why). One read at most.
 */
export async function answerPage(
  path: string,
  account: AccountRecord | null,
  lookup: PageLookup,
): Promise<PageAnswer> {
  const route = matchPage(path);
  switch (route.name) {
    case 'not-found':
      return NOT_FOUND;
    case 'home':
      return { status: 200, title: pageTitles.home() };
    case 'sign-in':
      return { status: 200, title: pageTitles.signIn() };
    case 'personal-access-tokens':
      return { status: 200, title: pageTitles.personalAccessTokens() };
    case 'admin-feature-flags':
      return { status: 200, title: pageTitles.featureFlags() };
    case 'user': {
      const user = await lookup.user(route.username);
      return user ? { status: 200, title: pageTitles.user(user.name, user.username) } : NOT_FOUND;
    }
    case 'new-issue':
      if (!account) {
        return { status: 302, location: `${SIGN_IN_PATH}?redirect_to=${encodeURIComponent(path)}` };
      }
      break;
    case 'issues':
    case 'issue':
      break;
  }

  const iid = route.name === 'issue' ? Number(route.iid) : null;
  const data = await lookup.projectPage(route.fullPath, iid, account?.id ?? null);
  const viewer = viewerOf(account, data?.accessLevel ?? null);
  if (!data || !Ability.readProject(viewer, data.project)) return NOT_FOUND;
  const { project, issue } = data;
  if (route.name === 'issues') return { status: 200, title: pageTitles.issues(project.name) };
  if (route.name === 'new-issue') {
    const status = Ability.createIssue(viewer, project) ? 200 : 403;
    return { status, title: pageTitles.newIssue(project.name) };
  }
  if (!issue || !Ability.readIssue(viewer, issue)) return NOT_FOUND;
  return { status: 200, title: pageTitles.issue(issue.title, issue.iid, project.name) };
}
