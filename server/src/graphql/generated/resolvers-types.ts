import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IssueWithViewers, IssueRecord, IssueViewersRecord, UserRecord, ProjectRecord, UserStatusRecord, LabelRecord } from '../../domain/types.js';
import type { IssuePage } from '../resolvers/issue-list.js';
import type { MilestoneNode } from '../resolvers/milestone-node.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 calendar date, `YYYY-MM-DD` (GitLab's `Date`). */
  Date: { input: string; output: string; }
  /** A global ID of an issuable (issue), e.g. "gid://gitlab/Issue/1". */
  IssuableID: { input: string; output: string; }
  /** A global ID of an issue, e.g. "gid://gitlab/Issue/1". */
  IssueID: { input: string; output: string; }
  /** A global ID of a label, e.g. "gid://gitlab/ProjectLabel/1" (`gid://gitlab/Label/1` is accepted too). */
  LabelID: { input: string; output: string; }
  /** A global ID of a milestone, e.g. "gid://gitlab/Milestone/1". */
  MilestoneID: { input: string; output: string; }
  /** A global ID of a project, e.g. "gid://gitlab/Project/1". */
  ProjectID: { input: string; output: string; }
  /** An ISO 8601 timestamp. Calendar dates (a due date) are served as `YYYY-MM-DD`, as GitLab does. */
  Time: { input: string; output: string; }
  /** A global ID of a user, e.g. "gid://gitlab/User/1". */
  UserID: { input: string; output: string; }
};

/** User availability status. */
export type AvailabilityEnum =
  /** Busy. */
  | 'BUSY'
  /** Not set. */
  | 'NOT_SET';

export type CreateIssueInput = {
  /** IDs of the users to assign (members of the project who may read the issue). */
  assigneeIds?: InputMaybe<Array<Scalars['UserID']['input']>>;
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Whether the issue is confidential. */
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  /** Description of the issue (Markdown). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Due date of the issue. */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /** IDs of the project's labels to add (of several scoped labels of one scope, the last is kept). */
  labelIds?: InputMaybe<Array<Scalars['LabelID']['input']>>;
  /** ID of the project's milestone to assign. */
  milestoneId?: InputMaybe<Scalars['MilestoneID']['input']>;
  /** Project full path the issue is associated with. */
  projectPath: Scalars['ID']['input'];
  /** Title of the issue (at most 255 characters). */
  title: Scalars['String']['input'];
};

export type CreateIssuePayload = {
  __typename?: 'CreateIssuePayload';
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /**
   * Errors encountered during the mutation. Nothing is written when this is not empty. Each
   * message starts with the field it is about ("Title can't be blank", "Milestone not found: 4").
   */
  errors: Array<Scalars['String']['output']>;
  /** The issue after mutation (null when it was not created). */
  issue?: Maybe<Issue>;
};

/**
 * Something that can be assigned. Merge requests are part of the union so GitLab's documents with
 * `... on MergeRequest` validate, but none are served here: the union always resolves to `Issue`.
 */
export type Issuable = Issue | MergeRequest;

/** State of an issuable, as a filter (GitLab's `IssuableState`). */
export type IssuableState =
  | 'all'
  | 'closed'
  /** Accepted for GitLab's documents; issues here are never locked (matches none). */
  | 'locked'
  | 'opened';

export type Issue = {
  __typename?: 'Issue';
  assignees: UserCoreConnection;
  author: UserCore;
  confidential: Scalars['Boolean']['output'];
  createdAt: Scalars['Time']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Due date of the issue (`YYYY-MM-DD`). */
  dueDate?: Maybe<Scalars['Time']['output']>;
  id: Scalars['IssueID']['output'];
  /** Internal ID of the issue, unique within its project. */
  iid: Scalars['String']['output'];
  /** Labels by title. */
  labels: LabelConnection;
  milestone?: Maybe<Milestone>;
  /** Internal reference of the issue: `#1`, or with `full: true` `gitlab-org/gitlab-test#1`. */
  reference: Scalars['String']['output'];
  state: IssueState;
  title: Scalars['String']['output'];
  updatedAt: Scalars['Time']['output'];
  /** Who made the last change (null when unknown), for a 'changed by' hint. */
  updatedBy?: Maybe<UserCore>;
  /** What the current user may do with the issue. */
  userPermissions: IssuePermissions;
  /** Who is viewing the issue now; null while the `issue_presence` feature flag is off. */
  viewers?: Maybe<IssueViewers>;
  webUrl: Scalars['String']['output'];
};


