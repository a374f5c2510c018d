/**
 * The `feature_gates` table: one row per flag someone set; no row means the flag's default.
 * Written against the driver-neutral Drizzle handle, so PGlite and PostgreSQL behave the same.
 */
import { eq } from 'drizzle-orm';

import type { AppDatabase } from '../db/database.js';
import { featureGates } from '../db/schema.js';

export interface FeatureGateRow {
  name: string;
  enabled: boolean;
  updatedById: number | null;
  updatedAt: Date;
}

export class FeatureGateStore {
  constructor(private readonly db: AppDatabase) {}

  async all(): Promise<FeatureGateRow[]> {
    return this.db.select().from(featureGates);
  }

  /** Inserts or overwrites the flag's gate (one statement, so concurrent writers never clash). */
  async set(name: string, enabled: boolean, actorId: number | null): Promise<void> {
    const values = { enabled, updatedById: actorId, updatedAt: new Date() };
    await this.db
      .insert(featureGates)
      .values({ name, ...values })
      .onConflictDoUpdate({ target: featureGates.name, set: values });
  }

  /** Drops the gate, so the flag is back to its default. */
  async remove(name: string): Promise<void> {
    await this.db.delete(featureGates).where(eq(featureGates.name, name));
  }
}
