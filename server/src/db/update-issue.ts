/**
 * The write of an issue update: any combination of assignees, labels, milestone, due date and
 * confidentiality as ONE statement, `write_issue_patch` (migration 0010), which checks the
 * version and the ids, writes and moves `updated_at`. It reads nothing back: the update service
 * builds the record it pushes from its read and the patch (domain/issue-patch.ts).
 */
import { inArray, sql } from 'drizzle-orm';

import { changedFields, changedPatch } from '../domain/issue-patch.js';
import { STALE, type IssueField, type IssuePatch } from '../domain/repository.js';
import type { IssueRecord, UserRecord } from '../domain/types.js';
import { callFunction } from './call-function.js';
import type { AppDatabase } from './database.js';
import { loadIssueById, statusOfUser, userColumns } from './load-issues.js';
import { users, userStatuses } from './schema.js';

/** What `update_issue_record` answers. */
type WriteAnswer =
  | { updatedAt: string }
  | { stale: true }
  | { error: 'issue' | 'users' | 'labels' | 'milestone'; ids: number[] };

/**
 * Writes `patch` (only fields that change) in one statement. `version`: the issue's
 * `updatedAt` as read, to the microsecond; null when the caller holds the row lock.
 * Throws, having written nothing, when an id names nothing the issue may use.
 */
export async function writeIssue(
  db: AppDatabase,
  issueId: number,
  version: string | null,
  patch: IssuePatch,
  actorId: number | null,
  /** What the caller updates, for the error message. */
  subject = 'issue',
): Promise<Date | typeof STALE> {
  const answer = await callFunction<WriteAnswer>(
    db,
    sql`write_issue_patch(${issueId}::integer, ${version}::timestamptz, ${actorId}::integer, ${JSON.stringify(patch)}::jsonb)`,
  );
  if (!answer) throw new Error(`Cannot update ${subject}: the database returned no row`);
  if ('updatedAt' in answer) return new Date(answer.updatedAt);
  if ('stale' in answer) return STALE;
  const ids = answer.ids.join(', ');
  switch (answer.error) {
    case 'issue':
      throw new Error(`Cannot update ${subject}: issue ${issueId} does not exist`);
    case 'users':
      throw new Error(`Cannot update assignees: unknown user id(s) ${ids}`);
    case 'labels':
      throw new Error(`Cannot update labels: no label ${ids} in the project`);
    case 'milestone':
      throw new Error(`Cannot update milestone: no milestone ${ids}`);
  }
}

/**
 * The update with a computed patch, in one transaction: the row is locked with the read, so
 * `compute` sees what the previous writer committed and no change is lost; then the one write,
 * and the record read again (callers of this form name users by id only).
 */
export async function updateIssue(
  db: AppDatabase,
  issueId: number,
  compute: (current: IssueRecord) => IssuePatch,
  actorId: number | null,
  subject = 'issue',
): Promise<{ issue: IssueRecord; changed: IssueField[] }> {
  return db.transaction(async (tx) => {
    const issue = await loadIssueById(tx, issueId, { lock: true });
    if (!issue) throw new Error(`Cannot update ${subject}: issue ${issueId} does not exist`);
    const patch = compute(issue);
    const changed = changedFields(issue, patch);
    if (changed.length === 0) return { issue, changed };
    const written = await writeIssue(
      tx,
      issueId,
      null,
      changedPatch(patch, changed),
      actorId,
      subject,
    );
    if (written === STALE) throw new Error(`Issue ${issueId} changed while locked`);
    const committed = await loadIssueById(tx, issueId);
    if (!committed) throw new Error(`Issue ${issueId} vanished inside its transaction`);
    return { issue: committed, changed };
  });
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
