/**
 * Demo data for a fresh database: eight users (one blocked, one admin, one member of nothing),
 * a public project with 21 issues and a private one with 3, and their memberships.
 * Kept apart from `seed.ts` so the writing logic stays short and readable.
 */
import { AccessLevel } from '../domain/identity.js';

/** Every seeded user's password unless `DEMO_PASSWORD` is set (GitLab's historical default). */
export const DEFAULT_DEMO_PASSWORD = '5iveL!fe';

/** The password seeded users get: `DEMO_PASSWORD`, else {@link DEFAULT_DEMO_PASSWORD}. */
export function demoPassword(): string {
  return process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
}

/** A seeded user's email (`example.com` is reserved for examples: it reaches no one). */
export const seedEmail = (username: string): string => `${username}@example.com`;

/** A user to create, keyed by username. */
export interface SeedUser {
  username: string;
  name: string;
  admin: boolean;
  state?: 'active' | 'blocked';
}

/** A membership to create: who, and with which role. */
export interface SeedMember {
  username: string;
  accessLevel: AccessLevel;
}

/** An issue to create in the seed project; people are referenced by username. */
export interface SeedIssue {
  iid: number;
  title: string;
  description: string;
  author: string;
  assignees: readonly string[];
  state?: 'opened' | 'closed';
  confidential?: boolean;
  /** Label titles of the project. */
  labels?: readonly string[];
  /** Milestone title of the project. */
  milestone?: string;
  /** `YYYY-MM-DD` */
  dueDate?: string;
}

/** A project label; `::` in the title makes it scoped. */
export interface SeedLabel {
  title: string;
  color: string;
  description?: string;
}

/** A project milestone; dates are offsets in days from the day of seeding. */
export interface SeedMilestone {
  title: string;
  state: 'active' | 'closed';
  startInDays?: number;
  dueInDays?: number;
}

/** Eight labels of the public project, two scopes among them (priority, workflow). */
export const seedLabels: readonly SeedLabel[] = [
  { title: 'bug', color: '#d9534f', description: 'Something does not work' },
  { title: 'feature', color: '#428bca', description: 'A new capability' },
  { title: 'documentation', color: '#f0ad4e' },
  { title: 'frontend', color: '#5cb85c' },
  { title: 'priority::high', color: '#cc0033', description: 'Do it this week' },
  { title: 'priority::low', color: '#a8d695', description: 'When there is time' },
  { title: 'workflow::in dev', color: '#69d100' },
  { title: 'workflow::in review', color: '#ffecdb' },
];

export const seedMilestones: readonly SeedMilestone[] = [
  { title: 'v1.0', state: 'closed', startInDays: -60, dueInDays: -30 },
  { title: 'v1.1', state: 'active', startInDays: -10, dueInDays: 20 },
  { title: 'v2.0', state: 'active' },
];

export const seedUsers: readonly SeedUser[] = [
  { username: 'root', name: 'Administrator', admin: true },
  { username: 'alice', name: 'Alice Liddell', admin: false },
  { username: 'bob', name: 'Bob Ross', admin: false },
  { username: 'carol', name: 'Carol Danvers', admin: false },
  { username: 'dave', name: 'Dave Lister', admin: false },
  { username: 'erin', name: 'Erin Hannon', admin: false },
  { username: 'frank', name: 'Frank Grimes', admin: false, state: 'blocked' },
  { username: 'grace', name: 'Grace Hopper', admin: false },
];

/** Usernames of all seeded users, in creation order. */
export const seedUsernames: readonly string[] = seedUsers.map((u) => u.username);

export const seedProject = {
  fullPath: 'gitlab-org/gitlab-test',
  name: 'GitLab Test',
  visibility: 'public',
} as const;

/** Members of the public project (root is admin and erin is a member of nothing). */
export const seedMembers: readonly SeedMember[] = [
  { username: 'alice', accessLevel: AccessLevel.maintainer },
  { username: 'bob', accessLevel: AccessLevel.developer },
  { username: 'carol', accessLevel: AccessLevel.reporter },
  { username: 'dave', accessLevel: AccessLevel.guest },
  { username: 'frank', accessLevel: AccessLevel.developer },
];

