import type { IssueField, IssuePatch } from './repository.js';
import type { IssueRecord } from './types.js';

/**
 * How each field of a patch compares with the issue it changes. A field that holds one value
 * says where the record keeps it; a new one (a title, say) is one line here, one in
 * `IssuePatch`, and one in the write (`update_issue_record`, which already writes `title`,
 * `description` and `state` when a patch names them).
 */
const SCALAR_FIELDS = {
  milestoneId: (issue) => issue.milestone?.id ?? null,
  dueDate: (issue) => issue.dueDate,
  confidential: (issue) => issue.confidential,
} satisfies Record<Exclude<IssueField, 'assigneeIds' | 'labelIds'>, (issue: IssueRecord) => unknown>;

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
  for (const [field, current] of Object.entries(SCALAR_FIELDS) as [
    keyof typeof SCALAR_FIELDS,
    (issue: IssueRecord) => unknown,
  ][]) {
    if (patch[field] !== undefined && patch[field] !== current(issue)) changed.push(field);
  }
  return changed;
}

/** The part of `patch` that `changed` names, id lists without repeats: what a write sends. */
export function changedPatch(patch: IssuePatch, changed: readonly IssueField[]): IssuePatch {
  const written: Record<string, unknown> = {};
  for (const field of changed) {
    const value = patch[field];
    written[field] = Array.isArray(value) ? [...new Set(value)] : value;
  }
  return written as IssuePatch;
}
