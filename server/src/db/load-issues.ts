/**
 * Loading issues with everything a push needs (project path and visibility, author, last editor,
 * ordered assignees) in ONE statement, through the `issue_records` view and the PL/pgSQL
 * functions `issue_record_by_id`, `issue_record_by_iid` and `issue_record_for_update`
 * (migration 0004). The functions keep their plan for the session: on PGlite, which
 * plans every statement again, that made an issue load 5x cheaper (2.4 ms → 0.45 ms), and it is
 * the read that every subscriber's first payload and every write makes.
 */
import { asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { integer, json, pgView } from 'drizzle-orm/pg-core';

import type { IssueRecord, UserStatusRecord } from '../domain/types.js';

import { callFunction } from './call-function.js';
import type { AppDatabase } from './database.js';
import { issueAssignees, issues, users, userStatuses } from './schema.js';

/**
 * A user's columns with the status as issue records carry it (null without one). Selects that
 * use it left-join `user_statuses` on the user (see `withStatus`).
 */
export const userColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  status: sql<UserStatusRecord | null>`CASE WHEN ${userStatuses.userId} IS NULL THEN NULL
    ELSE json_build_object('availability', ${userStatuses.availability},
      'message', ${userStatuses.message}, 'emoji', ${userStatuses.emoji}) END`,
};

/** The join `userColumns` needs. */
export const statusOfUser = eq(userStatuses.userId, users.id);

/** An IssueRecord as the database builds it: timestamps arrive as ISO strings. */
export type IssueRecordJson = Omit<IssueRecord, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

/** Created by migration 0004, not by drizzle-kit (hence `existing()`). */
const issueRecords = pgView('issue_records', {
  id: integer('id').notNull(),
  projectId: integer('project_id').notNull(),
  iid: integer('iid').notNull(),
  record: json('record').$type<IssueRecordJson>().notNull(),
}).existing();

export function toIssueRecord(json: IssueRecordJson): IssueRecord {
  return { ...json, createdAt: new Date(json.createdAt), updatedAt: new Date(json.updatedAt) };
}

async function callRecordFunction(db: AppDatabase, call: SQL): Promise<IssueRecord | null> {
  const record = await callFunction<IssueRecordJson>(db, call);
  return record ? toIssueRecord(record) : null;
}

/**
 * The issue with id `id`, or null. `lock`: inside a transaction, locks the issue row first
 * (FOR UPDATE, in the same statement), so the caller reads and changes it with no concurrent
 * writer in between.
 */
export async function loadIssueById(
  db: AppDatabase,
  id: number,
  { lock = false }: { lock?: boolean } = {},
): Promise<IssueRecord | null> {
  return callRecordFunction(
    db,
    lock ? sql`issue_record_for_update(${id})` : sql`issue_record_by_id(${id})`,
  );
}

/** The issue `iid` of project `projectId`, or null. */
export function loadIssueByIid(
  db: AppDatabase,
  projectId: number,
  iid: number,
): Promise<IssueRecord | null> {
  return callRecordFunction(db, sql`issue_record_by_iid(${projectId}, ${iid})`);
}

/** Every issue of a project, oldest first (lists are rare: the view is planned each time). */
export async function loadProjectIssues(
  db: AppDatabase,
  projectId: number,
): Promise<IssueRecord[]> {
  const rows = await db
    .select({ record: issueRecords.record })
    .from(issueRecords)
    .where(eq(issueRecords.projectId, projectId))
    .orderBy(asc(issueRecords.id));
  return rows.map((row) => toIssueRecord(row.record));
}

/** The issues with these ids, in the order given (ids of missing issues are skipped). */
export async function loadIssueRecords(
  db: AppDatabase,
  ids: readonly number[],
): Promise<IssueRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: issueRecords.id, record: issueRecords.record })
    .from(issueRecords)
    .where(inArray(issueRecords.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, toIssueRecord(row.record)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The issues `userId` is assigned to, most recently updated first, at most `limit`, with how
 * many there are in all (a window count in the same statement).
 */
export async function loadIssuesAssignedTo(
  db: AppDatabase,
  userId: number,
  limit: number,
): Promise<{ issues: IssueRecord[]; total: number }> {
  const rows = await db
    .select({ record: issueRecords.record, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(issueRecords)
    .innerJoin(issueAssignees, eq(issueAssignees.issueId, issueRecords.id))
    .innerJoin(issues, eq(issues.id, issueRecords.id))
    .where(eq(issueAssignees.userId, userId))
    .orderBy(desc(issues.updatedAt), desc(issues.id))
    .limit(limit);
  return { issues: rows.map((row) => toIssueRecord(row.record)), total: rows[0]?.total ?? 0 };
}
