import type {
  IssueListItemFragment,
  ProjectIssueCountsQuery,
  ProjectIssuesQuery,
  SidebarLabelFragment,
  UserFragment,
} from '@shared/graphql/generated/operations';

/** Test data for the issue list: issues as the list's fragment selects them. */

export const LIST_PATH = 'gitlab-org/gitlab-test';

export function listUser(username: string): UserFragment {
  return {
    __typename: 'UserCore',
    id: `gid://gitlab/User/${username.length}${username.charCodeAt(0)}`,
    avatarUrl: null,
    name: username.charAt(0).toUpperCase() + username.slice(1),
    username,
    webUrl: `http://localhost/${username}`,
    webPath: `/${username}`,
  };
}

export function listLabel(title: string): SidebarLabelFragment {
  return {
    __typename: 'Label',
    id: `gid://gitlab/ProjectLabel/${title.length}${title.charCodeAt(0)}`,
    title,
    description: null,
    color: '#d9534f',
    textColor: '#FFFFFF',
  };
}

export interface ItemOverrides {
  title?: string;
  state?: 'opened' | 'closed';
  labels?: string[];
  assignees?: string[];
  milestone?: string | null;
  updatedAt?: string;
  createdAt?: string;
}

/** Issue #iid, created on day `iid` of 2025 (a larger iid is newer). */
export function item(iid: number, overrides: ItemOverrides = {}): IssueListItemFragment {
  const createdAt = overrides.createdAt ?? new Date(Date.UTC(2025, 0, iid)).toISOString();
  return {
    __typename: 'Issue',
    id: `gid://gitlab/Issue/${iid}`,
    iid: String(iid),
    title: overrides.title ?? `Issue ${iid}`,
    state: overrides.state ?? 'opened',
    confidential: false,
    webUrl: `http://localhost/${LIST_PATH}/-/issues/${iid}`,
    createdAt,
    updatedAt: overrides.updatedAt ?? createdAt,
    author: listUser('root'),
    assignees: {
      __typename: 'UserCoreConnection',
      nodes: (overrides.assignees ?? []).map(listUser),
    },
    labels: { __typename: 'LabelConnection', nodes: (overrides.labels ?? []).map(listLabel) },
    milestone: overrides.milestone
      ? { __typename: 'Milestone', id: 'gid://gitlab/Milestone/1', title: overrides.milestone }
      : null,
  };
}

/** A page of the list: `issues` newest first, as the server sends them. */
export function listResult(
  issues: IssueListItemFragment[],
  { hasNextPage = false }: { hasNextPage?: boolean } = {},
): { data: ProjectIssuesQuery } {
  const last = issues.at(-1);
  return {
    data: {
      __typename: 'Query',
      project: {
        __typename: 'Project',
        id: 'gid://gitlab/Project/1',
        fullPath: LIST_PATH,
        name: 'GitLab Test',
        webUrl: `http://localhost/${LIST_PATH}`,
        issues: {
          __typename: 'IssueConnection',
          nodes: issues,
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage,
            endCursor: last ? `cursor-${last.iid}` : null,
          },
        },
      },
    },
  };
}

export function countsResult(opened: number, closed: number): { data: ProjectIssueCountsQuery } {
  return {
    data: {
      __typename: 'Query',
      project: {
        __typename: 'Project',
        id: 'gid://gitlab/Project/1',
        openedIssues: { __typename: 'IssueConnection', count: opened },
        closedIssues: { __typename: 'IssueConnection', count: closed },
        allIssues: { __typename: 'IssueConnection', count: opened + closed },
      },
    },
  };
}

/** A `projectIssuesUpdated` payload: an issue, or null ("reload"). */
export function pushed(issue: IssueListItemFragment | null) {
  return { data: { __typename: 'Subscription' as const, projectIssuesUpdated: issue } };
}
