/**
 * Idempotent demo data. Every insert is `on conflict do nothing`, assignees are only written
 * for issues created by this very run, and each project's memberships are written once per
 * database (recorded in `seed_steps`), so restarting the server never reverts what a person
 * changed. Passwords are hashed only for users that get one (new, or still without a hash).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';

import { hashPasswordSync } from '../domain/passwords.js';
import type { AppDatabase } from './database.js';
import {
  issueAssignees,
  issueLabels,
  issues,
  labels,
  members,
  milestones,
  projects,
  seedSteps,
  users,
} from './schema.js';
import type { SeedProject } from './seed-data.js';
import { demoPassword, seedEmail, seedProjects, seedUsernames, seedUsers } from './seed-data.js';

const HOUR_MS = 60 * 60 * 1000;

export interface SeedOptions {
  /** Defaults to scrypt (domain/passwords.ts); tests may count calls. */
  hashPassword?: (password: string) => Promise<string>;
}

type UserIdOf = (username: string) => number;

/** Inserts the demo users, projects, memberships and issues that are missing. */
export async function seed(db: AppDatabase, options: SeedOptions = {}): Promise<void> {
  // Hashing takes ~50 ms per password: done before the transaction, and only when needed, on
  // this thread (see hashPasswordSync).
  const hashes = await missingPasswordHashes(
    db,
    options.hashPassword ?? ((password) => Promise.resolve(hashPasswordSync(password))),
  );
  // One transaction: a crash mid-seed must not leave issues without their assignees, since
  // a later run would (rightly) never touch those issues again.
  await db.transaction(async (tx) => {
    const userId = await seedAccounts(tx, hashes);
    for (const project of seedProjects) {
      const projectId = await seedProject(tx, project);
      await seedMembersOnce(tx, project, projectId, userId);
      const refs = await seedLabelsAndMilestones(tx, project, projectId);
      await seedIssues(tx, project, projectId, userId, refs);
    }
  });
}

/** A fresh hash of the demo password per seeded user who is missing or has no hash yet. */
async function missingPasswordHashes(
  db: AppDatabase,
  hash: (password: string) => Promise<string>,
): Promise<Map<string, string>> {
  const existing = await db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(users.username, [...seedUsernames]));
  const hashed = new Set(existing.filter((u) => u.passwordHash !== null).map((u) => u.username));
  const needed = seedUsernames.filter((username) => !hashed.has(username));
  const password = demoPassword();
  const hashes = new Map<string, string>();
  for (const username of needed) hashes.set(username, await hash(password));
  return hashes;
}

/** Inserts missing users, gives hash-less seeded users the demo password; resolves ids. */
async function seedAccounts(tx: AppDatabase, hashes: Map<string, string>): Promise<UserIdOf> {
  await tx
    .insert(users)
    .values(
      seedUsers.map((u) => ({
        username: u.username,
        name: u.name,
        admin: u.admin,
        state: u.state ?? 'active',
        passwordHash: hashes.get(u.username) ?? null,
        email: seedEmail(u.username),
      })),
    )
    // Any unique column: a seeded user that exists keeps its row (and its email, or none).
    .onConflictDoNothing();
  for (const [username, passwordHash] of hashes) {
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.username, username), isNull(users.passwordHash)));
  }

  const rows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, [...seedUsernames]));
  const ids = new Map(rows.map((u) => [u.username, u.id]));
  return (username) => {
    const id = ids.get(username);
    if (id === undefined) throw new Error(`Seed user "${username}" is missing`);
    return id;
  };
}

async function seedProject(tx: AppDatabase, project: SeedProject): Promise<number> {
  const { fullPath, name, visibility } = project;
  await tx
    .insert(projects)
    .values({ fullPath, name, visibility })
    .onConflictDoNothing({ target: projects.fullPath });
  const [row] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.fullPath, fullPath));
  if (!row) throw new Error(`Seed project "${fullPath}" is missing`);
  return row.id;
}

/**
 * Writes the project's memberships the first time this database is seeded with them (also a
 * database created before memberships existed); a membership removed later stays removed.
 */
