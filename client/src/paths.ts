/** Path of an issue page, as GitLab spells it. */
export function issuePath(fullPath: string, iid: string): string {
  return `/${fullPath}/-/issues/${iid}`;
}

/** Path of a project's issue list. */
export function issuesPath(fullPath: string): string {
  return `/${fullPath}/-/issues`;
}

export const DEFAULT_ISSUE_PATH = issuePath('gitlab-org/gitlab-test', '1');
