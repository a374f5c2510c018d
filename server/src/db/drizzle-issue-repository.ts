/**
 * `IssueRepository` on Drizzle's driver-neutral PostgreSQL API (PGlite and PostgreSQL).
 * An issue loads in one statement with its project, author and assignees (load-issues.ts).
 */
import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';

import type {
  IssueField,
  IssueListCursor,
  IssueListFilter,
  IssuePatch,
  IssueRepository,
  NewIssue,
  STALE,
  UpdateContext,
  UpdateContextRequest,
} from '../domain/repository.js';
import type {
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  MilestoneState,
  ProjectRecord,
  UserRecord,
} from '../domain/types.js';
import type { AppDatabase } from './database.js';
import { createIssue } from './create-issue.js';
import { countIssues, listIssuePage } from './issue-list.js';
import {
  loadIssueById,
  loadIssueByIid,
  loadIssuesAssignedTo,
  loadProjectIssues,
  statusOfUser,
  userColumns,
} from './load-issues.js';
import {
  findLabels,
  findLabelsByTitles,
  findMilestone,
  likePattern,
  listLabels,
  listMilestones,
} from './labels-milestones.js';
import { members, projects, users, userStatuses } from './schema.js';
import { loadUpdateContext } from './update-context.js';
import { updateIssue, writeIssue } from './update-issue.js';

const SEARCH_LIMIT = 20;

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
    const result = await updateIssue(
      this.db,
      issueId,
      (issue) => ({ assigneeIds: compute(issue.assignees) }),
      actorId,
      'assignees',
    );
    return { issue: result.issue, changed: result.changed.length > 0 };
  }

  updateIssue(
    issueId: number,
    compute: (current: IssueRecord) => IssuePatch,
    actorId: number | null = null,
  ): Promise<{ issue: IssueRecord; changed: IssueField[] }> {
    return updateIssue(this.db, issueId, compute, actorId);
  }

  loadUpdateContext(request: UpdateContextRequest): Promise<UpdateContext | null> {
    return loadUpdateContext(this.db, request);
  }

  writeIssue(
    issueId: number,
    version: string | null,
    patch: IssuePatch,
    actorId: number | null,
  ): Promise<Date | typeof STALE> {
    return writeIssue(this.db, issueId, version, patch, actorId);
  }

  transaction<T>(work: (repository: IssueRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new DrizzleIssueRepository(tx)));
  }

  listLabels(projectId: number, search?: string): Promise<LabelRecord[]> {
    return listLabels(this.db, projectId, search);
  }

  findLabelsByTitles(projectId: number, titles: readonly string[]): Promise<LabelRecord[]> {
    return findLabelsByTitles(this.db, projectId, titles);
  }

  findLabels(projectId: number, ids: readonly number[]): Promise<LabelRecord[]> {
    return findLabels(this.db, projectId, ids);
  }

  listMilestones(
    projectId: number,
    filter: { state?: MilestoneState; search?: string },
  ): Promise<MilestoneRecord[]> {
    return listMilestones(this.db, projectId, filter);
  }

  findMilestone(projectId: number, id: number): Promise<MilestoneRecord | null> {
    return findMilestone(this.db, projectId, id);
  }

  async listIssues(projectId: number, limit: number): Promise<IssueRecord[]> {
    const rows = await loadProjectIssues(this.db, projectId);
    return rows.sort((a, b) => b.iid - a.iid).slice(0, limit);
  }

  listIssuePage(
    projectId: number,
    filter: IssueListFilter,
    page: { first: number; after?: IssueListCursor | undefined },
  ): Promise<{ issues: IssueRecord[]; hasNextPage: boolean }> {
    return listIssuePage(this.db, projectId, filter, page);
  }

  countIssues(projectId: number, filter: IssueListFilter): Promise<number> {
    return countIssues(this.db, projectId, filter);
  }

  createIssue(issue: NewIssue): Promise<IssueRecord> {
    return createIssue(this.db, issue);
  }

  async listIssuesAssignedTo(userId: number, limit: number): Promise<IssueRecord[]> {
    return (await loadIssuesAssignedTo(this.db, userId, limit)).issues;
  }

  async setConfidential(
    issueId: number,
    confidential: boolean,
    actorId: number | null = null,
  ): Promise<{ issue: IssueRecord; changed: boolean }> {
    const result = await updateIssue(this.db, issueId, () => ({ confidential }), actorId);
    return { issue: result.issue, changed: result.changed.length > 0 };
  }
}
