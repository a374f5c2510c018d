/**
 * Reads of project labels and milestones, for the sidebar's dropdowns and for checking the ids
 * an update names. Each is one statement; lists are bounded.
 */
import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';

import type { LabelRecord, MilestoneRecord, MilestoneState } from '../domain/types.js';
import type { AppDatabase } from './database.js';
import { labels, milestones } from './schema.js';

/** At most this many labels or milestones in one list (GitLab pages them by 20 to 100). */
export const LIST_LIMIT = 100;

const labelColumns = {
  id: labels.id,
  title: labels.title,
  description: labels.description,
  color: labels.color,
};

const milestoneColumns = {
  id: milestones.id,
  title: milestones.title,
  state: milestones.state,
  startDate: milestones.startDate,
  dueDate: milestones.dueDate,
};

/** Escapes LIKE wildcards so a search for `a_b` or `50%` matches literally. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function titleMatches(column: typeof labels.title | typeof milestones.title, search?: string) {
  const term = search?.trim() ?? '';
  return term === '' ? undefined : ilike(column, likePattern(term));
}

export function listLabels(
  db: AppDatabase,
  projectId: number,
  search?: string,
): Promise<LabelRecord[]> {
  return db
    .select(labelColumns)
    .from(labels)
    .where(and(eq(labels.projectId, projectId), titleMatches(labels.title, search)))
    .orderBy(asc(labels.title), asc(labels.id))
    .limit(LIST_LIMIT);
}

/** The labels of `projectId` among `ids`, by title (as issue records list them). */
export async function findLabels(
  db: AppDatabase,
  projectId: number,
  ids: readonly number[],
): Promise<LabelRecord[]> {
  if (ids.length === 0) return [];
  return db
    .select(labelColumns)
    .from(labels)
    .where(and(eq(labels.projectId, projectId), inArray(labels.id, [...new Set(ids)])))
    .orderBy(asc(labels.title), asc(labels.id));
}

export async function findLabelsByTitles(
  db: AppDatabase,
  projectId: number,
  titles: readonly string[],
): Promise<LabelRecord[]> {
  if (titles.length === 0) return [];
  return db
    .select(labelColumns)
    .from(labels)
    .where(and(eq(labels.projectId, projectId), inArray(labels.title, [...new Set(titles)])));
}

export function listMilestones(
  db: AppDatabase,
  projectId: number,
  filter: { state?: MilestoneState; search?: string },
): Promise<MilestoneRecord[]> {
  const conditions: (SQL | undefined)[] = [
    eq(milestones.projectId, projectId),
    filter.state ? eq(milestones.state, filter.state) : undefined,
    titleMatches(milestones.title, filter.search),
  ];
  return db
    .select(milestoneColumns)
    .from(milestones)
    .where(and(...conditions))
    .orderBy(sql`${milestones.dueDate} asc nulls last`, asc(milestones.title))
    .limit(LIST_LIMIT);
}

export async function findMilestone(
  db: AppDatabase,
  projectId: number,
  id: number,
): Promise<MilestoneRecord | null> {
  const [found] = await db
    .select(milestoneColumns)
    .from(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.id, id)));
  return found ?? null;
}
