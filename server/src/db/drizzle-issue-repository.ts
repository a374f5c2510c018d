/**
 * `IssueRepository` on Drizzle's driver-neutral PostgreSQL API (PGlite and PostgreSQL).
 * An issue loads in one statement with its project, author and assignees (load-issues.ts).
 */
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';

import type { IssueRepository, NewIssue } from '../domain/repository.js';
import type { IssueRecord, ProjectRecord, UserRecord } from '../domain/types.js';
import type { AppDatabase } from './database.js';
import {
  loadIssueById,
  loadIssueByIid,
  loadProjectIssues,
  statusOfUser,
  userColumns,
} from './load-issues.js';
import { issueAssignees, issues, members, projects, users, userStatuses } from './schema.js';

const SEARCH_LIMIT = 20;

/** Escapes LIKE wildcards so a search for `a_b` or `50%` matches literally. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `ids` without repeats, each kept at its first position. */
function uniqueInOrder(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Reads and writes issues, users and assignees through Drizzle. */
export class DrizzleIssueRepository implements IssueRepository {
  constructor(private readonly db: AppDatabase) {}

  findProjectByFullPath(fullPath: string): Promise<ProjectRecord | null> {
    return this.findProject(eq(projects.fullPath, fullPath));
  }

  findProjectById(id: number): Promise<ProjectRecord | null> {
    return this.findProject(eq(projects.id, id));
  }

  private async findProject(where: SQL): Promise<ProjectRecord | null> {
    const [project] = await this.db
      .select({
        id: projects.id,
        fullPath: projects.fullPath,
        name: projects.name,
        visibility: projects.visibility,
      })
      .from(projects)
      .where(where);
    return project ?? null;
  }

  findIssue(projectId: number, iid: number): Promise<IssueRecord | null> {
    return loadIssueByIid(this.db, projectId, iid);
  }

  findIssueById(id: number): Promise<IssueRecord | null> {
    return loadIssueById(this.db, id);
  }

  async findUsersByUsernames(usernames: readonly string[]): Promise<UserRecord[]> {
    if (usernames.length === 0) return [];
    return this.db
      .select(userColumns)
      .from(users)
      .leftJoin(userStatuses, statusOfUser)
      .where(inArray(users.username, [...usernames]));
  }

  async findUsersByIds(ids: readonly number[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    return this.db
      .select(userColumns)
      .from(users)
      .leftJoin(userStatuses, statusOfUser)
      .where(inArray(users.id, [...ids]));
  }

  /** Without memberships yet, every active user may be assigned in an existing project. */
  async searchAssignableUsers(projectId: number, search?: string): Promise<UserRecord[]> {
    // Only members can be assigned (GitLab's rule), so only members are offered.
    const term = search?.trim() ?? '';
    const matches =
      term === ''
        ? undefined
        : or(ilike(users.username, likePattern(term)), ilike(users.name, likePattern(term)));
    return this.db
      .select(userColumns)
      .from(users)
      .leftJoin(userStatuses, statusOfUser)
      .innerJoin(members, and(eq(members.userId, users.id), eq(members.projectId, projectId)))
      .where(and(eq(users.state, 'active'), matches))
      .orderBy(asc(users.name), asc(users.id))
      .limit(SEARCH_LIMIT);
  }

  async updateAssignees(
    issueId: number,
    compute: (current: readonly UserRecord[]) => readonly number[],
    actorId: number | null = null,
  ): Promise<{ issue: IssueRecord; changed: boolean }> {
    return this.db.transaction(async (tx) => {
      // The row lock serialises concurrent updates of one issue: each compute sees the
      // assignees the previous one committed, so no change is lost. The locked read is also the
      // issue's current state, so the pushed record is built from it, not read again.
      const issue = await loadIssueById(tx, issueId, { lock: true });
      if (!issue) throw new Error(`Cannot update assignees: issue ${issueId} does not exist`);

      const current = issue.assignees;
      const next = uniqueInOrder(compute(current));
      const changed = !sameIds(
        current.map((u) => u.id),
        next,
      );
      if (!changed) return { issue, changed };

      const known = await findUsers(tx, actorId === null ? next : [...next, actorId]);
      assertAllKnown(known, next, 'Cannot update assignees');
      // One statement for the delete, the ordered insert and the updated_at bump (migration 0004).
      const [updated] = await tx
        .select({ updatedAt: sql<Date | string>`updated_at` })
        .from(
          sql`set_issue_assignees(${issueId}, ${`{${next.join(',')}}`}::integer[], ${actorId}) as updated_at`,
        );
      if (!updated) throw new Error(`Issue ${issueId} vanished while locked`);
      return {
        issue: {
          ...issue,
          updatedAt: new Date(updated.updatedAt),
          updatedBy: actorId === null ? null : (known.get(actorId) ?? null),
          assignees: next.map((id) => known.get(id) as UserRecord),
        },
        changed,
      };
    });
  }

  async listIssues(projectId: number, limit: number): Promise<IssueRecord[]> {
    const rows = await loadProjectIssues(this.db, projectId);
    return rows.sort((a, b) => b.iid - a.iid).slice(0, limit);
  }

  async createIssue(issue: NewIssue): Promise<IssueRecord> {
    return this.db.transaction(async (tx) => {
      const { assigneeIds, ...row } = issue;
      // Locking the project serialises creations in it, so max(iid) + 1 is never taken twice.
      const [project] = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.id, issue.projectId))
        .for('update');
      if (!project)
        throw new Error(`Cannot create issue: project ${issue.projectId} does not exist`);
      const [last] = await tx
        .select({ iid: sql<number>`coalesce(max(${issues.iid}), 0)::int` })
        .from(issues)
        .where(eq(issues.projectId, issue.projectId));
      const ids = uniqueInOrder(assigneeIds);
      assertAllKnown(await findUsers(tx, ids), ids, 'Cannot create issue');
      const [created] = await tx
        .insert(issues)
        .values({ ...row, iid: (last?.iid ?? 0) + 1 })
        .returning({ id: issues.id });
      if (!created) throw new Error('Cannot create issue: the database returned no row');
      if (ids.length > 0) {
        await tx
          .insert(issueAssignees)
          .values(ids.map((userId, position) => ({ issueId: created.id, userId, position })));
      }
      const loaded = await loadIssueById(tx, created.id);
      if (!loaded) throw new Error(`Issue ${created.id} vanished inside its transaction`);
      return loaded;
    });
  }

  async setConfidential(
    issueId: number,
    confidential: boolean,
    actorId: number | null = null,
  ): Promise<{ issue: IssueRecord; changed: boolean }> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ confidential: issues.confidential })
        .from(issues)
        .where(eq(issues.id, issueId))
        .for('update');
      if (!locked) throw new Error(`Cannot update issue: issue ${issueId} does not exist`);
      const changed = locked.confidential !== confidential;
      if (changed) {
        await tx
          .update(issues)
          .set({ confidential, updatedAt: bumpedUpdatedAt, updatedById: actorId })
          .where(eq(issues.id, issueId));
      }
      const issue = await loadIssueById(tx, issueId);
      if (!issue) throw new Error(`Issue ${issueId} vanished while locked`);
      return { issue, changed };
    });
  }
}

/**
 * now() is fixed per transaction and clocks can tie or step back; + 1 ms guarantees clients
 * ordering pushes by updatedAt always see a change as newer. `set_issue_assignees` (migration
 * 0004) applies the same rule in SQL: change both together.
 */
const bumpedUpdatedAt = sql`greatest(now(), ${issues.updatedAt} + interval '1 millisecond')`;

/** The users of `userIds` that exist, by id (one query). */
async function findUsers(
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

/** Fails with a readable message instead of a foreign-key violation. */
function assertAllKnown(known: ReadonlyMap<number, unknown>, ids: readonly number[], what: string) {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new Error(`${what}: unknown user id(s) ${missing.join(', ')}`);
}
