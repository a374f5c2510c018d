import { CONCURRENT_EDIT_MESSAGE } from '@shared/issue-edit.js';

import { resolveAssignees } from './assignee-resolver.js';
import type { IssueChanges, OperationMode } from './issue-update-service.js';
import { textPatch } from './issue-text.js';
import { nextLabelIds, resolveLabels } from './labels.js';
import type { IssuePatch, UpdateContext } from './repository.js';

/** Upper bounds the new values must keep (the service's). */
export interface UpdateBounds {
  maxAssignees: number;
  maxLabels: number;
}

/**
 * The values `changes` give the issue as the update's one read found it, or why they cannot be
 * set: unknown users, users who may not be assigned, labels or a milestone the project has
 * not, or more assignees or labels than an issue may have. No read: the context holds it all.
 */
export function decideUpdate(
  context: UpdateContext,
  changes: IssueChanges,
  bounds: UpdateBounds,
): { patch: IssuePatch } | { errors: string[] } {
  const { issue } = context;
  // An edit based on an older version than the one read writes nothing (GitLab's lock_version).
  const expected = changes.expectedUpdatedAt;
  if (expected && expected.getTime() !== issue.updatedAt.getTime())
    return { errors: [CONCURRENT_EDIT_MESSAGE] };
  const assignees = changes.assignees
    ? resolveAssignees(context, changes.assignees)
    : { ids: [], errors: [] };
  const labels = changes.labels ? resolveLabels(context.labels, changes.labels) : new Map();
  const errors = [...assignees.errors, ...(labels instanceof Map ? [] : labels)];
  if (changes.milestoneId != null && !context.milestone)
    errors.push(`Milestone not found: ${changes.milestoneId}`);
  if (errors.length > 0 || !(labels instanceof Map)) return { errors };

  const patch: IssuePatch = textPatch(changes);
  if (changes.assignees) {
    const current = issue.assignees.map((user) => user.id);
    patch.assigneeIds = applyMode(current, assignees.ids, changes.assignees.mode);
    if (patch.assigneeIds.length > bounds.maxAssignees)
      return { errors: [`Too many assignees: an issue may have at most ${bounds.maxAssignees}`] };
  }
  if (changes.labels) {
    patch.labelIds = nextLabelIds(issue.labels, changes.labels, labels);
    if (patch.labelIds.length > bounds.maxLabels)
      return { errors: [`Too many labels: an issue may have at most ${bounds.maxLabels}`] };
  }
  if (changes.milestoneId !== undefined) patch.milestoneId = changes.milestoneId;
  if (changes.dueDate !== undefined) patch.dueDate = changes.dueDate;
  if (changes.confidential !== undefined) patch.confidential = changes.confidential;
  return { patch };
}

/** The new ordered id list: REPLACE takes `requested`, APPEND adds new ones at the end, REMOVE drops them. */
export function applyMode(
  current: readonly number[],
  requested: readonly number[],
  mode: OperationMode,
): number[] {
  switch (mode) {
    case 'REPLACE':
      return [...requested];
    case 'APPEND':
      return [...new Set([...current, ...requested])];
    case 'REMOVE': {
      const removed = new Set(requested);
      return current.filter((id) => !removed.has(id));
    }
  }
}