async function seedMembersOnce(
  tx: AppDatabase,
  project: SeedProject,
  projectId: number,
  userId: UserIdOf,
): Promise<void> {
  const firstTime = await tx
    .insert(seedSteps)
    .values({ name: `members of ${project.fullPath}` })
    .onConflictDoNothing()
    .returning({ name: seedSteps.name });
  if (firstTime.length === 0 || project.members.length === 0) return;
  await tx
    .insert(members)
    .values(
      project.members.map((m) => ({
        projectId,
        userId: userId(m.username),
        accessLevel: m.accessLevel,
      })),
    )
    .onConflictDoNothing();
}

/** Ids of the project's labels and milestones by title. */
interface TitleIds {
  label: Map<string, number>;
  milestone: Map<string, number>;
}

const DAY_MS = 24 * HOUR_MS;
const inDays = (days: number | undefined) =>
  days === undefined ? null : new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** Inserts the project's missing labels and milestones; resolves their ids by title. */
async function seedLabelsAndMilestones(
  tx: AppDatabase,
  project: SeedProject,
  projectId: number,
): Promise<TitleIds> {
  if (project.labels?.length) {
    await tx
      .insert(labels)
      .values(project.labels.map((label) => ({ projectId, ...label })))
      .onConflictDoNothing();
  }
  if (project.milestones?.length) {
    await tx
      .insert(milestones)
      .values(
        project.milestones.map((m) => ({
          projectId,
          title: m.title,
          state: m.state,
          startDate: inDays(m.startInDays),
          dueDate: inDays(m.dueInDays),
        })),
      )
      .onConflictDoNothing();
  }
  const labelRows = await tx
    .select({ id: labels.id, title: labels.title })
    .from(labels)
    .where(eq(labels.projectId, projectId));
  const milestoneRows = await tx
    .select({ id: milestones.id, title: milestones.title })
    .from(milestones)
    .where(eq(milestones.projectId, projectId));
  return {
    label: new Map(labelRows.map((row) => [row.title, row.id])),
    milestone: new Map(milestoneRows.map((row) => [row.title, row.id])),
  };
}

async function seedIssues(
  tx: AppDatabase,
  project: SeedProject,
  projectId: number,
  userId: UserIdOf,
  refs: TitleIds,
): Promise<void> {
  // Spread creation times over the past hours (older iid, older issue) so lists look real.
  const now = Date.now();
  const count = project.issues.length;
  const inserted = await tx
    .insert(issues)
    .values(
      project.issues.map((i) => {
        const createdAt = new Date(now - (count - i.iid + 1) * HOUR_MS);
        return {
          projectId,
          iid: i.iid,
          title: i.title,
          description: i.description,
          state: i.state ?? 'opened',
          confidential: i.confidential ?? false,
          authorId: userId(i.author),
          createdAt,
          updatedAt: createdAt,
          milestoneId: i.milestone === undefined ? null : (refs.milestone.get(i.milestone) ?? null),
          dueDate: i.dueDate ?? null,
        };
      }),
    )
    .onConflictDoNothing({ target: [issues.projectId, issues.iid] })
    .returning({ id: issues.id, iid: issues.iid });

  const assigneeRows = inserted.flatMap(({ id, iid }) => {
    const assignees = project.issues.find((i) => i.iid === iid)?.assignees ?? [];
    return assignees.map((username, position) => ({
      issueId: id,
      userId: userId(username),
      position,
    }));
  });
  if (assigneeRows.length > 0) await tx.insert(issueAssignees).values(assigneeRows);

  const labelRows = inserted.flatMap(({ id, iid }) => {
    const titles = project.issues.find((i) => i.iid === iid)?.labels ?? [];
    return titles.map((title) => {
      const labelId = refs.label.get(title);
      if (labelId === undefined) throw new Error(`Seed label "${title}" is missing`);
      return { issueId: id, labelId };
    });
  });
  if (labelRows.length > 0) await tx.insert(issueLabels).values(labelRows);
}
