/**
 * The write of an issue update: any combination of assignees, labels, milestone, due date,
 * confidentiality, title, description and state in ONE transaction, with the pushed record built from the locked read and
 * what was written (no read after the write). An assignee-only change stays three statements.
 */
import { eq, inArray, sql } from 'drizzle-orm';

import type { IssueField, IssuePatch } from '../domain/repository.js';
import type { IssueRecord, LabelRecord, MilestoneRecord, UserRecord } from '../domain/types.js';
import type { AppDatabase } from './database.js';
import { findLabels, findMilestone } from './labels-milestones.js';
import { loadIssueById, statusOfUser, userColumns } from './load-issues.js';
import { issueLabels, issues, users, userStatuses } from './schema.js';

/**
 * now() is fixed per transaction and clocks can tie or step back; + 1 ms guarantees clients
 * ordering pushes by updatedAt always see a change as newer. `set_issue_assignees` (migration
 * 0004) applies the same rule in SQL: change both together.
 */
export const bumpedUpdatedAt = sql`greatest(now(), ${issues.updatedAt} + interval '1 millisecond')`;

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);
const sameSet = (a: readonly number[], b: readonly number[]) =>
  sameIds([...new Set(a)].sort(), [...new Set(b)].sort());

/** The fields of `patch` that differ from `issue`, with the assignee list made unique. */
export function changedFields(issue: IssueRecord, patch: IssuePatch): IssueField[] {
  const changed: IssueField[] = [];
  const ids = (list: readonly { id: number }[]) => list.map((item) => item.id);
  if (patch.assigneeIds && !sameIds(ids(issue.assignees), [...new Set(patch.assigneeIds)]))
    changed.push('assigneeIds');
  if (patch.labelIds && !sameSet(ids(issue.labels), patch.labelIds)) changed.push('labelIds');
  if (patch.milestoneId !== undefined && patch.milestoneId !== (issue.milestone?.id ?? null))
    changed.push('milestoneId');
  if (patch.dueDate !== undefined && patch.dueDate !== issue.dueDate) changed.push('dueDate');
  if (patch.confidential !== undefined && patch.confidential !== issue.confidential)
    changed.push('confidential');
  // The issue's own columns that are compared as they are.
  for (const field of ['title', 'description', 'state'] as const)
    if (patch[field] !== undefined && patch[field] !== issue[field]) changed.push(field);
  return changed;
}

export async function updateIssue(
  db: AppDatabase,
  issueId: number,
  compute: (current: IssueRecord) => IssuePatch,
  actorId: number | null,
  /** What the caller updates, for the error message. */
  subject = 'issue',
): Promise<{ issue: IssueRecord; changed: IssueField[] }> {
  return db.transaction(async (tx) => {
    // The row lock serialises concurrent updates of one issue: each compute sees what the
    // previous one committed, so no change is lost.
    const issue = await loadIssueById(tx, issueId, { lock: true });
    if (!issue) throw new Error(`Cannot update ${subject}: issue ${issueId} does not exist`);
    const patch = compute(issue);
    const changed = changedFields(issue, patch);
    if (changed.length === 0) return { issue, changed };

    const next: IssueRecord = { ...issue };
    const assigneeIds = [...new Set(patch.assigneeIds ?? [])];
    const known = await findUsers(tx, [
      ...(changed.includes('assigneeIds') ? assigneeIds : []),
      ...(actorId === null ? [] : [actorId]),
    ]);
    next.updatedBy = actorId === null ? null : (known.get(actorId) ?? null);
    if (changed.includes('labelIds')) next.labels = await checkedLabels(tx, issue, patch);
    if (changed.includes('milestoneId')) next.milestone = await checkedMilestone(tx, issue, patch);

    let updatedAt: Date | string | undefined;
    if (changed.includes('assigneeIds')) {
      const missing = assigneeIds.filter((id) => !known.has(id));
      if (missing.length > 0)
        throw new Error(`Cannot update assignees: unknown user id(s) ${missing.join(', ')}`);
      next.assignees = assigneeIds.map((id) => known.get(id) as UserRecord);
      // One statement for the delete, the ordered insert and the updated_at bump (migration 0004).
      const [row] = await tx
        .select({ updatedAt: sql<Date | string>`updated_at` })
        .from(
          sql`set_issue_assignees(${issueId}, ${`{${assigneeIds.join(',')}}`}::integer[], ${actorId}) as updated_at`,
        );
      updatedAt = row?.updatedAt;
    }
    if (changed.includes('labelIds')) {
      await tx.delete(issueLabels).where(eq(issueLabels.issueId, issueId));
      if (next.labels.length > 0)
        await tx
          .insert(issueLabels)
          .values(next.labels.map((label) => ({ issueId, labelId: label.id })));
    }
    if (changed.some((field) => field !== 'assigneeIds')) {
      if (changed.includes('dueDate')) next.dueDate = patch.dueDate ?? null;
      if (changed.includes('confidential')) next.confidential = patch.confidential ?? false;
      if (changed.includes('title')) next.title = patch.title ?? issue.title;
      if (changed.includes('description')) next.description = patch.description ?? null;
      if (changed.includes('state')) next.state = patch.state ?? issue.state;
      const [row] = await tx
        .update(issues)
        .set({
          milestoneId: next.milestone?.id ?? null,
          dueDate: next.dueDate,
          confidential: next.confidential,
          // Text is sent only when it changed: a description can be a megabyte.
          ...(changed.includes('title') && { title: next.title }),
          ...(changed.includes('description') && { description: next.description }),
          ...(changed.includes('state') && { state: next.state }),
          updatedAt: bumpedUpdatedAt,
          updatedById: actorId,
        })
        .where(eq(issues.id, issueId))
        .returning({ updatedAt: issues.updatedAt });
      updatedAt = row?.updatedAt;
    }
    if (updatedAt === undefined) throw new Error(`Issue ${issueId} vanished while locked`);
    next.updatedAt = new Date(updatedAt);
    return { issue: next, changed };
  });
}

async function checkedLabels(
  tx: AppDatabase,
  issue: IssueRecord,
  patch: IssuePatch,
): Promise<LabelRecord[]> {
  const ids = [...new Set(patch.labelIds ?? [])];
  const found = await findLabels(tx, issue.projectId, ids);
  if (found.length !== ids.length) {
    const have = new Set(found.map((label) => label.id));
    const missing = ids.filter((id) => !have.has(id));
    throw new Error(`Cannot update labels: no label ${missing.join(', ')} in the project`);
  }
  return found;
}

async function checkedMilestone(
  tx: AppDatabase,
  issue: IssueRecord,
  patch: IssuePatch,
): Promise<MilestoneRecord | null> {
  if (patch.milestoneId === null || patch.milestoneId === undefined) return null;
  const found = await findMilestone(tx, issue.projectId, patch.milestoneId);
  if (!found) throw new Error(`Cannot update milestone: no milestone ${patch.milestoneId}`);
  return found;
}

/** The users of `userIds` that exist, by id (one query). */
export async function findUsers(
  db: AppDatabase,
  userIds: readonly number[],
): Promise<Map<number, UserRecord>> {
  if (userIds.length === 0) return new Map();
  const found = await db
    .select(userColumns)
    .from(users)
    .leftJoin(userStatuses, statusOfUser)
    .where(inArray(users.id, [...new Set(userIds)]));
  return new Map(found.map((user) => [user.id, user]));
}
