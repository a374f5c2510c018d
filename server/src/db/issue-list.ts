/**
 * The issue list's reads (GitLab's `IssuesFinder`, the filters served here): which issues of a
 * project match, a keyset page of them, and how many. The matching ids are found on the tables
 * (indexes, no JSON built), then only the page's records are loaded from `issue_records`.
 */
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';

import type { IssueListCursor, IssueListFilter } from '../domain/repository.js';
import type { IssueRecord } from '../domain/types.js';

import type { AppDatabase } from './database.js';
import { loadIssueRecords } from './load-issues.js';
import { issueAssignees, issueLabels, issues, labels, milestones, users } from './schema.js';

/** The WHERE clause of a filter, on `issues`. */
function matching(projectId: number, filter: IssueListFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(issues.projectId, projectId)];
  if (filter.state) where.push(eq(issues.state, filter.state));
  for (const title of new Set(filter.labelTitles ?? [])) {
    where.push(
      exists(
        sql`select 1 from ${issueLabels} join ${labels} on ${labels.id} = ${issueLabels.labelId}
          where ${issueLabels.issueId} = ${issues.id} and ${labels.title} = ${title}`,
      ),
    );
  }
  if (filter.milestoneTitles?.length) {
    const titles = [...new Set(filter.milestoneTitles)];
    where.push(
      inArray(
        issues.milestoneId,
        sql`(select ${milestones.id} from ${milestones}
          where ${milestones.projectId} = ${projectId} and ${inArray(milestones.title, titles)})`,
      ),
    );
  }
  for (const username of new Set(filter.assigneeUsernames ?? [])) {
    where.push(
      exists(
        sql`select 1 from ${issueAssignees} join ${users} on ${users.id} = ${issueAssignees.userId}
          where ${issueAssignees.issueId} = ${issues.id} and ${users.username} = ${username}`,
      ),
    );
  }
  where.push(confidentialCondition(filter.confidential));
  return and(...where);
}

function confidentialCondition(scope: IssueListFilter['confidential']): SQL | undefined {
  if (scope === 'all') return undefined;
  if (scope === 'none') return eq(issues.confidential, false);
  const userId = scope.authorOrAssignee;
  return or(
    eq(issues.confidential, false),
    eq(issues.authorId, userId),
    exists(
      sql`select 1 from ${issueAssignees}
        where ${issueAssignees.issueId} = ${issues.id} and ${issueAssignees.userId} = ${userId}`,
    ),
  );
}

/** Issues created before the cursor's, or at the same time with a smaller id. */
function after(cursor: IssueListCursor): SQL | undefined {
  const at = sql`${cursor.createdAt.toISOString()}::timestamptz`;
  return or(lt(issues.createdAt, at), and(eq(issues.createdAt, at), lt(issues.id, cursor.id)));
}

export async function listIssuePage(
  db: AppDatabase,
  projectId: number,
  filter: IssueListFilter,
  page: { first: number; after?: IssueListCursor | undefined },
): Promise<{ issues: IssueRecord[]; hasNextPage: boolean }> {
  const rows = await db
    .select({ id: issues.id })
    .from(issues)
    .where(and(matching(projectId, filter), page.after ? after(page.after) : undefined))
    .orderBy(desc(issues.createdAt), desc(issues.id))
    .limit(page.first + 1);
  const ids = rows.slice(0, page.first).map((row) => row.id);
  return { issues: await loadIssueRecords(db, ids), hasNextPage: rows.length > page.first };
}

export async function countIssues(
  db: AppDatabase,
  projectId: number,
  filter: IssueListFilter,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(issues)
    .where(matching(projectId, filter));
  return row?.count ?? 0;
}

/** `EXISTS (subquery)` for a subquery written as SQL (drizzle's `exists` wants a query builder). */
function exists(subquery: SQL): SQL {
  return sql`exists (${subquery})`;
}
