import type { IssueRecord, ProjectRecord, UserRecord } from './types.js';

/** What `createIssue` writes; the iid, timestamps and state are the database's. */
export interface NewIssue {
  projectId: number;
  title: string;
  description: string | null;
  confidential: boolean;
  authorId: number;
  assigneeIds: readonly number[];
}

/**
 * Storage for the issue domain. One implementation runs on PGlite (embedded) and on `pg`
 * (a real PostgreSQL) through Drizzle; unit tests may use an in-memory double that
 * implements this same interface.
 */
export interface IssueRepository {
  findProjectByFullPath(fullPath: string): Promise<ProjectRecord | null>;
  findProjectById(id: number): Promise<ProjectRecord | null>;
  /** The issue with its author and ordered assignees, or null. */
  findIssue(projectId: number, iid: number): Promise<IssueRecord | null>;
  findIssueById(id: number): Promise<IssueRecord | null>;
  /** The project's issues, newest first, at most `limit`. */
  listIssues(projectId: number, limit: number): Promise<IssueRecord[]>;
  /** Users with these usernames (case-sensitive), in no particular order; unknown names are absent. */
  findUsersByUsernames(usernames: readonly string[]): Promise<UserRecord[]>;
  /** Users with these ids, with their status, in no particular order; unknown ids are absent. */
  findUsersByIds(ids: readonly number[]): Promise<UserRecord[]>;
  /** Users who can be assigned in the project, filtered by a case-insensitive match on username or name. */
  searchAssignableUsers(projectId: number, search?: string): Promise<UserRecord[]>;
  /**
   * Atomically replaces the issue's assignees: inside one transaction the issue row is locked,
   * `compute` receives the current assignees and returns the new ordered user ids; when they
   * differ the assignees are rewritten and `updatedAt` moves. Returns the issue as committed.
   * Throws (and writes nothing) when the issue does not exist or `compute` throws.
   */
  updateAssignees(
    issueId: number,
    compute: (current: readonly UserRecord[]) => readonly number[],
    actorId?: number | null,
  ): Promise<{ issue: IssueRecord; changed: boolean }>;
  /**
   * Creates an issue with the project's next iid and its ordered assignees in one transaction
   * (the project row is locked, so concurrent creations get distinct iids). Returns it as committed.
   */
  createIssue(issue: NewIssue): Promise<IssueRecord>;
  /** Sets the confidential flag in one transaction; `updatedAt` moves when it changes. */
  setConfidential(
    issueId: number,
    confidential: boolean,
    actorId?: number | null,
  ): Promise<{ issue: IssueRecord; changed: boolean }>;
}
