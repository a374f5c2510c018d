/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** A global ID of an issuable (issue), e.g. "gid://gitlab/Issue/1". */
  IssuableID: { input: string; output: string };
  /** A global ID of an issue, e.g. "gid://gitlab/Issue/1". */
  IssueID: { input: string; output: string };
  /** A global ID of a project, e.g. "gid://gitlab/Project/1". */
  ProjectID: { input: string; output: string };
  /** An ISO 8601 timestamp. */
  Time: { input: string; output: string };
  /** A global ID of a user, e.g. "gid://gitlab/User/1". */
  UserID: { input: string; output: string };
};

export type Issue = {
  __typename: 'Issue';
  assignees: UserCoreConnection;
  author: UserCore;
  confidential: Scalars['Boolean']['output'];
  createdAt: Scalars['Time']['output'];
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['IssueID']['output'];
  /** Internal ID of the issue, unique within its project. */
  iid: Scalars['String']['output'];
  state: IssueState;
  title: Scalars['String']['output'];
  updatedAt: Scalars['Time']['output'];
  webUrl: Scalars['String']['output'];
};

export type IssueSetAssigneesInput = {
  /** Usernames to assign. An empty list with REPLACE removes every assignee. */
  assigneeUsernames: Array<Scalars['String']['input']>;
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** IID of the issue to mutate. */
  iid: Scalars['String']['input'];
  /** How to apply `assigneeUsernames`: REPLACE (default), APPEND or REMOVE. */
  operationMode?: InputMaybe<MutationOperationMode>;
  /** Full path of the project the issue belongs to. */
  projectPath: Scalars['ID']['input'];
};

export type IssueSetAssigneesPayload = {
  __typename: 'IssueSetAssigneesPayload';
  clientMutationId: Maybe<Scalars['String']['output']>;
  /** Errors encountered during the mutation. Nothing is written when this is not empty. */
  errors: Array<Scalars['String']['output']>;
  /** The issue after the mutation. */
  issue: Maybe<Issue>;
};

export type IssueState = 'closed' | 'opened';

export type Mutation = {
  __typename: 'Mutation';
  /** Set the assignees of an issue. Needs permission to update the issue. */
  issueSetAssignees: Maybe<IssueSetAssigneesPayload>;
};

export type MutationIssueSetAssigneesArgs = {
  input: IssueSetAssigneesInput;
};

/** How a list of values is applied to an existing list. */
export type MutationOperationMode =
  /** Add the given values to the existing list. */
  | 'APPEND'
  /** Remove the given values from the existing list. */
  | 'REMOVE'
  /** Replace the existing list with the given values. */
  | 'REPLACE';

export type Project = {
  __typename: 'Project';
  /** Users that can be assigned to the project's issues, filtered by a search on username or name. */
  autocompleteUsers: Array<UserCore>;
  fullPath: Scalars['ID']['output'];
  id: Scalars['ProjectID']['output'];
  /** Find an issue of this project by its internal ID. */
  issue: Maybe<Issue>;
  name: Scalars['String']['output'];
  webUrl: Scalars['String']['output'];
};

export type ProjectAutocompleteUsersArgs = {
  search: InputMaybe<Scalars['String']['input']>;
};

export type ProjectIssueArgs = {
  iid: Scalars['String']['input'];
};

export type Query = {
  __typename: 'Query';
  /** Find a project by its full path, e.g. `gitlab-org/gitlab-test`. */
  project: Maybe<Project>;
};

export type QueryProjectArgs = {
  fullPath: Scalars['ID']['input'];
};

export type Subscription = {
  __typename: 'Subscription';
  /** Triggered whenever the issue changes. The first payload carries the issue as it is now. */
  issueUpdated: Maybe<Issue>;
};

export type SubscriptionIssueUpdatedArgs = {
  issueId: Scalars['IssueID']['input'];
};

/** Common fields of a user. */
export type User = {
  avatarUrl: Maybe<Scalars['String']['output']>;
  id: Scalars['UserID']['output'];
  name: Scalars['String']['output'];
  username: Scalars['String']['output'];
  webUrl: Scalars['String']['output'];
};

export type UserCore = User & {
  __typename: 'UserCore';
  avatarUrl: Maybe<Scalars['String']['output']>;
  id: Scalars['UserID']['output'];
  name: Scalars['String']['output'];
  username: Scalars['String']['output'];
  webUrl: Scalars['String']['output'];
};

export type UserCoreConnection = {
  __typename: 'UserCoreConnection';
  count: Scalars['Int']['output'];
  nodes: Array<UserCore>;
};

export type IssueState = 'closed' | 'opened';

/** How a list of values is applied to an existing list. */
export type MutationOperationMode =
  /** Add the given values to the existing list. */
  | 'APPEND'
  /** Remove the given values from the existing list. */
  | 'REMOVE'
  /** Replace the existing list with the given values. */
  | 'REPLACE';

