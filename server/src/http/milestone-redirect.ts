import type { RequestHandler } from 'express';

import type { AccountRecord } from '../domain/identity.js';
import type { PageLookup } from '../domain/page-lookup.js';
import type { IssueRepository } from '../domain/repository.js';
import { Ability } from '../permissions/ability.js';

import { viewerOf } from './page-answer.js';

/** GitLab's milestone page, where `Milestone.webPath` (the sidebar's link) points. */
export const MILESTONE_PAGE = /^\/(.+)\/-\/milestones\/(\d{1,9})\/?$/;

/**
 * Where the milestone page's visitor is sent: the project's issues in that milestone (the list
 * GitLab's milestone page shows first; this app has no milestone page of its own). Null when
 * there is no such milestone in the project, or the caller may not read the project: the
 * caller then gets the same 404 page as for any unknown page (no existence oracle).
 */
export async function milestoneIssuesPath(
  fullPath: string,
  milestoneId: number,
  account: AccountRecord | null,
  pages: PageLookup,
  repository: Pick<IssueRepository, 'findMilestone'>,
): Promise<string | null> {
  const data = await pages.projectPage(fullPath, null, account?.id ?? null);
  if (!data || !Ability.readProject(viewerOf(account, data.accessLevel), data.project)) return null;
  const milestone = await repository.findMilestone(data.project.id, milestoneId);
  if (!milestone) return null;
  const title = encodeURIComponent(milestone.title);
  return `/${data.project.fullPath}/-/issues?milestone_title=${title}`;
}

/** `GET /<project>/-/milestones/<id>`: a 302 to the milestone's issues, else on to the 404 page. */
export function milestoneRedirect(
  accountOf: (req: Parameters<RequestHandler>[0]) => AccountRecord | null,
  pages: PageLookup,
  repository: Pick<IssueRepository, 'findMilestone'>,
): RequestHandler {
  return (req, res, next) => {
    const [, fullPath = '', id = ''] = MILESTONE_PAGE.exec(req.path) ?? [];
    milestoneIssuesPath(fullPath, Number(id), accountOf(req), pages, repository).then(
      (location) => (location ? res.redirect(302, location) : next()),
      next,
    );
  };
}
