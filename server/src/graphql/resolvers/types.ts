import { toGlobalId } from '@shared/graphql/global-id.js';

import { Ability } from '../../permissions/ability.js';

import type {
  IssueResolvers,
  IssueViewersResolvers,
  ProjectResolvers,
  UserCoreResolvers,
  UserResolvers,
  UserStatusResolvers,
} from '../generated/resolvers-types.js';
import { messageHtml } from '../../domain/user-status-service.js';

import { projectIssues } from './issue-list.js';
import { urls } from './urls.js';

/** Field resolvers of the object types: global IDs and URLs derived from records. */
export const Project: ProjectResolvers = {
  id: (project) => toGlobalId('Project', project.id),
  webUrl: (project) => urls.project(project),
  userPermissions: async (project, _args, { viewerIn, canWrite }) => ({
    createIssue: canWrite && Ability.createIssue(await viewerIn(project.id), project),
  }),
  issue: async (project, { iid }, { repository, viewerIn }) => {
    if (!iid || !/^\d{1,9}$/.test(iid)) return null;
    const issue = await repository.findIssue(project.id, Number(iid));
    return issue && Ability.readIssue(await viewerIn(project.id), issue) ? issue : null;
  },
  issues: (project, args, context) => projectIssues(project, args, context),
  autocompleteUsers: (project, { search }, { repository }) =>
    repository.searchAssignableUsers(project.id, search ?? undefined),
  labels: async (project, { searchTerm, first }, { repository }) => {
    const found = await repository.listLabels(project.id, searchTerm?.slice(0, 255) ?? undefined);
    const nodes = found.slice(0, bounded(first));
    return { count: nodes.length, nodes };
  },
  milestones: async (project, { state, searchTitle, first }, { repository }) => {
    const found = await repository.listMilestones(project.id, {
      state: state ?? undefined,
      search: searchTitle?.slice(0, 255) ?? undefined,
    });
    const nodes = found
      .slice(0, bounded(first))
      .map((milestone) => ({ ...milestone, projectFullPath: project.fullPath }));
    return { count: nodes.length, nodes };
  },
};

/** A page size GitLab-style: 100 at most, 100 by default. */
function bounded(first: number | null | undefined): number {
  return Math.min(Math.max(first ?? 100, 0), 100);
}

export const Issue: IssueResolvers = {
  id: (issue) => toGlobalId('Issue', issue.id),
  iid: (issue) => String(issue.iid),
  webUrl: (issue) => urls.issue(issue),
  reference: (issue, { full }) => `${full ? issue.projectFullPath : ''}#${issue.iid}`,
  assignees: (issue) => ({ count: issue.assignees.length, nodes: issue.assignees }),
  labels: (issue) => ({ count: issue.labels.length, nodes: issue.labels }),
  milestone: (issue) =>
    issue.milestone && { ...issue.milestone, projectFullPath: issue.projectFullPath },
  userPermissions: async (issue, _args, { viewerIn, canWrite }) => ({
    updateIssue: canWrite && Ability.updateIssue(await viewerIn(issue.projectId), issue),
  }),
  // A presence push carries the viewers; a query reads them (the issue was checked already).
  viewers: (issue, _args, { presence }) =>
    issue.viewers !== undefined ? issue.viewers : presence.viewersOf(issue),
};

export const IssueViewers: IssueViewersResolvers = {
  users: (viewers) => ({ count: viewers.userCount, nodes: viewers.users }),
};

export const UserCore: UserCoreResolvers = {
  id: (user) => toGlobalId('User', user.id),
  avatarUrl: (user) => urls.avatar(user),
  webUrl: (user) => urls.user(user),
  webPath: (user) => urls.user(user),
  // Issue records load every user's status with them; users from other reads load it here.
  status: (user, _args, { userStatuses }) =>
    user.status !== undefined ? user.status : userStatuses.find(user.id),
  // Every account here is a person: no bots, service accounts or placeholders are created.
  type: () => 'HUMAN',
  compositeIdentityEnforced: () => false,
};

export const UserStatus: UserStatusResolvers = {
  availability: (status) => (status.availability === 'busy' ? 'BUSY' : 'NOT_SET'),
  messageHtml: (status) => messageHtml(status),
};

export const User: UserResolvers = {
  __resolveType: () => 'UserCore',
};