export type IssueReferenceArgs = {
  full?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of issues (a Relay connection, as GitLab's). */
export type IssueConnection = {
  __typename?: 'IssueConnection';
  /** How many issues match, on every page together. */
  count: Scalars['Int']['output'];
  edges: Array<IssueEdge>;
  nodes: Array<Issue>;
  pageInfo: PageInfo;
};

export type IssueEdge = {
  __typename?: 'IssueEdge';
  cursor: Scalars['String']['output'];
  node: Issue;
};

export type IssuePermissions = {
  __typename?: 'IssuePermissions';
  /** Whether the current user may change the issue (e.g. its assignees). */
  updateIssue: Scalars['Boolean']['output'];
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
  __typename?: 'IssueSetAssigneesPayload';
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Errors encountered during the mutation. Nothing is written when this is not empty. */
  errors: Array<Scalars['String']['output']>;
  /** The issue after the mutation. */
  issue?: Maybe<Issue>;
};

export type IssueSetConfidentialInput = {
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Whether the issue is confidential. */
  confidential: Scalars['Boolean']['input'];
  /** IID of the issue to mutate. */
  iid: Scalars['String']['input'];
  /** Full path of the project the issue belongs to. */
  projectPath: Scalars['ID']['input'];
};

export type IssueSetConfidentialPayload = {
  __typename?: 'IssueSetConfidentialPayload';
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Errors encountered during the mutation. Nothing is written when this is not empty. */
  errors: Array<Scalars['String']['output']>;
  /** The issue after the mutation, or null when the caller may no longer see it. */
  issue?: Maybe<Issue>;
};

export type IssueSetDueDateInput = {
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The due date (its date is used); null or absent removes it. */
  dueDate?: InputMaybe<Scalars['Time']['input']>;
  /** IID of the issue to mutate. */
  iid: Scalars['String']['input'];
  /** Full path of the project the issue belongs to. */
  projectPath: Scalars['ID']['input'];
};

export type IssueSetDueDatePayload = {
  __typename?: 'IssueSetDueDatePayload';
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Errors encountered during the mutation. Nothing is written when this is not empty. */
  errors: Array<Scalars['String']['output']>;
  /** The issue after the mutation. */
  issue?: Maybe<Issue>;
};

export type IssueState =
  | 'closed'
  | 'opened';

/** Values for issue state events (GitLab's `IssueStateEvent`). */
export type IssueStateEvent =
  /** Closes the issue. */
  | 'CLOSE'
  /** Reopens the issue. */
  | 'REOPEN';

/**
 * The people viewing an issue now: cable connections with a live `issueUpdated` or
 * `issuableAssigneesUpdated` subscription on it, in every process.
 */
export type IssueViewers = {
  __typename?: 'IssueViewers';
  /** Connections of anonymous visitors viewing the issue. */
  anonymousCount: Scalars['Int']['output'];
  /** Signed-in viewers who may read the issue: `count` counts them all, `nodes` lists up to 50 by name. */
  users: UserCoreConnection;
};

/** A label of a project. A title with `::` is a scoped label: an issue has at most one per scope. */
export type Label = {
  __typename?: 'Label';
  /** Background colour, `#rrggbb`. */
  color: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID of the label, e.g. `gid://gitlab/ProjectLabel/1`. */
  id: Scalars['ID']['output'];
  /** Text colour readable on the background. */
  textColor: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type LabelConnection = {
  __typename?: 'LabelConnection';
  count: Scalars['Int']['output'];
  nodes: Array<Label>;
};

/** Fields a label search looks in (GitLab's enum). */
export type LabelSearchFieldList =
  | 'DESCRIPTION'
  | 'TITLE';

/** A merge request (GitLab's type, reduced): never returned by this server. */
export type MergeRequest = {
  __typename?: 'MergeRequest';
  assignees?: Maybe<UserCoreConnection>;
  id: Scalars['ID']['output'];
  iid: Scalars['String']['output'];
  labels: LabelConnection;
  milestone?: Maybe<Milestone>;
  title: Scalars['String']['output'];
  webUrl?: Maybe<Scalars['String']['output']>;
};

/** A milestone of a project. */
export type Milestone = {
  __typename?: 'Milestone';
  /** Due date of the milestone (`YYYY-MM-DD`). */
  dueDate?: Maybe<Scalars['Time']['output']>;
  /** Whether the due date is past. */
  expired: Scalars['Boolean']['output'];
  /** Global ID of the milestone, e.g. `gid://gitlab/Milestone/1`. */
  id: Scalars['ID']['output'];
  /** Start date of the milestone (`YYYY-MM-DD`). */
  startDate?: Maybe<Scalars['Time']['output']>;
  state: MilestoneStateEnum;
  title: Scalars['String']['output'];
  /** Whether the start date is in the future. */
  upcoming: Scalars['Boolean']['output'];
  webPath: Scalars['String']['output'];
};

export type MilestoneConnection = {
  __typename?: 'MilestoneConnection';
  count: Scalars['Int']['output'];
  nodes: Array<Milestone>;
};

/** Milestone orders GitLab's documents name. */
export type MilestoneSort =
  | 'DUE_DATE_ASC'
  | 'DUE_DATE_DESC'
  | 'EXPIRED_LAST_DUE_DATE_ASC'
  | 'EXPIRED_LAST_DUE_DATE_DESC';

export type MilestoneStateEnum =
  | 'active'
  | 'closed';

export type Mutation = {
  __typename?: 'Mutation';
  /** Create an issue. Needs the reporter role (or more) in the project. */
  createIssue?: Maybe<CreateIssuePayload>;
  /** Set the assignees of an issue. Needs permission to update the issue. */
  issueSetAssignees?: Maybe<IssueSetAssigneesPayload>;
  /** Make an issue confidential or not. Viewers who lose access stop receiving its updates. */
  issueSetConfidential?: Maybe<IssueSetConfidentialPayload>;
  /** Set or remove the due date of an issue. */
  issueSetDueDate?: Maybe<IssueSetDueDatePayload>;
  /**
   * Update an issue: title, description, state, labels, milestone, due date, confidentiality, in
   * one transaction.
   */
  updateIssue?: Maybe<UpdateIssuePayload>;
};


export type MutationCreateIssueArgs = {
  input: CreateIssueInput;
};


export type MutationIssueSetAssigneesArgs = {
  input: IssueSetAssigneesInput;
};


export type MutationIssueSetConfidentialArgs = {
  input: IssueSetConfidentialInput;
};


export type MutationIssueSetDueDateArgs = {
  input: IssueSetDueDateInput;
};


export type MutationUpdateIssueArgs = {
  input: UpdateIssueInput;
};

/** How a list of values is applied to an existing list. */
export type MutationOperationMode =
  /** Add the given values to the existing list. */
  | 'APPEND'
  /** Remove the given values from the existing list. */
  | 'REMOVE'
  /** Replace the existing list with the given values. */
  | 'REPLACE';

/** Where a page is in its list (GitLab's keyset pagination: forward only here). */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Project = {
  __typename?: 'Project';
  /** Users that can be assigned to the project's issues, filtered by a search on username or name. */
  autocompleteUsers: Array<UserCore>;
  fullPath: Scalars['ID']['output'];
  id: Scalars['ProjectID']['output'];
  /** Find an issue of this project by its internal ID (null without one). */
  issue?: Maybe<Issue>;
  /**
   * The project's issues the caller may see (confidential ones only to those who may read them),
   * newest first (by creation), filtered with GitLab's arguments. Keyset pagination: pass the
   * previous page's `pageInfo.endCursor` as `after`.
   */
  issues: IssueConnection;
  /** The project's labels by title, filtered by a case-insensitive search on the title (at most 100). */
  labels?: Maybe<LabelConnection>;
  /** The project's milestones, by due date (none last), filtered by state and title (at most 100). */
  milestones?: Maybe<MilestoneConnection>;
  name: Scalars['String']['output'];
  /** What the current user may do in the project. */
  userPermissions: ProjectPermissions;
  webUrl: Scalars['String']['output'];
};


export type ProjectAutocompleteUsersArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
};


export type ProjectIssueArgs = {
  iid?: InputMaybe<Scalars['String']['input']>;
};


export type ProjectIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assigneeUsername?: InputMaybe<Scalars['String']['input']>;
  assigneeUsernames?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  labelName?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  milestoneTitle?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  state?: InputMaybe<IssuableState>;
};


export type ProjectLabelsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  includeAncestorGroups?: InputMaybe<Scalars['Boolean']['input']>;
  searchIn?: InputMaybe<Array<LabelSearchFieldList>>;
  searchTerm?: InputMaybe<Scalars['String']['input']>;
};


