/** Path of an issue page, as GitLab spells it. */
export function issuePath(fullPath: string, iid: string): string {
  return `/${fullPath}/-/issues/${iid}`;
}

/** Path of a project's issue list. */
export function issuesPath(fullPath: string): string {
  return `/${fullPath}/-/issues`;
}

/** Path of a project's new issue page. */
export function newIssuePath(fullPath: string): string {
  return `/${fullPath}/-/issues/new`;
}

/** The in-app path of a GitLab web URL (same origin here), e.g. an issue's `webUrl`. */
export function pathOf(webUrl: string): string {
  return webUrl.startsWith('/') ? webUrl : new URL(webUrl).pathname;
}

export const DEFAULT_ISSUE_PATH = issuePath('gitlab-org/gitlab-test', '1');
