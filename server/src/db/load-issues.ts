/**
 * Loading issues with everything a push needs (project path and visibility, author, ordered
 * assignees) in two queries, whatever the number of issues.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';

import type { IssueRecord, UserRecord } from '../domain/types.js';

import type { AppDatabase } from './database.js';
import { issueAssignees, issues, projects, users } from './schema.js';

export const userColumns = { id: users.id, username: users.username, name: users.name };

/** The users table again, as the last editor of an issue. */
const editors = alias(users, 'editors');

/**
 * Loads issues matching `where` with their project path, author and ordered assignees.
 * `lock`: inside a transaction, also locks the issue rows (FOR UPDATE OF issues) so the caller
 * reads and changes them without a second query.
 */
export async function loadIssues(
  db: AppDatabase,
  where: SQL,
  { lock = false }: { lock?: boolean } = {},
): Promise<IssueRecord[]> {
  const query = db
    .select({
      id: issues.id,
      projectId: issues.projectId,
      projectFullPath: projects.fullPath,
      projectVisibility: projects.visibility,
      iid: issues.iid,
      title: issues.title,
      description: issues.description,
      state: issues.state,
      confidential: issues.confidential,
      author: userColumns,
      createdAt: issues.createdAt,
      updatedAt: issues.updatedAt,
      updatedBy: { id: editors.id, username: editors.username, name: editors.name },
    })
    .from(issues)
    .innerJoin(projects, eq(projects.id, issues.projectId))
    .innerJoin(users, eq(users.id, issues.authorId))
    .leftJoin(editors, eq(editors.id, issues.updatedById))
    .where(where)
    .orderBy(asc(issues.id));
  const rows = await (lock ? query.for('update', { of: issues }) : query);
  if (rows.length === 0) return [];

  const assignees = await loadAssignees(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, assignees: assignees.get(row.id) ?? [] }));
}

/** Assignees per issue id, each list in assignment order. */
export async function loadAssignees(
  db: AppDatabase,
  issueIds: readonly number[],
): Promise<Map<number, UserRecord[]>> {
  const rows = await db
    .select({ issueId: issueAssignees.issueId, user: userColumns })
    .from(issueAssignees)
    .innerJoin(users, eq(users.id, issueAssignees.userId))
    .where(inArray(issueAssignees.issueId, [...issueIds]))
    .orderBy(asc(issueAssignees.issueId), asc(issueAssignees.position));
  const byIssue = new Map<number, UserRecord[]>();
  for (const { issueId, user } of rows) {
    const list = byIssue.get(issueId);
    if (list) list.push(user);
    else byIssue.set(issueId, [user]);
  }
  return byIssue;
}