export type ProjectMilestonesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  includeAncestors?: InputMaybe<Scalars['Boolean']['input']>;
  searchTitle?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<MilestoneSort>;
  state?: InputMaybe<MilestoneStateEnum>;
};

export type ProjectPermissions = {
  __typename?: 'ProjectPermissions';
  /** Whether the current user may create issues in the project (reporter and up). */
  createIssue: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in user, or null for an anonymous visitor. */
  currentUser?: Maybe<UserCore>;
  /**
   * Find issues visible to the current user, most recently updated first. At least one filter must
   * be provided: here the assignee (GitLab's filter for "issues assigned to").
   */
  issues?: Maybe<IssueConnection>;
  /** Find a project by its full path, e.g. `gitlab-org/gitlab-test`. */
  project?: Maybe<Project>;
  /** Find a user by username or ID (null when there is none). */
  user?: Maybe<UserCore>;
};


export type QueryIssuesArgs = {
  assigneeUsername?: InputMaybe<Scalars['String']['input']>;
  assigneeUsernames?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<IssuableState>;
};


export type QueryProjectArgs = {
  fullPath: Scalars['ID']['input'];
};


export type QueryUserArgs = {
  id?: InputMaybe<Scalars['UserID']['input']>;
  username?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Triggered when the issuable's assignees change (GitLab's field). The first payload carries the current state. */
  issuableAssigneesUpdated?: Maybe<Issuable>;
  /** Triggered when the issuable's due date changes. The first payload carries the current state. */
  issuableDatesUpdated?: Maybe<Issuable>;
  /** Triggered when the issuable's description changes. The first payload carries the current state. */
  issuableDescriptionUpdated?: Maybe<Issuable>;
  /** Triggered when the issuable's labels change. The first payload carries the current state. */
  issuableLabelsUpdated?: Maybe<Issuable>;
  /** Triggered when the issuable's milestone changes. The first payload carries the current state. */
  issuableMilestoneUpdated?: Maybe<Issuable>;
  /** Triggered when the issuable's title changes. The first payload carries the current state. */
  issuableTitleUpdated?: Maybe<Issuable>;
  /**
   * Triggered when the people viewing the issuable change (its `viewers`), at most once a second
   * per issuable. The first payload carries the viewers now. Needs the `issue_presence` flag
   * (`viewers` is null while it is off).
   */
  issuableViewersUpdated?: Maybe<Issuable>;
  /** Triggered whenever the issue changes. The first payload carries the issue as it is now. */
  issueUpdated?: Maybe<Issue>;
  /**
   * Triggered for every new issue of the project and every change to one of its issues: one
   * subscription keeps an issue list live. Each push is the issue as it is after the change, sent
   * only to subscribers who may read it (a confidential issue reaches only its readers). The
   * first payload, and a payload after a pub/sub gap, is null: "reload the list now" (a list has
   * no single current state to send).
   */
  projectIssuesUpdated?: Maybe<Issue>;
};