export const seedIssues: readonly SeedIssue[] = [
  {
    iid: 1,
    author: 'root',
    assignees: ['alice'],
    labels: ['feature', 'frontend', 'priority::high'],
    milestone: 'v1.1',
    dueDate: '2030-01-31',
    title: 'Assignees update live in the sidebar',
    description:
      'When someone changes the assignees, every open issue page should show the change **without a reload**.\n\n- [ ] subscribe to `issuableAssigneesUpdated`\n- [ ] update the sidebar widget',
  },
  {
    iid: 2,
    labels: ['bug', 'priority::low'],
    author: 'alice',
    assignees: [],
    title: 'Pipeline badge shows wrong status for merged results',
    description:
      'The badge on the project page says `passed` while the merged results pipeline failed.',
  },
  {
    iid: 3,
    author: 'bob',
    assignees: ['carol', 'dave'],
    title: 'Search returns archived projects',
    description:
      'Global search lists archived projects even with *Hide archived* checked.\n\nSteps:\n1. Archive a project\n2. Search for its name',
  },
  {
    iid: 4,
    author: 'carol',
    assignees: ['bob'],
    title: 'Add keyboard shortcut to assign yourself',
    description:
      'Pressing `a` on an issue should open the assignee dropdown; `Shift+A` could assign yourself directly.',
  },
  {
    iid: 5,
    author: 'dave',
    assignees: [],
    title: 'Markdown tables lose alignment in preview',
    description:
      'Column alignment markers like `:---:` are ignored in the preview tab but work after saving.',
  },
  {
    iid: 6,
    author: 'root',
    assignees: ['alice', 'bob'],
    title: 'Upgrade PostgreSQL to 16',
    description: 'Plan the upgrade for all environments.\n\n> Check extension compatibility first.',
  },
  {
    iid: 7,
    author: 'alice',
    assignees: [],
    title: 'Typo in the merge request widget',
    description: 'It says "Mergable" instead of "Mergeable".',
    state: 'closed',
  },
  {
    iid: 8,
    author: 'bob',
    assignees: ['dave'],
    title: 'Email notifications sent twice for mentions',
    description: 'Users mentioned in a comment that also assigns them receive two emails.',
  },
  {
    iid: 9,
    author: 'carol',
    assignees: [],
    title: 'Dark mode: code blocks are unreadable',
    description: 'Syntax highlighting uses dark grey on black. See the screenshot in the thread.',
  },
  {
    iid: 10,
    author: 'dave',
    assignees: ['carol'],
    title: 'Rate limit the issues API per user',
    description: 'Add a per-user limit to `POST /projects/:id/issues` to stop runaway scripts.',
    confidential: true,
  },
  {
    iid: 11,
    author: 'root',
    assignees: [],
    title: 'Document the sidebar GraphQL subscriptions',
    description:
      'Describe `issuableAssigneesUpdated` and how clients reconnect after a network drop.',
  },
  {
    iid: 12,
    author: 'alice',
    assignees: ['bob'],
    title: 'Flaky spec: issue board drag and drop',
    description: '`spec/features/boards/drag_spec.rb` fails about once in twenty runs on CI.',
  },
  {
    iid: 13,
    author: 'bob',
    assignees: [],
    title: 'Show avatars of all assignees on the issue list',
    description: 'Only the first assignee is shown; show up to three and a `+N` counter.',
  },
  {
    iid: 14,
    author: 'carol',
    assignees: ['alice'],
    title: 'Label dropdown is slow with 2,000 labels',
    description:
      'Opening the dropdown freezes the page for two seconds. Consider virtual scrolling.',
  },
  {
    iid: 15,
    author: 'dave',
    assignees: [],
    title: 'Allow reordering of to-do items',
    description: 'Drag to reorder would help people who triage many to-dos a day.',
    state: 'closed',
  },
  {
    iid: 16,
    author: 'root',
    assignees: ['dave', 'alice'],
    title: 'Audit events for assignee changes',
    description: 'Record who changed the assignees and when, for compliance reports.',
  },
  {
    iid: 17,
    author: 'alice',
    assignees: [],
    title: 'Time tracking totals ignore closed issues',
    description: 'Milestone totals should include time spent on closed issues.',
  },
  {
    iid: 18,
    author: 'bob',
    assignees: ['carol'],
    title: 'Improve empty state of the issue list',
    description: 'Explain what issues are for and link to *Create issue* and the import options.',
  },
  {
    iid: 19,
    author: 'carol',
    assignees: [],
    title: 'Support due dates in the sidebar',
    description: 'Show and edit the due date next to the milestone.',
  },
  {
    iid: 20,
    author: 'dave',
    assignees: [],
    title: 'Clean up unused feature flags',
    description: 'Remove flags that have been enabled by default for more than two releases.',
  },
  {
    iid: 21,
    author: 'bob',
    assignees: ['carol'],
    title: 'Security: session fixation in sign-in',
    description:
      'The session id is kept across sign-in, so a planted cookie survives it. Rotate the session on every sign-in.',
    confidential: true,
  },
];

/** A private project only its members (and admins) may see. */
export const secretProject = {
  fullPath: 'gitlab-org/secret-project',
  name: 'Secret Project',
  visibility: 'private',
} as const;

export const secretMembers: readonly SeedMember[] = [
  { username: 'grace', accessLevel: AccessLevel.owner },
  { username: 'alice', accessLevel: AccessLevel.reporter },
  { username: 'dave', accessLevel: AccessLevel.guest },
];

export const secretIssues: readonly SeedIssue[] = [
  {
    iid: 1,
    author: 'grace',
    assignees: ['grace'],
    title: 'Plan the launch of the new compiler',
    description: 'Nobody outside this project should learn about it before the announcement.',
  },
  {
    iid: 2,
    author: 'grace',
    assignees: [],
    title: 'Find the moth in relay 70',
    description: 'Panel F keeps failing; check the relays one by one.',
  },
  {
    iid: 3,
    author: 'alice',
    assignees: ['alice', 'grace'],
    title: 'Write the user manual',
    description: 'Cover installation, the first program and common errors.',
  },
];

/** A project with everything seeded in it. */
export interface SeedProject {
  fullPath: string;
  name: string;
  visibility: 'public' | 'internal' | 'private';
  members: readonly SeedMember[];
  issues: readonly SeedIssue[];
  labels?: readonly SeedLabel[];
  milestones?: readonly SeedMilestone[];
}

/** Every seeded project, in creation order. */
export const seedProjects: readonly SeedProject[] = [
  {
    ...seedProject,
    members: seedMembers,
    issues: seedIssues,
    labels: seedLabels,
    milestones: seedMilestones,
  },
  { ...secretProject, members: secretMembers, issues: secretIssues },
];
