/**
 * The write of a new issue: the row with the project's next iid, its ordered assignees and its
 * labels in ONE transaction. Every id is checked inside it (users exist, labels and milestone
 * belong to the project), so a failed check, like any error, writes nothing.
 */
import { eq, sql } from 'drizzle-orm';

import type { NewIssue } from '../domain/repository.js';
import type { IssueRecord } from '../domain/types.js';
import type { AppDatabase } from './database.js';
import { findLabels, findMilestone } from './labels-milestones.js';
import { loadIssueById } from './load-issues.js';
import { issueAssignees, issueLabels, issues, projects } from './schema.js';
import { findUsers } from './update-issue.js';

export async function createIssue(db: AppDatabase, issue: NewIssue): Promise<IssueRecord> {
  const { projectId } = issue;
  const assigneeIds = [...new Set(issue.assigneeIds)];
  const labelIds = [...new Set(issue.labelIds ?? [])];
  const milestoneId = issue.milestoneId ?? null;
  return db.transaction(async (tx) => {
    // Locking the project serialises creations in it, so max(iid) + 1 is never taken twice.
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, projectId))
      .for('update');
    if (!project) throw new Error(`Cannot create issue: project ${projectId} does not exist`);
    const [last] = await tx
      .select({ iid: sql<number>`coalesce(max(${issues.iid}), 0)::int` })
      .from(issues)
      .where(eq(issues.projectId, projectId));
    const users = await findUsers(tx, assigneeIds);
    const unknownUsers = assigneeIds.filter((id) => !users.has(id));
    if (unknownUsers.length > 0)
      throw new Error(`Cannot create issue: unknown user id(s) ${unknownUsers.join(', ')}`);
    if (
      labelIds.length > 0 &&
      (await findLabels(tx, projectId, labelIds)).length !== labelIds.length
    )
      throw new Error(`Cannot create issue: labels ${labelIds.join(', ')} not all in the project`);
    if (milestoneId !== null && !(await findMilestone(tx, projectId, milestoneId)))
      throw new Error(`Cannot create issue: no milestone ${milestoneId} in the project`);

    const [created] = await tx
      .insert(issues)
      .values({
        projectId,
        iid: (last?.iid ?? 0) + 1,
        title: issue.title,
        description: issue.description,
        confidential: issue.confidential,
        authorId: issue.authorId,
        milestoneId,
        dueDate: issue.dueDate ?? null,
      })
      .returning({ id: issues.id });
    if (!created) throw new Error('Cannot create issue: the database returned no row');
    if (assigneeIds.length > 0) {
      await tx
        .insert(issueAssignees)
        .values(assigneeIds.map((userId, position) => ({ issueId: created.id, userId, position })));
    }
    if (labelIds.length > 0) {
      await tx
        .insert(issueLabels)
        .values(labelIds.map((labelId) => ({ issueId: created.id, labelId })));
    }
    const loaded = await loadIssueById(tx, created.id);
    if (!loaded) throw new Error(`Issue ${created.id} vanished inside its transaction`);
    return loaded;
  });
}
