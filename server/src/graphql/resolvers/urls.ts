import type { IssueRecord, ProjectRecord, UserRecord } from '../../domain/types.js';

/**
 * Web URLs are same-origin paths (the app and the API share one origin), and avatars are
 * SVGs the server draws itself: the machines have no internet, so no Gravatar.
 */
export const urls = {
  user: (user: Pick<UserRecord, 'username'>) => `/${encodeURIComponent(user.username)}`,
  avatar: (user: Pick<UserRecord, 'username'>) =>
    `/avatars/${encodeURIComponent(user.username)}.svg`,
  project: (project: Pick<ProjectRecord, 'fullPath'>) => `/${project.fullPath}`,
  issue: (issue: Pick<IssueRecord, 'projectFullPath' | 'iid'>) =>
    `/${issue.projectFullPath}/-/issues/${issue.iid}`,
};