export type SubscriptionIssuableAssigneesUpdatedArgs = {
  issuableId: Scalars['IssuableID']['input'];
};


export type SubscriptionIssuableDatesUpdatedArgs = {
  issuableId: Scalars['IssuableID']['input'];
};


export type SubscriptionIssuableDescriptionUpdatedArgs = {
  issuableId: Scalars['IssuableID']['input'];
};


export type SubscriptionIssuableLabelsUpdatedArgs = {
  issuableId: Scalars['IssuableID']['input'];
};


export type SubscriptionIssuableMilestoneUpdatedArgs = {
  issuableId: Scalars['IssuableID']['input'];
};


export type SubscriptionIssuableTitleUpdatedArgs = {
  issuableId: Scalars['IssuableID']['input'];
};


export type SubscriptionIssuableViewersUpdatedArgs = {
  issuableId: Scalars['IssuableID']['input'];
};


export type SubscriptionIssueUpdatedArgs = {
  issueId: Scalars['IssueID']['input'];
};


export type SubscriptionProjectIssuesUpdatedArgs = {
  projectPath: Scalars['ID']['input'];
};

export type UpdateIssueInput = {
  /** Label IDs to add. */
  addLabelIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Whether the issue is confidential. */
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  /** Description of the issue (Markdown), at most 1,048,576 characters; null or empty removes it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Due date; null removes it. */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /**
   * The issue's `updatedAt` this change is based on (optimistic locking, in the role of GitLab's
   * `lock_version`; an extension of this server): when someone saved since, nothing is written and
   * `errors` says so.
   */
  expectedUpdatedAt?: InputMaybe<Scalars['Time']['input']>;
  /** IID of the issue to mutate. */
  iid: Scalars['String']['input'];
  /** Label IDs (global or numeric) to set, replacing the issue's labels. */
  labelIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Milestone ID (global or numeric); null removes the milestone. */
  milestoneId?: InputMaybe<Scalars['ID']['input']>;
  /** Full path of the project the issue belongs to. */
  projectPath: Scalars['ID']['input'];
  /** Label IDs to remove. */
  removeLabelIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Close or reopen the issue. */
  stateEvent?: InputMaybe<IssueStateEvent>;
  /** Title of the issue: not blank, at most 255 characters (surrounding whitespace is removed). */
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateIssuePayload = {
  __typename?: 'UpdateIssuePayload';
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Errors encountered during the mutation. Nothing is written when this is not empty. */
  errors: Array<Scalars['String']['output']>;
  /** The issue after the mutation. */
  issue?: Maybe<Issue>;
};

/** Common fields of a user (GitLab's `User` interface, the fields served here). */
export type User = {
  avatarUrl?: Maybe<Scalars['String']['output']>;
  /** Whether the user is a service account with composite identity enforced (never, here). */
  compositeIdentityEnforced: Scalars['Boolean']['output'];
  id: Scalars['UserID']['output'];
  name: Scalars['String']['output'];
  /** The user's status (availability, message, emoji), or null when none is set. */
  status?: Maybe<UserStatus>;
  /** Type of the user. */
  type: UserType;
  username: Scalars['String']['output'];
  /** Web path of the user, e.g. `/alice`. */
  webPath: Scalars['String']['output'];
  webUrl: Scalars['String']['output'];
};

export type UserCore = User & {
  __typename?: 'UserCore';
  avatarUrl?: Maybe<Scalars['String']['output']>;
  compositeIdentityEnforced: Scalars['Boolean']['output'];
  id: Scalars['UserID']['output'];
  name: Scalars['String']['output'];
  status?: Maybe<UserStatus>;
  type: UserType;
  username: Scalars['String']['output'];
  webPath: Scalars['String']['output'];
  webUrl: Scalars['String']['output'];
};

export type UserCoreConnection = {
  __typename?: 'UserCoreConnection';
  count: Scalars['Int']['output'];
  nodes: Array<UserCore>;
};

/** A user's status, set with `PUT /api/v4/user/status`. */
export type UserStatus = {
  __typename?: 'UserStatus';
  /** User availability status. */
  availability: AvailabilityEnum;
  /** String representation of emoji, e.g. `speech_balloon`. */
  emoji?: Maybe<Scalars['String']['output']>;
  /** User status message. */
  message?: Maybe<Scalars['String']['output']>;
  /** HTML of the user status message (the message, escaped). */
  messageHtml?: Maybe<Scalars['String']['output']>;
};

/** Possible types of user (GitLab's `UserType`). Every account here is `HUMAN`. */
export type UserType =
  | 'ADMIN_BOT'
  | 'ALERT_BOT'
  | 'AUTOMATION_BOT'
  | 'DUO_CODE_REVIEW_BOT'
  | 'GHOST'
  | 'HUMAN'
  | 'IMPORT_USER'
  | 'MIGRATION_BOT'
  | 'PLACEHOLDER'
  | 'PROJECT_BOT'
  | 'SECURITY_BOT'
  | 'SECURITY_POLICY_BOT'
  | 'SERVICE_ACCOUNT'
  | 'SERVICE_USER'
  | 'SUPPORT_BOT'
  | 'VISUAL_REVIEW_BOT';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  Issuable:
    | ( IssueWithViewers )
    | ( Omit<MergeRequest, 'assignees' | 'labels' | 'milestone'> & { assignees?: Maybe<_RefType['UserCoreConnection']>, labels: _RefType['LabelConnection'], milestone?: Maybe<_RefType['Milestone']> } )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AvailabilityEnum: AvailabilityEnum;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateIssueInput: CreateIssueInput;
  CreateIssuePayload: ResolverTypeWrapper<Omit<CreateIssuePayload, 'issue'> & { issue?: Maybe<ResolversTypes['Issue']> }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Issuable: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Issuable']>;
  IssuableID: ResolverTypeWrapper<Scalars['IssuableID']['output']>;
  IssuableState: IssuableState;
  Issue: ResolverTypeWrapper<IssueWithViewers>;
  IssueConnection: ResolverTypeWrapper<IssuePage>;
  IssueEdge: ResolverTypeWrapper<IssueRecord>;
  IssueID: ResolverTypeWrapper<Scalars['IssueID']['output']>;
  IssuePermissions: ResolverTypeWrapper<IssuePermissions>;
  IssueSetAssigneesInput: IssueSetAssigneesInput;
  IssueSetAssigneesPayload: ResolverTypeWrapper<Omit<IssueSetAssigneesPayload, 'issue'> & { issue?: Maybe<ResolversTypes['Issue']> }>;
  IssueSetConfidentialInput: IssueSetConfidentialInput;
  IssueSetConfidentialPayload: ResolverTypeWrapper<Omit<IssueSetConfidentialPayload, 'issue'> & { issue?: Maybe<ResolversTypes['Issue']> }>;
  IssueSetDueDateInput: IssueSetDueDateInput;
  IssueSetDueDatePayload: ResolverTypeWrapper<Omit<IssueSetDueDatePayload, 'issue'> & { issue?: Maybe<ResolversTypes['Issue']> }>;
  IssueState: IssueState;
  IssueStateEvent: IssueStateEvent;
  IssueViewers: ResolverTypeWrapper<IssueViewersRecord>;
  Label: ResolverTypeWrapper<LabelRecord>;
  LabelConnection: ResolverTypeWrapper<Omit<LabelConnection, 'nodes'> & { nodes: Array<ResolversTypes['Label']> }>;
  LabelID: ResolverTypeWrapper<Scalars['LabelID']['output']>;
  LabelSearchFieldList: LabelSearchFieldList;
  MergeRequest: ResolverTypeWrapper<Omit<MergeRequest, 'assignees' | 'labels' | 'milestone'> & { assignees?: Maybe<ResolversTypes['UserCoreConnection']>, labels: ResolversTypes['LabelConnection'], milestone?: Maybe<ResolversTypes['Milestone']> }>;
  Milestone: ResolverTypeWrapper<MilestoneNode>;
  MilestoneConnection: ResolverTypeWrapper<Omit<MilestoneConnection, 'nodes'> & { nodes: Array<ResolversTypes['Milestone']> }>;
  MilestoneID: ResolverTypeWrapper<Scalars['MilestoneID']['output']>;
  MilestoneSort: MilestoneSort;
  MilestoneStateEnum: MilestoneStateEnum;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MutationOperationMode: MutationOperationMode;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<ProjectRecord>;
  ProjectID: ResolverTypeWrapper<Scalars['ProjectID']['output']>;
  ProjectPermissions: ResolverTypeWrapper<ProjectPermissions>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Time: ResolverTypeWrapper<Scalars['Time']['output']>;
  UpdateIssueInput: UpdateIssueInput;
  UpdateIssuePayload: ResolverTypeWrapper<Omit<UpdateIssuePayload, 'issue'> & { issue?: Maybe<ResolversTypes['Issue']> }>;
  User: ResolverTypeWrapper<UserRecord>;
  UserCore: ResolverTypeWrapper<UserRecord>;
  UserCoreConnection: ResolverTypeWrapper<Omit<UserCoreConnection, 'nodes'> & { nodes: Array<ResolversTypes['UserCore']> }>;
  UserID: ResolverTypeWrapper<Scalars['UserID']['output']>;
  UserStatus: ResolverTypeWrapper<UserStatusRecord>;
  UserType: UserType;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  CreateIssueInput: CreateIssueInput;
  CreateIssuePayload: Omit<CreateIssuePayload, 'issue'> & { issue?: Maybe<ResolversParentTypes['Issue']> };
  Date: Scalars['Date']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Issuable: ResolversUnionTypes<ResolversParentTypes>['Issuable'];
  IssuableID: Scalars['IssuableID']['output'];
  Issue: IssueWithViewers;
  IssueConnection: IssuePage;
  IssueEdge: IssueRecord;
  IssueID: Scalars['IssueID']['output'];
  IssuePermissions: IssuePermissions;
  IssueSetAssigneesInput: IssueSetAssigneesInput;
  IssueSetAssigneesPayload: Omit<IssueSetAssigneesPayload, 'issue'> & { issue?: Maybe<ResolversParentTypes['Issue']> };
  IssueSetConfidentialInput: IssueSetConfidentialInput;
  IssueSetConfidentialPayload: Omit<IssueSetConfidentialPayload, 'issue'> & { issue?: Maybe<ResolversParentTypes['Issue']> };
  IssueSetDueDateInput: IssueSetDueDateInput;
  IssueSetDueDatePayload: Omit<IssueSetDueDatePayload, 'issue'> & { issue?: Maybe<ResolversParentTypes['Issue']> };
  IssueViewers: IssueViewersRecord;
  Label: LabelRecord;
  LabelConnection: Omit<LabelConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Label']> };
  LabelID: Scalars['LabelID']['output'];
  MergeRequest: Omit<MergeRequest, 'assignees' | 'labels' | 'milestone'> & { assignees?: Maybe<ResolversParentTypes['UserCoreConnection']>, labels: ResolversParentTypes['LabelConnection'], milestone?: Maybe<ResolversParentTypes['Milestone']> };
  Milestone: MilestoneNode;
  MilestoneConnection: Omit<MilestoneConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Milestone']> };
  MilestoneID: Scalars['MilestoneID']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Project: ProjectRecord;
  ProjectID: Scalars['ProjectID']['output'];
  ProjectPermissions: ProjectPermissions;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Time: Scalars['Time']['output'];
  UpdateIssueInput: UpdateIssueInput;
  UpdateIssuePayload: Omit<UpdateIssuePayload, 'issue'> & { issue?: Maybe<ResolversParentTypes['Issue']> };
  User: UserRecord;
  UserCore: UserRecord;
  UserCoreConnection: Omit<UserCoreConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['UserCore']> };
  UserID: Scalars['UserID']['output'];
  UserStatus: UserStatusRecord;
};