export type IssueSetAssigneesMutationVariables = Exact<{
  projectPath: string | number;
  iid: string;
  assigneeUsernames: Array<string> | string;
  operationMode?: MutationOperationMode | null | undefined;
}>;

export type IssueSetAssigneesMutation = {
  __typename: 'Mutation';
  issueSetAssignees: {
    __typename: 'IssueSetAssigneesPayload';
    errors: Array<string>;
    issue: {
      __typename: 'Issue';
      id: string;
      updatedAt: string;
      assignees: {
        __typename: 'UserCoreConnection';
        nodes: Array<{
          __typename: 'UserCore';
          id: string;
          avatarUrl: string | null;
          name: string;
          username: string;
          webUrl: string;
        }>;
      };
    } | null;
  } | null;
};

export type IssueUpdatedSubscriptionVariables = Exact<{
  issueId: string;
}>;

export type IssueUpdatedSubscription = {
  __typename: 'Subscription';
  issueUpdated: {
    __typename: 'Issue';
    id: string;
    title: string;
    description: string | null;
    updatedAt: string;
    assignees: {
      __typename: 'UserCoreConnection';
      nodes: Array<{
        __typename: 'UserCore';
        id: string;
        avatarUrl: string | null;
        name: string;
        username: string;
        webUrl: string;
      }>;
    };
  } | null;
};

export type IssueQueryVariables = Exact<{
  fullPath: string | number;
  iid: string;
}>;

export type IssueQuery = {
  __typename: 'Query';
  project: {
    __typename: 'Project';
    id: string;
    fullPath: string;
    name: string;
    webUrl: string;
    issue: {
      __typename: 'Issue';
      id: string;
      iid: string;
      title: string;
      description: string | null;
      state: IssueState;
      webUrl: string;
      updatedAt: string;
      author: {
        __typename: 'UserCore';
        id: string;
        avatarUrl: string | null;
        name: string;
        username: string;
        webUrl: string;
      };
      assignees: {
        __typename: 'UserCoreConnection';
        nodes: Array<{
          __typename: 'UserCore';
          id: string;
          avatarUrl: string | null;
          name: string;
          username: string;
          webUrl: string;
        }>;
      };
    } | null;
  } | null;
};

export type ProjectMembersQueryVariables = Exact<{
  fullPath: string | number;
  search?: string | null | undefined;
}>;

export type ProjectMembersQuery = {
  __typename: 'Query';
  project: {
    __typename: 'Project';
    id: string;
    autocompleteUsers: Array<{
      __typename: 'UserCore';
      id: string;
      avatarUrl: string | null;
      name: string;
      username: string;
      webUrl: string;
    }>;
  } | null;
};

export type UserFragment = {
  __typename: 'UserCore';
  id: string;
  avatarUrl: string | null;
  name: string;
  username: string;
  webUrl: string;
};

export const UserFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'User' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avatarUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webUrl' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UserFragment, unknown>;
export const IssueSetAssigneesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'issueSetAssignees' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'projectPath' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'iid' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'assigneeUsernames' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
              },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'operationMode' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'MutationOperationMode' } },
          defaultValue: { kind: 'EnumValue', value: 'REPLACE' },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issueSetAssignees' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'projectPath' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'projectPath' } },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'iid' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'iid' } },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'assigneeUsernames' },
                      value: {
                        kind: 'Variable',
                        name: { kind: 'Name', value: 'assigneeUsernames' },
                      },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'operationMode' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'operationMode' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'errors' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'issue' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'assignees' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'nodes' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'FragmentSpread', name: { kind: 'Name', value: 'User' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'User' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avatarUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webUrl' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssueSetAssigneesMutation, IssueSetAssigneesMutationVariables>;
export const IssueUpdatedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'issueUpdated' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'issueId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'IssueID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issueUpdated' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'issueId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'issueId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'assignees' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'User' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'User' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avatarUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webUrl' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssueUpdatedSubscription, IssueUpdatedSubscriptionVariables>;
export const IssueDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'issue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'fullPath' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'iid' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'project' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'fullPath' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'fullPath' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fullPath' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'webUrl' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'issue' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'iid' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'iid' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'iid' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'webUrl' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'author' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'User' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'assignees' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'nodes' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'FragmentSpread', name: { kind: 'Name', value: 'User' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'User' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avatarUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webUrl' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssueQuery, IssueQueryVariables>;
export const ProjectMembersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'projectMembers' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'fullPath' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'project' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'fullPath' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'fullPath' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'autocompleteUsers' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'search' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'User' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'User' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avatarUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'webUrl' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProjectMembersQuery, ProjectMembersQueryVariables>;
