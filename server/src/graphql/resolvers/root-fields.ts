import { GraphQLError } from 'graphql';

import { parseGlobalId } from '@shared/graphql/global-id.js';

import {
  isIssuePresenceEvent,
  isIssueRecord,
  isProjectIssueEvent,
  isProjectIssuesResync,
  type IssueRecord,
  type IssueWithViewers,
} from '../../domain/types.js';
import { Ability } from '../../permissions/ability.js';
import { assertCanWrite } from '../../permissions/principal.js';
import type { GraphQLContext } from '../context.js';
import type {
  MutationResolvers,
  IssuableResolvers,
  QueryResolvers,
  SubscriptionResolvers,
} from '../generated/resolvers-types.js';

import { createIssueMutation } from './create-issue.js';
import { updateIssueMutations } from './update-issue.js';
import { userQueries } from './user-issues.js';

/** Root fields: the sidebar's query, the assignee mutation, and the issue subscription. */
export const Query: QueryResolvers = {
  project: async (_root, { fullPath }, { repository, viewerIn }) => {
    const project = await repository.findProjectByFullPath(fullPath);
    return project && Ability.readProject(await viewerIn(project.id), project) ? project : null;
  },
  currentUser: (_root, _args, { currentUser }) => currentUser,
  ...userQueries,
};

export const Mutation: MutationResolvers = {
  issueSetAssignees: async (_root, { input }, context) => {
    assertCanWrite(context);
    const { issues, currentUser } = context;
    const { issue, errors } = await issues.setAssignees({
      projectPath: input.projectPath,
      iid: input.iid,
      actor: currentUser,
      usernames: input.assigneeUsernames,
      mode: input.operationMode ?? 'REPLACE',
    });
    return { issue, errors, clientMutationId: input.clientMutationId ?? null };
  },
  issueSetConfidential: async (_root, { input }, context) => {
    assertCanWrite(context);
    const { issues, currentUser } = context;
    const { issue, errors } = await issues.setConfidential({
      projectPath: input.projectPath,
      iid: input.iid,
      actor: currentUser,
      confidential: input.confidential,
    });
    return { issue, errors, clientMutationId: input.clientMutationId ?? null };
  },
  ...updateIssueMutations,
  ...createIssueMutation,
};

/**
 * A subscription field on one issue. On a trigger the root value is the event's issue; on
 * subscribe there is none, and the first payload carries the issue as it is now. A missing issue
 * and a hidden one get the same answer, so the error is no existence oracle.
 */
function issueSubscription(argument: 'issueId' | 'issuableId') {
  return {
    // Subscriptions run over the cable (ActionCableSubscriptions), never graphql-js' subscribe().
    subscribe: () => {
      throw new GraphQLError('Subscriptions are only served over Action Cable at /-/cable');
    },
    resolve: async (
      root: unknown,
      args: Record<string, string>,
      context: GraphQLContext,
    ): Promise<IssueWithViewers> => {
      // Pushes are authorized per subscriber before execution (permissions/issue-event-authorizer.ts).
      if (isIssueRecord(root)) return root;
      // A presence push (or first payload) carries the viewers with the issue.
      if (isIssuePresenceEvent(root)) return { ...root.issue, viewers: root.viewers };
      const id = parseGlobalId(args[argument] ?? '', 'Issue');
      const issue = id === null ? null : await context.repository.findIssueById(id);
      if (!issue || !Ability.readIssue(await context.viewerIn(issue.projectId), issue)) {
        throw new GraphQLError('Unauthorized subscription');
      }
      return issue;
    },
  };
}

/**
 * A project's list event: each push is the new or changed issue (only its readers get it); a
 * resync (the first payload, or after a pub/sub gap) is null, "reload the list". Subscribing
 * needs read access to the project; a missing project gets the same answer as a hidden one.
 */
const projectIssuesUpdated = {
  subscribe: () => {
    throw new GraphQLError('Subscriptions are only served over Action Cable at /-/cable');
  },
  resolve: async (
    root: unknown,
    { projectPath }: { projectPath: string },
    context: GraphQLContext,
  ): Promise<IssueRecord | null> => {
    if (isProjectIssueEvent(root)) return root.issue;
    if (isProjectIssuesResync(root)) return null;
    const project = await context.repository.findProjectByFullPath(projectPath);
    if (!project || !Ability.readProject(await context.viewerIn(project.id), project)) {
      throw new GraphQLError('Unauthorized subscription');
    }
    return null;
  },
};

export const Subscription: SubscriptionResolvers = {
  projectIssuesUpdated,
  issueUpdated: issueSubscription('issueId'),
  issuableAssigneesUpdated: issueSubscription('issuableId'),
  issuableLabelsUpdated: issueSubscription('issuableId'),
  issuableMilestoneUpdated: issueSubscription('issuableId'),
  issuableDatesUpdated: issueSubscription('issuableId'),
  issuableTitleUpdated: issueSubscription('issuableId'),
  issuableDescriptionUpdated: issueSubscription('issuableId'),
  issuableViewersUpdated: issueSubscription('issuableId'),
};

/** The `Issuable` union has one member here. */
export const Issuable: IssuableResolvers = {
  __resolveType: () => 'Issue',
};
