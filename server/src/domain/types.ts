/**
 * Domain records as the server holds them after loading from the database.
 * GraphQL resolvers map these to API types (global IDs, URLs); nothing here knows GraphQL.
 */

export interface UserRecord {
  id: number;
  username: string;
  name: string;
  /**
   * The user's status: null when none is set, undefined when it was not loaded with the user
   * (issue records always load it; user lists may not).
   */
  status?: UserStatusRecord | null;
}

/** GitLab's user availability values, as stored. */
export type Availability = 'not_set' | 'busy';

/** A user's status (GitLab's `UserStatus`), set with `PUT /api/v4/user/status`. */
export interface UserStatusRecord {
  availability: Availability;
  message: string | null;
  /** A gemoji name, e.g. `speech_balloon`. */
  emoji: string;
}

export type ProjectVisibility = 'public' | 'internal' | 'private';

export interface ProjectRecord {
  id: number;
  /** e.g. `gitlab-org/gitlab-test` */
  fullPath: string;
  name: string;
  visibility: ProjectVisibility;
}

export type IssueState = 'opened' | 'closed';

/** A project label; a title with `::` is scoped (see domain/labels.ts). */
export interface LabelRecord {
  id: number;
  title: string;
  description: string | null;
  /** `#rrggbb` */
  color: string;
}

export type MilestoneState = 'active' | 'closed';

/** A project milestone; dates are calendar dates, `YYYY-MM-DD`. */
export interface MilestoneRecord {
  id: number;
  title: string;
  state: MilestoneState;
  startDate: string | null;
  dueDate: string | null;
}

/** An issue with everything a push needs already loaded, so a delivery reads nothing. */
export interface IssueRecord {
  id: number;
  projectId: number;
  projectFullPath: string;
  /** Needed to decide who may see the issue, including when a push is delivered. */
  projectVisibility: ProjectVisibility;
  /** Internal ID, unique within the project. */
  iid: number;
  title: string;
  description: string | null;
  state: IssueState;
  confidential: boolean;
  author: UserRecord;
  /** Ordered as assigned. */
  assignees: UserRecord[];
  /** Ordered by title. */
  labels: LabelRecord[];
  milestone: MilestoneRecord | null;
  /** A calendar date, `YYYY-MM-DD`, or null. */
  dueDate: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Who made the last change through the update service (null for seeded or older data). */
  updatedBy: UserRecord | null;
}

/**
 * Which confidential issues of a project a list may show its viewer (`Ability.confidentialIssueScope`):
 * all of them, none, or those the user wrote or is assigned to.
 */
export type ConfidentialScope = 'all' | 'none' | { readonly authorOrAssignee: number };

/** Whether a trigger's object (or a resolver's root value) is an issue record. */
export function isIssueRecord(value: unknown): value is IssueRecord {
  return typeof value === 'object' && value !== null && 'assignees' in value && 'iid' in value;
}

/** Who is viewing an issue now (presence): signed-in users who may read it, and anonymous connections. */
export interface IssueViewersRecord {
  /** Increases with every change of the viewers (orders pushes; unrelated to `updatedAt`). */
  version: number;
  /** The first of them (at most a page, by name); `userCount` counts them all. */
  users: UserRecord[];
  userCount: number;
  anonymousCount: number;
}

/** An issue as GraphQL resolves it: a presence push attaches the viewers it carries. */
export type IssueWithViewers = IssueRecord & { readonly viewers?: IssueViewersRecord | null };

/**
 * What a presence push carries: the issue (for the permission check, as loaded by the process
 * that pushed) and its viewers; null viewers when the `issue_presence` flag is off. It has no
 * `updatedAt`: a presence push never moves the issue's version.
 */
export interface IssuePresenceEvent {
  kind: 'issue_presence';
  issue: IssueRecord;
  viewers: IssueViewersRecord | null;
}

export function isIssuePresenceEvent(value: unknown): value is IssuePresenceEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'issue_presence' &&
    isIssueRecord((value as { issue?: unknown }).issue)
  );
}

/**
 * What a project's list event (`projectIssuesUpdated`) carries: a new or changed issue. Wrapped,
 * so a subscriber who may read the project but not this issue (a confidential one) is only
 * skipped, where a subscriber of the issue itself who loses access is ended.
 */
export interface ProjectIssueEvent {
  kind: 'project_issue';
  issue: IssueRecord;
}

/**
 * A list event with no issue: "reload the list" (a list has no one current state), sent as a
 * list subscription's first payload, after a pub/sub gap, and when an issue's readers may have
 * shrunk (those who lost it get nothing of it, but their list must drop it), to those who may
 * read the project.
 */
export interface ProjectIssuesResync {
  kind: 'project_issues_resync';
  project: Pick<ProjectRecord, 'id' | 'fullPath' | 'visibility'>;
}

export function isProjectIssueEvent(value: unknown): value is ProjectIssueEvent {
  return kindOf(value) === 'project_issue' && isIssueRecord((value as { issue?: unknown }).issue);
}

export function isProjectIssuesResync(value: unknown): value is ProjectIssuesResync {
  const project = (value as { project?: { id?: unknown } } | null)?.project;
  return kindOf(value) === 'project_issues_resync' && typeof project?.id === 'number';
}

function kindOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : null;
}