export type Gl_IntroducedDirectiveArgs = {
  version: Scalars['String']['input'];
};

export type Gl_IntroducedDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = Gl_IntroducedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CreateIssuePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateIssuePayload'] = ResolversParentTypes['CreateIssuePayload']> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes['Issue']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type IssuableResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Issuable'] = ResolversParentTypes['Issuable']> = {
  __resolveType: TypeResolveFn<'Issue' | 'MergeRequest', ParentType, ContextType>;
};

export interface IssuableIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IssuableID'], any> {
  name: 'IssuableID';
}

export type IssueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Issue'] = ResolversParentTypes['Issue']> = {
  assignees?: Resolver<ResolversTypes['UserCoreConnection'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['UserCore'], ParentType, ContextType>;
  confidential?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['Time'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Time']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['IssueID'], ParentType, ContextType>;
  iid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labels?: Resolver<ResolversTypes['LabelConnection'], ParentType, ContextType>;
  milestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<IssueReferenceArgs, 'full'>>;
  state?: Resolver<ResolversTypes['IssueState'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['Time'], ParentType, ContextType>;
  updatedBy?: Resolver<Maybe<ResolversTypes['UserCore']>, ParentType, ContextType>;
  userPermissions?: Resolver<ResolversTypes['IssuePermissions'], ParentType, ContextType>;
  viewers?: Resolver<Maybe<ResolversTypes['IssueViewers']>, ParentType, ContextType>;
  webUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type IssueConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueConnection'] = ResolversParentTypes['IssueConnection']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['IssueEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Issue']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type IssueEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueEdge'] = ResolversParentTypes['IssueEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Issue'], ParentType, ContextType>;
};

export interface IssueIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IssueID'], any> {
  name: 'IssueID';
}

