import type { ProjectViewer } from './identity.js';
import type {
  ConfidentialScope,
  IssueRecord,
  IssueState,
  LabelRecord,
  MilestoneRecord,
  MilestoneState,
  ProjectRecord,
  UserRecord,
} from './types.js';

/** What one issue update sets; an absent field stays as it is. */
export interface IssuePatch {
  /** Ordered user ids. */
  assigneeIds?: readonly number[];
  /** Label ids of the issue's project. */
  labelIds?: readonly number[];
  /** A milestone of the issue's project, or null for none. */
  milestoneId?: number | null;
  /** `YYYY-MM-DD`, or null for none. */
  dueDate?: string | null;
  confidential?: boolean;
  /** Non-blank, at most TITLE_MAX characters (checked by the update service). */
  title?: string;
  /** Markdown, or null for none. */
  description?: string | null;
  state?: IssueState;
}

/** The parts of an issue an update can change, each with its own GitLab event. */
export type IssueField = keyof IssuePatch;

/** What an update names, so that everything deciding it needs is read at once. */
export interface UpdateContextRequest {
  projectPath: string;
  iid: number;
  /** The acting user (null: anonymous). */
  actorId: number | null;
  /** Users to assign or unassign. */
  usernames: readonly string[];
  /** Label ids the request sets, adds or removes. */
  labelIds: readonly number[];
  milestoneId: number | null;
  /** Locks the issue row first; only inside {@link IssueRepository.transaction}. */
  lock?: boolean;
}

/** A user an update names, and what assigning them depends on. */
export interface NamedUser {
  user: UserRecord;
  viewer: ProjectViewer;
}

/** Everything deciding an update needs, as one read found it. */
export interface UpdateContext {
  issue: IssueRecord;
  /** The issue's `updatedAt` as stored, to the microsecond: the version a write checks. */
  version: string;
  /** The actor, as a viewer of the issue's project; null when anonymous or no such user. */
  actor: NamedUser | null;
  /** The named users that exist (unknown usernames are absent). */
  users: NamedUser[];
  /** The named labels of the issue's project (others are absent) and the issue's own, by title. */
  labels: LabelRecord[];
  /** The named milestone when it belongs to the issue's project. */
  milestone: MilestoneRecord | null;
}

/** What {@link IssueRepository.writeIssue} answers when another write came first. */
export const STALE = 'stale';

/** What `createIssue` writes; the iid, timestamps and state are the database's. */
export interface NewIssue {
  projectId: number;
  title: string;
  description: string | null;
  confidential: boolean;
  authorId: number;
  assigneeIds: readonly number[];
  /** Label ids of the project (checked by the caller; a label deleted meanwhile fails the write). */
  labelIds?: readonly number[];
  /** A milestone of the project, or null. */
  milestoneId?: number | null;
  /** `YYYY-MM-DD`, or null. */
  dueDate?: string | null;
}

/** What an issue list shows (GitLab's `IssuesFinder` parameters, the ones served here). */
export interface IssueListFilter {
  /** Absent: every state. */
  state?: IssueState;
  /** Issues carrying every one of these labels (titles, exact). */
  labelTitles?: readonly string[];
  /** Issues with one of these milestones (titles, exact). */
  milestoneTitles?: readonly string[];
  /** Issues assigned to every one of these users (usernames, exact). */
  assigneeUsernames?: readonly string[];
  confidential: ConfidentialScope;
}

/** Where a page of a list starts: after this issue, in the list's order (newest created first). */
export interface IssueListCursor {
  createdAt: Date;
  id: number;
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
  /** The issues the user is assigned to (any project), most recently updated first, at most `limit`. */
  listIssuesAssignedTo(userId: number, limit: number): Promise<IssueRecord[]>;
  /** The project's issues, newest first, at most `limit`. */
  listIssues(projectId: number, limit: number): Promise<IssueRecord[]>;
  /**
   * A page of the project's issues that match `filter`, newest created first (ties by id),
   * starting after `after`, and whether more follow.
   */
  listIssuePage(
    projectId: number,
    filter: IssueListFilter,
    page: { first: number; after?: IssueListCursor | undefined },
  ): Promise<{ issues: IssueRecord[]; hasNextPage: boolean }>;
  /** How many of the project's issues match `filter`. */
  countIssues(projectId: number, filter: IssueListFilter): Promise<number>;
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
   * Creates an issue with the project's next iid, its ordered assignees and its labels in one
   * transaction (the project row is locked, so concurrent creations get distinct iids). Returns it
   * as committed. Throws (and writes nothing) when an id names no user, or no label or milestone
   * of the project.
   */
  createIssue(issue: NewIssue): Promise<IssueRecord>;
  /**
   * One transaction for any combination of fields: the issue row is locked, `compute` receives
   * the issue as committed and returns what to set; the fields that differ are written and
   * `updatedAt` moves (+1 ms at least). Returns the issue as committed and the changed fields.
   * Throws (and writes nothing) when the issue does not exist, `compute` throws, or an id names
   * no user, or no label or milestone of the issue's project.
   */
  updateIssue(
    issueId: number,
    compute: (current: IssueRecord) => IssuePatch,
    actorId?: number | null,
  ): Promise<{ issue: IssueRecord; changed: IssueField[] }>;
  /**
   * One round trip: the issue `iid` of the project at `projectPath`, with everything deciding
   * an update of it needs (see {@link UpdateContext}); null when there is no such issue.
   */
  loadUpdateContext(request: UpdateContextRequest): Promise<UpdateContext | null>;
  /**
   * One statement: writes `patch` (only the fields that change), the actor as the last editor,
   * and answers the new `updatedAt` (+1 ms at least); {@link STALE}, writing nothing, when the
   * issue is no longer at `version` (null: the caller holds the row lock). Throws (and writes
   * nothing) when the issue does not exist or an id names no user, or no label or milestone of
   * the issue's project.
   */
  writeIssue(
    issueId: number,
    version: string | null,
    patch: IssuePatch,
    actorId: number | null,
  ): Promise<Date | typeof STALE>;
  /** Runs `work` in one transaction, on a repository bound to it; commits when it resolves. */
  transaction<T>(work: (repository: IssueRepository) => Promise<T>): Promise<T>;
  /** The project's labels by title, filtered by a case-insensitive match on the title. */
  listLabels(projectId: number, search?: string): Promise<LabelRecord[]>;
  /** The labels of the project with these exact titles (others are absent). */
  findLabelsByTitles(projectId: number, titles: readonly string[]): Promise<LabelRecord[]>;
  /** The labels of the project among `ids` (others are absent). */
  findLabels(projectId: number, ids: readonly number[]): Promise<LabelRecord[]>;
  /** The project's milestones, by due date (none last), filtered by state and title. */
  listMilestones(
    projectId: number,
    filter: { state?: MilestoneState; search?: string },
  ): Promise<MilestoneRecord[]>;
  /** The milestone `id` when it belongs to the project. */
  findMilestone(projectId: number, id: number): Promise<MilestoneRecord | null>;
  /** Sets the confidential flag in one transaction; `updatedAt` moves when it changes. */
  setConfidential(
    issueId: number,
    confidential: boolean,
    actorId?: number | null,
  ): Promise<{ issue: IssueRecord; changed: boolean }>;
}
