import { parseGlobalId } from '@shared/graphql/global-id.js';

import { NOT_FOUND_MESSAGE } from '../../domain/issue-update-service.js';
import { assertCanWrite } from '../../permissions/principal.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

import { parseRecordId } from './labels-milestones.js';

/**
 * GitLab's `createIssue`: the ids are parsed here (their scalars already checked their form),
 * everything else is the create service's, the same one REST's `POST …/issues` uses.
 */
export const createIssueMutation: Pick<MutationResolvers, 'createIssue'> = {
  createIssue: async (_root, { input }, context) => {
    assertCanWrite(context);
    const clientMutationId = input.clientMutationId ?? null;
    const fail = (errors: string[]) => ({ issue: null, errors, clientMutationId });
    const { currentUser, repository, issueCreator } = context;
    // A missing project, a hidden one and one the caller may not create in answer alike.
    const project = currentUser ? await repository.findProjectByFullPath(input.projectPath) : null;
    if (!currentUser || !project) return fail([NOT_FOUND_MESSAGE]);

    const result = await issueCreator.create({
      project,
      actor: currentUser,
      title: input.title,
      description: input.description ?? null,
      confidential: input.confidential ?? false,
      assigneeIds: (input.assigneeIds ?? []).map((gid) => parseGlobalId(gid, 'User') ?? 0),
      labelIds: (input.labelIds ?? []).map((gid) => parseRecordId(gid, 'ProjectLabel') ?? 0),
      milestoneId: input.milestoneId ? parseRecordId(input.milestoneId, 'Milestone') : null,
      dueDate: input.dueDate ?? null,
    });
    switch (result.kind) {
      case 'created':
        return { issue: result.issue, errors: [], clientMutationId };
      case 'invalid':
        return fail(result.errors);
      case 'hidden':
      case 'forbidden':
        return fail([NOT_FOUND_MESSAGE]);
    }
  },
};