export type IssuePermissionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssuePermissions'] = ResolversParentTypes['IssuePermissions']> = {
  updateIssue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type IssueSetAssigneesPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueSetAssigneesPayload'] = ResolversParentTypes['IssueSetAssigneesPayload']> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes['Issue']>, ParentType, ContextType>;
};

export type IssueSetConfidentialPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueSetConfidentialPayload'] = ResolversParentTypes['IssueSetConfidentialPayload']> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes['Issue']>, ParentType, ContextType>;
};

export type IssueSetDueDatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueSetDueDatePayload'] = ResolversParentTypes['IssueSetDueDatePayload']> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes['Issue']>, ParentType, ContextType>;
};

export type IssueViewersResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueViewers'] = ResolversParentTypes['IssueViewers']> = {
  anonymousCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['UserCoreConnection'], ParentType, ContextType>;
};

export type LabelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Label'] = ResolversParentTypes['Label']> = {
  color?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  textColor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LabelConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LabelConnection'] = ResolversParentTypes['LabelConnection']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Label']>, ParentType, ContextType>;
};

export interface LabelIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['LabelID'], any> {
  name: 'LabelID';
}

export type MergeRequestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MergeRequest'] = ResolversParentTypes['MergeRequest']> = {
  assignees?: Resolver<Maybe<ResolversTypes['UserCoreConnection']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  iid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labels?: Resolver<ResolversTypes['LabelConnection'], ParentType, ContextType>;
  milestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MilestoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  dueDate?: Resolver<Maybe<ResolversTypes['Time']>, ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Time']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['MilestoneStateEnum'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  upcoming?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  webPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MilestoneConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MilestoneConnection'] = ResolversParentTypes['MilestoneConnection']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Milestone']>, ParentType, ContextType>;
};

