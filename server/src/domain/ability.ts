import type { IssueRecord, ProjectRecord, ProjectVisibility, UserRecord } from './types.js';

/**
 * Who may do what: one module used by HTTP, GraphQL and the cable alike, so a query, a
 * subscription and every push answer the same question the same way.
 *
 * Until memberships exist this grants what GitLab grants non-members: public projects to
 * everyone, internal ones to signed-in users, private ones to nobody; confidential issues only
 * to their author and assignees.
 */
export const Ability = {
  readProject(user: UserRecord | null, project: Pick<ProjectRecord, 'visibility'>): boolean {
    return visible(user, project.visibility);
  },

  /**
   * Changing an issue (its assignees, confidentiality). Until sign-in exists every visitor who
   * may read an issue may change it, as in the demo; memberships will narrow this.
   */
  updateIssue(user: UserRecord | null, issue: IssueRecord): boolean {
    return Ability.readIssue(user, issue);
  },

  readIssue(user: UserRecord | null, issue: IssueRecord): boolean {
    if (!visible(user, issue.projectVisibility)) return false;
    if (!issue.confidential) return true;
    if (!user) return false;
    return (
      issue.author.id === user.id || issue.assignees.some((assignee) => assignee.id === user.id)
    );
  },
};

function visible(user: UserRecord | null, visibility: ProjectVisibility): boolean {
  if (visibility === 'public') return true;
  return visibility === 'internal' && user !== null;
}
