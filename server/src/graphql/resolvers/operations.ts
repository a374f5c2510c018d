import { GraphQLError } from 'graphql';

import { parseGlobalId } from '@shared/graphql/global-id.js';

import type { IssueRecord } from '../../domain/types.js';
import type { GraphQLContext } from '../context.js';
import type {
  MutationResolvers,
  IssuableResolvers,
  QueryResolvers,
  SubscriptionResolvers,
} from '../generated/resolvers-types.js';

/** Root fields: the sidebar's query, the assignee mutation, and the issue subscription. */
export const Query: QueryResolvers = {
  project: (_root, { fullPath }, { repository }) => repository.findProjectByFullPath(fullPath),
};

export const Mutation: MutationResolvers = {
  issueSetAssignees: async (_root, { input }, { issues }) => {
    const { issue, errors } = await issues.setAssignees({
      projectPath: input.projectPath,
      iid: input.iid,
      usernames: input.assigneeUsernames,
      mode: input.operationMode ?? 'REPLACE',
    });
    return { issue, errors, clientMutationId: input.clientMutationId ?? null };
  },
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
      { repository }: GraphQLContext,
    ) => {
      if (isIssueRecord(root)) return root;
      const id = parseGlobalId(args[argument] ?? '', 'Issue');
      const issue = id === null ? null : await repository.findIssueById(id);
      if (!issue) throw new GraphQLError('Unauthorized subscription');
      return issue;
    },
  };
}

export const Subscription: SubscriptionResolvers = {
  issueUpdated: issueSubscription('issueId'),
  issuableAssigneesUpdated: issueSubscription('issuableId'),
};

/** The `Issuable` union has one member here. */
export const Issuable: IssuableResolvers = {
  __resolveType: () => 'Issue',
};

function isIssueRecord(value: unknown): value is IssueRecord {
  return typeof value === 'object' && value !== null && 'assignees' in value && 'iid' in value;
}
