import type { IssueRecord, UserRecord } from '../domain/types.js';
import { urls } from '../graphql/resolvers/urls.js';

/** An issue as GitLab's REST API shapes it (the fields scripts and QA read). */
export function issueJson(issue: IssueRecord) {
  const user = (u: UserRecord) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    state: 'active',
    avatar_url: urls.avatar(u),
    web_url: urls.user(u),
  });
  return {
    id: issue.id,
    iid: issue.iid,
    project_id: issue.projectId,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    confidential: issue.confidential,
    created_at: issue.createdAt.toISOString(),
    updated_at: issue.updatedAt.toISOString(),
    author: user(issue.author),
    assignees: issue.assignees.map(user),
    assignee: issue.assignees[0] ? user(issue.assignees[0]) : null,
    web_url: urls.issue(issue),
  };
}
