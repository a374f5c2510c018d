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
    labels: issue.labels.map((label) => label.title),
    milestone: issue.milestone && {
      id: issue.milestone.id,
      project_id: issue.projectId,
      title: issue.milestone.title,
      state: issue.milestone.state,
      start_date: issue.milestone.startDate,
      due_date: issue.milestone.dueDate,
      web_url: `/${issue.projectFullPath}/-/milestones/${issue.milestone.id}`,
    },
    due_date: issue.dueDate,
    web_url: urls.issue(issue),
  };
}
