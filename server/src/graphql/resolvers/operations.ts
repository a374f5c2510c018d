import { GraphQLError } from 'graphql';

import { parseGlobalId } from '@shared/graphql/global-id.js';

import { Ability } from '../../domain/ability.js';
import type { IdentityRepository, ProjectViewer } from '../../domain/identity.js';
import type { IssueRecord } from '../../domain/types.js';
import type { GraphQLContext } from '../context.js';
import type { EventAuthorizer } from '../subscriptions/topic-fanout.js';
import type {
  MutationResolvers,
  IssuableResolvers,
  QueryResolvers,
  SubscriptionResolvers,
} from '../generated/resolvers-types.js';

/** Root fields: the sidebar's query, the assignee mutation, and the issue subscription. */
export const Query: QueryResolvers = {
  project: async (_root, { fullPath }, { repository, viewerIn }) => {
    const project = await repository.findProjectByFullPath(fullPath);
    return project && Ability.readProject(await viewerIn(project.id), project) ? project : null;
  },
  currentUser: (_root, _args, { currentUser }) => currentUser,
};

export const Mutation: MutationResolvers = {
  issueSetAssignees: async (_root, { input }, { issues, currentUser, canWrite }) => {
    assertCanWrite(canWrite);
    const { issue, errors } = await issues.setAssignees({
      projectPath: input.projectPath,
      iid: input.iid,
      actor: currentUser,
      usernames: input.assigneeUsernames,
      mode: input.operationMode ?? 'REPLACE',
    });
    return { issue, errors, clientMutationId: input.clientMutationId ?? null };
  },
  issueSetConfidential: async (_root, { input }, { issues, currentUser, canWrite }) => {
    assertCanWrite(canWrite);
    const { issue, errors } = await issues.setConfidential({
      projectPath: input.projectPath,
      iid: input.iid,
      actor: currentUser,
      confidential: input.confidential,
    });
    return { issue, errors, clientMutationId: input.clientMutationId ?? null };
  },
};

/** `read_api` tokens may read and subscribe, never change anything (GitLab's scope rule). */
function assertCanWrite(canWrite: boolean): void {
  if (!canWrite) {
    throw new GraphQLError('Insufficient scope: this token has read_api and cannot change data', {
      extensions: { code: 'insufficient_scope' },
    });
  }
}

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
    resolve: async (root: unknown, args: Record<string, string>, context: GraphQLContext) => {
      // Pushes are authorized per subscriber before execution (see issueEventAuthorizer).
      if (isIssueRecord(root)) return root;
      const id = parseGlobalId(args[argument] ?? '', 'Issue');
      const issue = id === null ? null : await context.repository.findIssueById(id);
      if (!issue || !Ability.readIssue(await context.viewerIn(issue.projectId), issue)) {
        throw new GraphQLError('Unauthorized subscription');
      }
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

/**
 * The engine's check before every push of an issue event: `read_issue` for every subscriber as
 * they are now (blocked, membership, admin), read for all of them in ONE query per event and
 * process, so a thousand viewers cost one read, not a thousand.
 */
export function issueEventAuthorizer(identity: IdentityRepository): EventAuthorizer {
  return async (event, contexts) => {
    if (!isIssueRecord(event)) return () => false; // only issue events exist; refuse the rest
    const userIds = new Set<number>();
    for (const context of contexts) {
      const user = (context as GraphQLContext).currentUser;
      if (user) userIds.add(user.id);
    }
    const viewers =
      userIds.size > 0
        ? await identity.projectViewers(event.projectId, [...userIds])
        : new Map<number, ProjectViewer>();
    return (context) => {
      const user = (context as GraphQLContext).currentUser;
      if (!user) return Ability.readIssue(null, event);
      const viewer = viewers.get(user.id);
      return viewer !== undefined && Ability.readIssue(viewer, event); // a deleted user sees nothing
    };
  };
}

function isIssueRecord(value: unknown): value is IssueRecord {
  return typeof value === 'object' && value !== null && 'assignees' in value && 'iid' in value;
}
