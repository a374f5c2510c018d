import { AccessLevel, type AccountRecord, type ProjectViewer } from '../domain/identity.js';
import type {
  ConfidentialScope,
  IssueRecord,
  ProjectRecord,
  ProjectVisibility,
} from '../domain/types.js';

/**
 * Who may do what: one module used by HTTP, GraphQL and the cable alike, so a query, a
 * subscription and every push answer the same question the same way. A viewer is a user as
 * they are now in the project concerned (state, admin, membership); null is an anonymous visitor.
 *
 * - read_issue: public project → everyone for non-confidential issues; internal → signed-in
 *   users; private → members (guest and up); confidential → reporter and up, the author and the
 *   assignees; admins read everything; blocked users nothing.
 * - update_issue: readers who are reporter and up, or the author (or admins).
 */
export type Viewer = ProjectViewer | null;

/**
 * Whether an account has instance-wide admin rights (GitLab's `admin?`): the one place that
 * question is answered, so how "admin" is stored can change without touching callers.
 */
export function isAdmin(account: Pick<AccountRecord, 'admin' | 'state'> | null): boolean {
  return account !== null && account.state === 'active' && account.admin;
}

export const Ability = {
  readProject(viewer: Viewer, project: Pick<ProjectRecord, 'visibility'>): boolean {
    if (viewer?.state === 'blocked') return false;
    if (viewer?.admin) return true;
    return visible(viewer, project.visibility);
  },

  readIssue(viewer: Viewer, issue: IssueRecord): boolean {
    if (!Ability.readProject(viewer, { visibility: issue.projectVisibility })) return false;
    if (!issue.confidential || viewer?.admin) return true;
    if (!viewer) return false;
    return (
      atLeast(viewer, AccessLevel.reporter) ||
      issue.author.id === viewer.userId ||
      issue.assignees.some((assignee) => assignee.id === viewer.userId)
    );
  },

  /**
   * The confidential issues of a project `viewer` may read (who may read the project), as a
   * list filter: the same rule as `readIssue`, so a list never shows an issue its page would hide.
   */
  confidentialIssueScope(viewer: Viewer): ConfidentialScope {
    if (viewer?.admin || (viewer && atLeast(viewer, AccessLevel.reporter))) return 'all';
    return viewer ? { authorOrAssignee: viewer.userId } : 'none';
  },

  updateIssue(viewer: Viewer, issue: IssueRecord): boolean {
    if (!viewer || !Ability.readIssue(viewer, issue)) return false;
    return (
      viewer.admin || atLeast(viewer, AccessLevel.reporter) || issue.author.id === viewer.userId
    );
  },

  /** Creating issues here (and setting assignees/confidential on them): reporter and up. */
  createIssue(viewer: Viewer, project: Pick<ProjectRecord, 'visibility'>): boolean {
    if (!viewer || !Ability.readProject(viewer, project)) return false;
    return viewer.admin || atLeast(viewer, AccessLevel.reporter);
  },

  /** Adding members: maintainers and owners of the project, or admins. */
  adminMembers(viewer: Viewer, project: Pick<ProjectRecord, 'visibility'>): boolean {
    if (!viewer || !Ability.readProject(viewer, project)) return false;
    return viewer.admin || atLeast(viewer, AccessLevel.maintainer);
  },

  /** GitLab assigns only members who may read the issue. */
  assignIssueTo(assignee: Viewer, issue: IssueRecord): boolean {
    return assignee !== null && assignee.accessLevel !== null && Ability.readIssue(assignee, issue);
  },
};

function atLeast(viewer: ProjectViewer, level: AccessLevel): boolean {
  return viewer.accessLevel !== null && viewer.accessLevel >= level;
}

function visible(viewer: Viewer, visibility: ProjectVisibility): boolean {
  if (visibility === 'public') return true;
  if (visibility === 'internal') return viewer !== null;
  return viewer !== null && atLeast(viewer, AccessLevel.guest);
}
