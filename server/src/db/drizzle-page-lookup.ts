/** `PageLookup` on Drizzle: each page's data in one statement. */
import { and, eq, sql } from 'drizzle-orm';

import type { PageLookup, ProjectPageData } from '../domain/page-lookup.js';
import type { IssueRecord, UserRecord } from '../domain/types.js';

import type { AppDatabase } from './database.js';
import { members, projects, users } from './schema.js';

/** An issue record as `issue_record_by_iid` returns it (timestamps as ISO strings). */
type IssueJson = Omit<IssueRecord, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

export class DrizzlePageLookup implements PageLookup {
  constructor(private readonly db: AppDatabase) {}

  async projectPage(
    fullPath: string,
    iid: number | null,
    userId: number | null,
  ): Promise<ProjectPageData | null> {
    const [row] = await this.db
      .select({
        id: projects.id,
        fullPath: projects.fullPath,
        name: projects.name,
        visibility: projects.visibility,
        // The issue record function (migration 0004) keeps its plan for the session.
        issue:
          iid === null
            ? sql<IssueJson | null>`null::json`
            : sql<IssueJson | null>`issue_record_by_iid(${projects.id}, ${iid})`,
        accessLevel: members.accessLevel,
      })
      .from(projects)
      .leftJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId ?? 0)))
      .where(eq(projects.fullPath, fullPath));
    if (!row) return null;
    const { issue, accessLevel, ...project } = row;
    return {
      project,
      issue: issue
        ? { ...issue, createdAt: new Date(issue.createdAt), updatedAt: new Date(issue.updatedAt) }
        : null,
      accessLevel: accessLevel ?? null,
    };
  }

  async user(username: string): Promise<UserRecord | null> {
    const [row] = await this.db
      .select({ id: users.id, username: users.username, name: users.name })
      .from(users)
      .where(eq(users.username, username));
    return row ?? null;
  }
}
