import type { AccessLevel } from './identity.js';
import type { IssueRecord, ProjectRecord, UserRecord } from './types.js';

/** A project page's data: the project, the issue asked for, and the caller's membership. */
export interface ProjectPageData {
  project: ProjectRecord;
  /** The issue `iid` of the project; null when there is none (or none was asked for). */
  issue: IssueRecord | null;
  /** The caller's access level in the project; null for non-members and anonymous callers. */
  accessLevel: AccessLevel | null;
}

/**
 * What the server reads to answer a page's HTML (status and title) before the client runs:
 * one statement per page, so a page load costs one read besides the session's.
 */
export interface PageLookup {
  /** Null when there is no project at `fullPath`. */
  projectPage(
    fullPath: string,
    iid: number | null,
    userId: number | null,
  ): Promise<ProjectPageData | null>;
  /** The user with this username (exact), or null. */
  user(username: string): Promise<UserRecord | null>;
}
