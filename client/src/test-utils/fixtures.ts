import type {
  IssueQuery,
  IssueSetAssigneesMutation,
  IssueUpdatedSubscription,
  ProjectMembersQuery,
  UpdateIssueMutation,
  UserAvailabilityFragment,
  UserFragment,
} from '@shared/graphql/generated/operations';

/** A user as the sidebar's documents select it (GitLab's `User` and `UserAvailability`). */
export type TestUser = UserFragment & UserAvailabilityFragment;

export const FULL_PATH = 'gitlab-org/gitlab-test';
export const IID = '1';
export const ISSUE_ID = 'gid://gitlab/Issue/1';

const USER_IDS: Record<string, number> = { root: 1, alice: 2, bob: 3, carol: 4, dave: 5 };

export function user(username: string): TestUser {
  return {
    __typename: 'UserCore',
    id: `gid://gitlab/User/${USER_IDS[username] ?? 99}`,
    avatarUrl: `/avatars/${username}.svg`,
    name: username.charAt(0).toUpperCase() + username.slice(1),
    username,
    webUrl: `http://localhost:3000/${username}`,
    webPath: `/${username}`,
    status: null,
  };
}

const assigneeConnection = (usernames: string[]) => ({
  __typename: 'UserCoreConnection' as const,
  nodes: usernames.map(user),
});

/** A user whose status says busy (the sidebar shows "Busy" beside them). */
export function busyUser(username: string): TestUser {
  return { ...user(username), status: { __typename: 'UserStatus', availability: 'BUSY' } };
}

/** A user with a full name, as the seed has them ("Alice Liddell"). */
export function namedUser(username: string, name: string): TestUser {
  return { ...user(username), name };
}

export function issueResult(
  assignees: string[],
  overrides: {
    title?: string;
    description?: string | null;
    state?: 'opened' | 'closed';
    updatedAt?: string;
    updatedBy?: TestUser | null;
    canUpdate?: boolean;
  } = {},
): { data: IssueQuery } {
  return {
    data: {
      __typename: 'Query',
      project: {
        __typename: 'Project',
        id: 'gid://gitlab/Project/1',
        fullPath: FULL_PATH,
        name: 'GitLab Test',
        webUrl: `http://localhost:3000/${FULL_PATH}`,
        issue: {
          __typename: 'Issue',
          id: ISSUE_ID,
          iid: IID,
          title: overrides.title ?? 'Live assignees',
          description:
            overrides.description === undefined ? 'First line\nSecond line' : overrides.description,
          state: overrides.state ?? 'opened',
          confidential: false,
          webUrl: `http://localhost:3000/${FULL_PATH}/-/issues/${IID}`,
          createdAt: '2024-12-31T00:00:00Z',
          updatedAt: overrides.updatedAt ?? '2025-01-01T00:00:00Z',
          updatedBy: overrides.updatedBy ?? null,
          userPermissions: {
            __typename: 'IssuePermissions',
            updateIssue: overrides.canUpdate ?? true,
          },
          author: user('root'),
          assignees: assigneeConnection(assignees),
          labels: { __typename: 'LabelConnection', nodes: [] },
          milestone: null,
          dueDate: null,
        },
      },
    },
  };
}

export function issueUpdatedResult(
  assignees: string[],
  overrides: {
    title?: string;
    description?: string | null;
    state?: 'opened' | 'closed';
    updatedAt?: string;
    updatedBy?: TestUser | null;
  } = {},
): { data: IssueUpdatedSubscription } {
  return {
    data: {
      __typename: 'Subscription',
      issueUpdated: {
        __typename: 'Issue',
        id: ISSUE_ID,
        title: overrides.title ?? 'Live assignees',
        description:
          overrides.description === undefined ? 'First line\nSecond line' : overrides.description,
        state: overrides.state ?? 'opened',
        updatedBy: overrides.updatedBy ?? null,
        updatedAt: overrides.updatedAt ?? '2025-01-01T00:01:00Z',
        assignees: assigneeConnection(assignees),
        confidential: false,
        labels: { __typename: 'LabelConnection', nodes: [] },
        milestone: null,
        dueDate: null,
      },
    },
  };
}

export function projectMembersResult(usernames: string[]): { data: ProjectMembersQuery } {
  return {
    data: {
      __typename: 'Query',
      project: {
        __typename: 'Project',
        id: 'gid://gitlab/Project/1',
        autocompleteUsers: usernames.map(user),
      },
    },
  };
}

export function setAssigneesResult(
  assignees: string[],
  errors: string[] = [],
): { data: IssueSetAssigneesMutation } {
  return {
    data: {
      __typename: 'Mutation',
      issueSetAssignees: {
        __typename: 'IssueSetAssigneesPayload',
        errors,
        issue:
          errors.length > 0
            ? null
            : {
                __typename: 'Issue',
                id: ISSUE_ID,
                updatedAt: '2025-01-01T00:02:00Z',
                assignees: assigneeConnection(assignees),
              },
      },
    },
  };
}

/** The answer to the page's `updateIssue` (title, description, state), or its errors. */
export function updateIssueResult(
  fields: { title?: string; description?: string | null; state?: 'opened' | 'closed' },
  errors: string[] = [],
): { data: UpdateIssueMutation } {
  return {
    data: {
      __typename: 'Mutation',
      updateIssue: {
        __typename: 'UpdateIssuePayload',
        errors,
        issue:
          errors.length > 0
            ? null
            : {
                __typename: 'Issue',
                id: ISSUE_ID,
                title: fields.title ?? 'Live assignees',
                description:
                  fields.description === undefined ? 'First line\nSecond line' : fields.description,
                state: fields.state ?? 'opened',
                updatedAt: '2025-01-01T00:05:00Z',
                updatedBy: user('alice'),
              },
      },
    },
  };
}
