/**
 * The issues of `benchIssueIds(count)` beyond the seed, created with id = iid (subscriptions name
 * the id, mutations the iid): by bench/server-entry.ts in its own database, and by the harness
 * in the PostgreSQL database of a server it cannot change (the `x2` cluster).
 */
import { eq, sql } from 'drizzle-orm';

import type { AppDatabase } from '../../server/src/db/database.js';
import { issues, projects, users } from '../../server/src/db/schema.js';

import { benchIssueIds, FIRST_CREATED_ISSUE_ID, PROJECT_PATH } from './protocol.js';

export async function createBenchIssues(db: AppDatabase, count: number): Promise<void> {
  const created = benchIssueIds(count).filter((id) => id >= FIRST_CREATED_ISSUE_ID);
  if (created.length === 0) return;
  const [project] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.fullPath, PROJECT_PATH));
  const [author] = await db.select({ id: users.id }).from(users);
  if (!project || !author) throw new Error('seed missing');
  const rows = created.map((id) => ({
    id,
    projectId: project.id,
    iid: id,
    title: `Benchmark issue ${id}`,
    description: 'Created by the benchmark (bench/lib/bench-issues.ts)',
    authorId: author.id,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(issues)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
  // Explicit ids leave the sequence behind: later issues (REST, UI) must not collide.
  await db.execute(sql`select setval(pg_get_serial_sequence('issues', 'id'), max(id)) from issues`);
}
