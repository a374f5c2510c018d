/** `UserStatusRepository` on Drizzle (PGlite and PostgreSQL): one row per user, or none. */
import { eq } from 'drizzle-orm';

import type { UserStatusRecord } from '../domain/types.js';
import type { UserStatusRepository } from '../domain/user-status-service.js';

import type { AppDatabase } from './database.js';
import { loadIssuesAssignedTo } from './load-issues.js';
import { userStatuses } from './schema.js';

const statusColumns = {
  availability: userStatuses.availability,
  message: userStatuses.message,
  emoji: userStatuses.emoji,
};

export class DrizzleUserStatusRepository implements UserStatusRepository {
  constructor(private readonly db: AppDatabase) {}

  async find(userId: number): Promise<UserStatusRecord | null> {
    const [row] = await this.db
      .select(statusColumns)
      .from(userStatuses)
      .where(eq(userStatuses.userId, userId));
    return row ?? null;
  }

  async save(userId: number, status: UserStatusRecord | null): Promise<UserStatusRecord | null> {
    if (status === null) {
      await this.db.delete(userStatuses).where(eq(userStatuses.userId, userId));
      return null;
    }
    const [row] = await this.db
      .insert(userStatuses)
      .values({ userId, ...status })
      .onConflictDoUpdate({
        target: userStatuses.userId,
        set: { ...status, updatedAt: new Date() },
      })
      .returning(statusColumns);
    return row ?? null;
  }

  issuesAssignedTo(userId: number, limit: number) {
    return loadIssuesAssignedTo(this.db, userId, limit);
  }
}
