import { ApiClient, type IssueJson } from './api-client.js';
import { RUN_ID } from './target.js';

/** GitLab's access levels, by role name. */
export const ROLE = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 } as const;
export type Role = keyof typeof ROLE;

/** A user this run created, with what signing in needs. */
export interface TestUser {
  id: number;
  username: string;
  name: string;
  password: string;
}

/** Per worker process, like RUN_ID, so names stay unique across the tests of a worker. */
let created = 0;

/**
 * Creates uniquely named users (members of the project with a role, or of nothing) and issues
 * through the admin's API client, so specs never depend on, nor reset, seeded data.
 */
export class TestData {
  private readonly clients: ApiClient[] = [];

  constructor(
    readonly admin: ApiClient,
    private readonly label: string,
  ) {}

  /** `qa-<run>-<n>`: unique on any instance, short enough to read in a report. */
  private unique(): string {
    created += 1;
    // Padded: no username is then a substring of another (the picker's search matches substrings).
    return `${RUN_ID}-${this.label}${String(created).padStart(4, '0')}`;
  }

  async user(role: Role | null, displayName = role ?? 'outsider'): Promise<TestUser> {
    const suffix = this.unique();
    const password = `pw-${suffix}`;
    const created = await this.admin.createUser({
      username: `qa-${suffix}`,
      name: `QA ${displayName[0]?.toUpperCase()}${displayName.slice(1)} ${suffix}`,
      email: `qa-${suffix}@example.com`,
      password,
    });
    if (role) await this.admin.addMember(created.id, ROLE[role]);
    return { id: created.id, username: created.username, name: created.name, password };
  }

  /** An issue in the project with a unique title (created by the admin unless `by` says who). */
  async issue(
    fields: {
      title?: string;
      description?: string;
      confidential?: boolean;
      assignees?: TestUser[];
    } = {},
    by: ApiClient = this.admin,
  ): Promise<IssueJson> {
    return by.createIssue({
      title: `${fields.title ?? 'E2E issue'} ${this.unique()}`,
      description: fields.description,
      confidential: fields.confidential,
      assignee_ids: fields.assignees?.map((user) => user.id),
    });
  }

  /** An API client signed in as `user` (closed with the test). */
  async apiAs(user: TestUser): Promise<ApiClient> {
    const client = await ApiClient.signIn({ username: user.username, password: user.password });
    this.clients.push(client);
    return client;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.dispose()));
  }
}
