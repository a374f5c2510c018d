/**
 * Idempotent demo data. Every insert is `on conflict do nothing`, and assignees are only
 * written for issues created by this very run, so restarting the server never reverts what a
 * person changed.
 */
import { eq, inArray } from 'drizzle-orm';

import type { AppDatabase } from './database.js';
import { issueAssignees, issues, projects, users } from './schema.js';
import { seedIssues, seedProject, seedUsers } from './seed-data.js';

const HOUR_MS = 60 * 60 * 1000;

/** Inserts the demo users, project and issues that are missing; existing rows are left alone. */
export async function seed(db: AppDatabase): Promise<void> {
  // One transaction: a crash mid-seed must not leave issues without their assignees, since
  // a later run would (rightly) never touch those issues again.
  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values(seedUsers.map((u) => ({ username: u.username, name: u.name, admin: u.admin })))
      .onConflictDoNothing({ target: users.username });
    const userRows = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(
        inArray(
          users.username,
          seedUsers.map((u) => u.username),
        ),
      );
    const userIds = new Map(userRows.map((u) => [u.username, u.id]));
    const userId = (username: string): number => {
      const id = userIds.get(username);
      if (id === undefined) throw new Error(`Seed user "${username}" is missing`);
      return id;
    };

    await tx
      .insert(projects)
      .values(seedProject)
      .onConflictDoNothing({ target: projects.fullPath });
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.fullPath, seedProject.fullPath));
    if (!project) throw new Error(`Seed project "${seedProject.fullPath}" is missing`);

    // Spread creation times over the past hours (older iid, older issue) so lists look real.
    const now = Date.now();
    const inserted = await tx
      .insert(issues)
      .values(
        seedIssues.map((i) => {
          const createdAt = new Date(now - (seedIssues.length - i.iid + 1) * HOUR_MS);
          return {
            projectId: project.id,
            iid: i.iid,
            title: i.title,
            description: i.description,
            state: i.state ?? 'opened',
            confidential: i.confidential ?? false,
            authorId: userId(i.author),
            createdAt,
            updatedAt: createdAt,
          };
        }),
      )
      .onConflictDoNothing({ target: [issues.projectId, issues.iid] })
      .returning({ id: issues.id, iid: issues.iid });

    const assigneeRows = inserted.flatMap(({ id, iid }) => {
      const assignees = seedIssues.find((i) => i.iid === iid)?.assignees ?? [];
      return assignees.map((username, position) => ({
        issueId: id,
        userId: userId(username),
        position,
      }));
    });
    if (assigneeRows.length > 0) await tx.insert(issueAssignees).values(assigneeRows);
  });
}
