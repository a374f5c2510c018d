/**
 * Drizzle table definitions of the domain: accounts, projects, issues with their assignees,
 * labels and milestone, and project memberships (schema.ts gathers every table).
 */
import { sql } from 'drizzle-orm';

import type { AccessLevel } from '../domain/identity.js';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

/**
 * Millisecond precision: JavaScript `Date` holds milliseconds, so a value read back compares
 * equal to the one stored, and "+ 1 ms" is always visible to clients.
 */
export const timestamps = { withTimezone: true, precision: 3 } as const;

/** Accounts; `state` mirrors GitLab (`active`, `blocked`, ...), only active users are assignable. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    name: text('name').notNull(),
    state: text('state').notNull().default('active'),
    admin: boolean('admin').notNull().default(false),
    /** scrypt hash (see domain/passwords.ts); null disables password sign-in. */
    passwordHash: text('password_hash'),
    /**
     * Primary email, stored lower-cased (as GitLab's Devise does) so the unique constraint is
     * case-insensitive; shown to administrators only. Null for accounts made before it existed.
     */
    email: text('email'),
    createdAt: timestamp('created_at', timestamps).notNull().defaultNow(),
  },
  (t) => [unique('users_email_unique').on(t.email)],
);

/** Projects addressed by their full path, e.g. `gitlab-org/gitlab-test`. */
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    fullPath: text('full_path').notNull().unique(),
    name: text('name').notNull(),
    visibility: text('visibility', { enum: ['public', 'internal', 'private'] })
      .notNull()
      .default('private'),
  },
  (t) => [
    check('projects_visibility_check', sql`${t.visibility} in ('public', 'internal', 'private')`),
  ],
);

/** Issues; `iid` is the per-project number users see (`#12`), `id` the global key. */
export const issues = pgTable(
  'issues',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    iid: integer('iid').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    state: text('state', { enum: ['opened', 'closed'] })
      .notNull()
      .default('opened'),
    confidential: boolean('confidential').notNull().default(false),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', timestamps).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', timestamps).notNull().defaultNow(),
    /** Who made the last change (GitLab's last_edited_by), for "changed by X" hints. */
    updatedById: integer('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
    milestoneId: integer('milestone_id').references(() => milestones.id, { onDelete: 'set null' }),
    /** A calendar date (no time zone), as GitLab's `due_date`. */
    dueDate: date('due_date', { mode: 'string' }),
  },
  (t) => [
    unique('issues_project_id_iid_unique').on(t.projectId, t.iid),
    check('issues_state_check', sql`${t.state} in ('opened', 'closed')`),
    index('issues_milestone_id_idx').on(t.milestoneId),
    // The issue list's order (newest created first, ties by id): a keyset page reads its rows
    // from the index instead of sorting every issue of the project.
    index('issues_project_id_created_at_id_idx').on(t.projectId, t.createdAt.desc(), t.id.desc()),
  ],
);

/**
 * Project labels. A title with `::` is a scoped label (`priority::high`): an issue holds at most
 * one label of a scope (the part before the last `::`). Colours are `#rrggbb`; the text colour is
 * derived from it, as GitLab does.
 */
export const labels = pgTable(
  'labels',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    color: text('color').notNull().default('#6699cc'),
  },
  (t) => [
    unique('labels_project_id_title_unique').on(t.projectId, t.title),
    check('labels_color_check', sql`${t.color} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

/** The labels of an issue (no order: they are listed by title). */
export const issueLabels = pgTable(
  'issue_labels',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    labelId: integer('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.labelId] }),
    index('issue_labels_label_id_idx').on(t.labelId),
  ],
);

/** Project milestones (GitLab's states: active, closed) with optional start and due dates. */
export const milestones = pgTable(
  'milestones',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    state: text('state', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
  },
  (t) => [
    unique('milestones_project_id_title_unique').on(t.projectId, t.title),
    check('milestones_state_check', sql`${t.state} in ('active', 'closed')`),
  ],
);

/** Ordered assignees of an issue; `position` keeps the order in which they were assigned. */
export const issueAssignees = pgTable(
  'issue_assignees',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.userId] }),
    // The primary key serves lookups by issue; this one serves "issues assigned to a user".
    index('issue_assignees_user_id_idx').on(t.userId),
  ],
);

/** Project memberships with GitLab's access levels (10 guest ... 50 owner). */
export const members = pgTable(
  'members',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessLevel: integer('access_level').$type<AccessLevel>().notNull(),
    createdAt: timestamp('created_at', timestamps).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index('members_user_id_idx').on(t.userId),
    check('members_access_level_check', sql`${t.accessLevel} in (10, 20, 30, 40, 50)`),
  ],
);