export interface MilestoneIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['MilestoneID'], any> {
  name: 'MilestoneID';
}

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createIssue?: Resolver<Maybe<ResolversTypes['CreateIssuePayload']>, ParentType, ContextType, RequireFields<MutationCreateIssueArgs, 'input'>>;
  issueSetAssignees?: Resolver<Maybe<ResolversTypes['IssueSetAssigneesPayload']>, ParentType, ContextType, RequireFields<MutationIssueSetAssigneesArgs, 'input'>>;
  issueSetConfidential?: Resolver<Maybe<ResolversTypes['IssueSetConfidentialPayload']>, ParentType, ContextType, RequireFields<MutationIssueSetConfidentialArgs, 'input'>>;
  issueSetDueDate?: Resolver<Maybe<ResolversTypes['IssueSetDueDatePayload']>, ParentType, ContextType, RequireFields<MutationIssueSetDueDateArgs, 'input'>>;
  updateIssue?: Resolver<Maybe<ResolversTypes['UpdateIssuePayload']>, ParentType, ContextType, RequireFields<MutationUpdateIssueArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  autocompleteUsers?: Resolver<Array<ResolversTypes['UserCore']>, ParentType, ContextType, Partial<ProjectAutocompleteUsersArgs>>;
  fullPath?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ProjectID'], ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes['Issue']>, ParentType, ContextType, Partial<ProjectIssueArgs>>;
  issues?: Resolver<ResolversTypes['IssueConnection'], ParentType, ContextType, RequireFields<ProjectIssuesArgs, 'first'>>;
  labels?: Resolver<Maybe<ResolversTypes['LabelConnection']>, ParentType, ContextType, Partial<ProjectLabelsArgs>>;
  milestones?: Resolver<Maybe<ResolversTypes['MilestoneConnection']>, ParentType, ContextType, Partial<ProjectMilestonesArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userPermissions?: Resolver<ResolversTypes['ProjectPermissions'], ParentType, ContextType>;
  webUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface ProjectIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ProjectID'], any> {
  name: 'ProjectID';
}

