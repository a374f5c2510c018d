import type { IssueField, IssuePatch, UpdateContext } from './repository.js';
import type { IssueRecord, UserRecord } from './types.js';

/**
 * Fields the record keeps under the patch's own name, as they are: compared and applied alike.
 * A new one is one entry here and one in `IssuePatch` (and in `write_issue_patch`).
 */
const PLAIN_FIELDS = [
  'dueDate',
  'confidential',
  'title',
  'description',
  'state',
] as const satisfies readonly (IssueField & keyof IssueRecord)[];

const ids = (list: readonly { id: number }[]) => list.map((item) => item.id);
const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);
const sameSet = (a: readonly number[], b: readonly number[]) =>
  sameIds([...new Set(a)].sort(), [...new Set(b)].sort());

/** The fields of `patch` that differ from `issue` (assignees in order, without repeats; labels as a set). */
export function changedFields(issue: IssueRecord, patch: IssuePatch): IssueField[] {
  const changed: IssueField[] = [];
  if (patch.assigneeIds && !sameIds(ids(issue.assignees), [...new Set(patch.assigneeIds)]))
    changed.push('assigneeIds');
  if (patch.labelIds && !sameSet(ids(issue.labels), patch.labelIds)) changed.push('labelIds');
  if (patch.milestoneId !== undefined && patch.milestoneId !== (issue.milestone?.id ?? null))
    changed.push('milestoneId');
  for (const field of PLAIN_FIELDS)
    if (patch[field] !== undefined && patch[field] !== issue[field]) changed.push(field);
  return changed;
}

/** The part of `patch` that `changed` names, id lists without repeats: what a write sends. */
export function changedPatch(patch: IssuePatch, changed: readonly IssueField[]): IssuePatch {
  const written: Record<string, unknown> = {};
  for (const field of changed) {
    const value = patch[field];
    written[field] = Array.isArray(value) ? [...new Set(value)] : value;
  }
  return written;
}

/**
 * The issue as a write of `patch` (from {@link changedPatch}) leaves it, built from the update's
 * read: every user, label and milestone the patch names came with it, so the record pushed
 * needs no read after the write. Equal to what reading the issue gives.
 */
export function patchedRecord(
  context: UpdateContext,
  patch: IssuePatch,
  updatedAt: Date,
): IssueRecord {
  const { issue } = context;
  const next: IssueRecord = { ...issue, updatedAt, updatedBy: context.actor?.user ?? null };
  if (patch.assigneeIds) {
    const users = new Map<number, UserRecord>(issue.assignees.map((user) => [user.id, user]));
    for (const { user } of context.users) users.set(user.id, user);
    next.assignees = patch.assigneeIds.map((id) => known(users.get(id), 'user', id));
  }
  if (patch.labelIds) {
    const wanted = new Set(patch.labelIds);
    next.labels = context.labels.filter((label) => wanted.has(label.id)); // by title, as read
  }
  if (patch.milestoneId !== undefined) {
    const { milestoneId } = patch;
    next.milestone =
      milestoneId === null
        ? null
        : known(
            context.milestone?.id === milestoneId ? context.milestone : undefined,
            'milestone',
            milestoneId,
          );
  }
  for (const field of PLAIN_FIELDS) {
    if (patch[field] !== undefined) Object.assign(next, { [field]: patch[field] });
  }
  return next;
}

function known<T>(value: T | undefined, what: string, id: number): T {
  if (value === undefined) throw new Error(`The update's read has no ${what} ${id}`);
  return value;
}
