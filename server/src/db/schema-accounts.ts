/**
 * Drizzle table definitions beside the domain: sign-in sessions, personal access tokens, user
 * statuses, the seed's progress and feature gates (schema.ts gathers every table).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

import type { TokenScope } from '../domain/identity.js';

import { timestamps, users } from './schema-core.js';

/** Cookie sessions, found by the SHA-256 digest of their secret (never stored itself). */
export const sessions = pgTable(
  'sessions',
  {
    id: serial('id').primaryKey(),
    digest: text('digest').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', timestamps).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', timestamps).notNull(),
    revokedAt: timestamp('revoked_at', timestamps),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** Personal access tokens, found by the SHA-256 digest of their secret (never stored itself). */
export const personalAccessTokens = pgTable(
  'personal_access_tokens',
  {
    id: serial('id').primaryKey(),
    digest: text('digest').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scopes: text('scopes').array().$type<TokenScope[]>().notNull(),
    expiresAt: timestamp('expires_at', timestamps),
    revokedAt: timestamp('revoked_at', timestamps),
    createdAt: timestamp('created_at', timestamps).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', timestamps),
  },
  (t) => [
    index('personal_access_tokens_user_id_idx').on(t.userId),
    check(
      'personal_access_tokens_scopes_check',
      sql`${t.scopes} <@ array['api', 'read_api']::text[]`,
    ),
  ],
);

/**
 * Seed steps already applied to this database (e.g. the demo memberships), so a step runs once
 * and never restores what a person removed afterwards.
 */
export const seedSteps = pgTable('seed_steps', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', timestamps).notNull().defaultNow(),
});

/**
 * Feature flag overrides (GitLab's `feature_gates`, boolean gate only). A flag without a row
 * has its default (every flag here defaults to on), so "reset" deletes the row.
 */
export const featureGates = pgTable('feature_gates', {
  name: text('name').primaryKey(),
  enabled: boolean('enabled').notNull(),
  /** Who changed it last, for the audit log line and the admin page. */
  updatedById: integer('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', timestamps).notNull().defaultNow(),
});

/**
 * A user's status (GitLab's `user_statuses`): at most one row per user; no row means no status.
 * `availability` is GitLab's enum (`not_set`, `busy`); `emoji` a gemoji name.
 */
export const userStatuses = pgTable(
  'user_statuses',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    availability: text('availability', { enum: ['not_set', 'busy'] })
      .notNull()
      .default('not_set'),
    message: text('message'),
    emoji: text('emoji').notNull().default('speech_balloon'),
    updatedAt: timestamp('updated_at', timestamps).notNull().defaultNow(),
  },
  (t) => [
    check('user_statuses_availability_check', sql`${t.availability} in ('not_set', 'busy')`),
    check('user_statuses_message_length_check', sql`char_length(${t.message}) <= 100`),
  ],
);
