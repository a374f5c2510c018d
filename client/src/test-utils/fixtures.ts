import type {
  IssueQuery,
  IssueSetAssigneesMutation,
  IssueUpdatedSubscription,
  ProjectMembersQuery,
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
    updatedAt?: string;
    updatedBy?: TestUser | null;
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
          state: 'opened',
          confidential: false,
          webUrl: `http://localhost:3000/${FULL_PATH}/-/issues/${IID}`,
          createdAt: '2024-12-31T00:00:00Z',
          updatedAt: overrides.updatedAt ?? '2025-01-01T00:00:00Z',
          updatedBy: overrides.updatedBy ?? null,
          userPermissions: { __typename: 'IssuePermissions', updateIssue: true },
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
  overrides: { title?: string; updatedAt?: string; updatedBy?: TestUser | null } = {},
): { data: IssueUpdatedSubscription } {
  return {
    data: {
      __typename: 'Subscription',
      issueUpdated: {
        __typename: 'Issue',
        id: ISSUE_ID,
        title: overrides.title ?? 'Live assignees',
        description: 'First line\nSecond line',
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