export type ProjectPermissionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectPermissions'] = ResolversParentTypes['ProjectPermissions']> = {
  createIssue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  currentUser?: Resolver<Maybe<ResolversTypes['UserCore']>, ParentType, ContextType>;
  issues?: Resolver<Maybe<ResolversTypes['IssueConnection']>, ParentType, ContextType, RequireFields<QueryIssuesArgs, 'first'>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'fullPath'>>;
  user?: Resolver<Maybe<ResolversTypes['UserCore']>, ParentType, ContextType, Partial<QueryUserArgs>>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  issuableAssigneesUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issuable']>, "issuableAssigneesUpdated", ParentType, ContextType, RequireFields<SubscriptionIssuableAssigneesUpdatedArgs, 'issuableId'>>;
  issuableDatesUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issuable']>, "issuableDatesUpdated", ParentType, ContextType, RequireFields<SubscriptionIssuableDatesUpdatedArgs, 'issuableId'>>;
  issuableDescriptionUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issuable']>, "issuableDescriptionUpdated", ParentType, ContextType, RequireFields<SubscriptionIssuableDescriptionUpdatedArgs, 'issuableId'>>;
  issuableLabelsUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issuable']>, "issuableLabelsUpdated", ParentType, ContextType, RequireFields<SubscriptionIssuableLabelsUpdatedArgs, 'issuableId'>>;
  issuableMilestoneUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issuable']>, "issuableMilestoneUpdated", ParentType, ContextType, RequireFields<SubscriptionIssuableMilestoneUpdatedArgs, 'issuableId'>>;
  issuableTitleUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issuable']>, "issuableTitleUpdated", ParentType, ContextType, RequireFields<SubscriptionIssuableTitleUpdatedArgs, 'issuableId'>>;
  issuableViewersUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issuable']>, "issuableViewersUpdated", ParentType, ContextType, RequireFields<SubscriptionIssuableViewersUpdatedArgs, 'issuableId'>>;
  issueUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issue']>, "issueUpdated", ParentType, ContextType, RequireFields<SubscriptionIssueUpdatedArgs, 'issueId'>>;
  projectIssuesUpdated?: SubscriptionResolver<Maybe<ResolversTypes['Issue']>, "projectIssuesUpdated", ParentType, ContextType, RequireFields<SubscriptionProjectIssuesUpdatedArgs, 'projectPath'>>;
};

export interface TimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Time'], any> {
  name: 'Time';
}

export type UpdateIssuePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateIssuePayload'] = ResolversParentTypes['UpdateIssuePayload']> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes['Issue']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  __resolveType: TypeResolveFn<'UserCore', ParentType, ContextType>;
};

export type UserCoreResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserCore'] = ResolversParentTypes['UserCore']> = {
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  compositeIdentityEnforced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['UserID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['UserStatus']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['UserType'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserCoreConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserCoreConnection'] = ResolversParentTypes['UserCoreConnection']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['UserCore']>, ParentType, ContextType>;
};

export interface UserIdScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UserID'], any> {
  name: 'UserID';
}

export type UserStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserStatus'] = ResolversParentTypes['UserStatus']> = {
  availability?: Resolver<ResolversTypes['AvailabilityEnum'], ParentType, ContextType>;
  emoji?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  messageHtml?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  CreateIssuePayload?: CreateIssuePayloadResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Issuable?: IssuableResolvers<ContextType>;
  IssuableID?: GraphQLScalarType;
  Issue?: IssueResolvers<ContextType>;
  IssueConnection?: IssueConnectionResolvers<ContextType>;
  IssueEdge?: IssueEdgeResolvers<ContextType>;
  IssueID?: GraphQLScalarType;
  IssuePermissions?: IssuePermissionsResolvers<ContextType>;
  IssueSetAssigneesPayload?: IssueSetAssigneesPayloadResolvers<ContextType>;
  IssueSetConfidentialPayload?: IssueSetConfidentialPayloadResolvers<ContextType>;
  IssueSetDueDatePayload?: IssueSetDueDatePayloadResolvers<ContextType>;
  IssueViewers?: IssueViewersResolvers<ContextType>;
  Label?: LabelResolvers<ContextType>;
  LabelConnection?: LabelConnectionResolvers<ContextType>;
  LabelID?: GraphQLScalarType;
  MergeRequest?: MergeRequestResolvers<ContextType>;
  Milestone?: MilestoneResolvers<ContextType>;
  MilestoneConnection?: MilestoneConnectionResolvers<ContextType>;
  MilestoneID?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectID?: GraphQLScalarType;
  ProjectPermissions?: ProjectPermissionsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Time?: GraphQLScalarType;
  UpdateIssuePayload?: UpdateIssuePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserCore?: UserCoreResolvers<ContextType>;
  UserCoreConnection?: UserCoreConnectionResolvers<ContextType>;
  UserID?: GraphQLScalarType;
  UserStatus?: UserStatusResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GraphQLContext> = {
  gl_introduced?: Gl_IntroducedDirectiveResolver<any, any, ContextType>;
};
