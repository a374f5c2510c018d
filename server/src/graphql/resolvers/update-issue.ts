import type { IssueChanges } from '../../domain/issue-update-service.js';
import { MAX_LABELS } from '../../domain/issue-update-service.js';
import { assertCanWrite } from '../../permissions/principal.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

import { parseRecordId, parseRecordIds } from './labels-milestones.js';

/**
 * GitLab's `updateIssue` and `issueSetDueDate`: ids are parsed here, the rest (permissions, the
 * project's labels and milestones, scoped labels, one transaction) is the update service's.
 */
export const updateIssueMutations: Pick<MutationResolvers, 'updateIssue' | 'issueSetDueDate'> = {
  updateIssue: async (_root, { input }, context) => {
    assertCanWrite(context);
    const clientMutationId = input.clientMutationId ?? null;
    const fail = (error: string) => ({ issue: null, errors: [error], clientMutationId });
    const lists = [input.labelIds, input.addLabelIds, input.removeLabelIds];
    // Before parsing: a list of 100,000 ids is refused without looking at them.
    if (lists.some((list) => list && list.length > MAX_LABELS * 10))
      return fail(`Too many labels: an issue may have at most ${MAX_LABELS}`);
    const [set, add, remove] = lists.map((list) => parseRecordIds(list, 'ProjectLabel'));
    const labelError = set?.error ?? add?.error ?? remove?.error;
    if (labelError) return fail(labelError);

    const changes: IssueChanges = {};
    if (set?.ids || add?.ids || remove?.ids)
      changes.labels = { set: set?.ids, add: add?.ids, remove: remove?.ids };
    if (input.milestoneId !== undefined) {
      const id = input.milestoneId === null ? null : parseRecordId(input.milestoneId, 'Milestone');
      if (input.milestoneId !== null && id === null)
        return fail(`Not a milestone ID: ${JSON.stringify(input.milestoneId.slice(0, 60))}`);
      changes.milestoneId = id;
    }
    if (input.dueDate !== undefined) changes.dueDate = input.dueDate;
    if (input.confidential != null) changes.confidential = input.confidential;
    if (input.title !== undefined) changes.title = input.title ?? ''; // null: blank, refused
    if (input.description !== undefined) changes.description = input.description;
    if (input.stateEvent != null) changes.stateEvent = input.stateEvent;
    // Time arrives as a Date (scalars.ts).
    if (input.expectedUpdatedAt != null)
      changes.expectedUpdatedAt = input.expectedUpdatedAt as unknown as Date;

    const { issues, currentUser } = context;
    const target = { projectPath: input.projectPath, iid: input.iid, actor: currentUser };
    const { issue, errors } = await issues.update(target, changes);
    return { issue, errors, clientMutationId };
  },

  issueSetDueDate: async (_root, { input }, context) => {
    assertCanWrite(context);
    const { issues, currentUser } = context;
    // Time arrives as a Date (scalars.ts); its UTC day is the due date, as GitLab takes the date.
    const due = input.dueDate as unknown as Date | null | undefined;
    const { issue, errors } = await issues.update(
      { projectPath: input.projectPath, iid: input.iid, actor: currentUser },
      { dueDate: due ? due.toISOString().slice(0, 10) : null },
    );
    return { issue, errors, clientMutationId: input.clientMutationId ?? null };
  },
};
