import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';

import { BASE_URL, PROJECT, type AdminCredentials } from './target.js';

/** GitLab's REST shape of an issue, the fields the specs read. */
export interface IssueJson {
  id: number;
  iid: number;
  title: string;
  state: 'opened' | 'closed';
  confidential: boolean;
  updated_at: string;
  assignees: { id: number; username: string; name: string }[];
}

export interface UserJson {
  id: number;
  username: string;
  name: string;
}

const projectPath = `/api/v4/projects/${encodeURIComponent(PROJECT)}`;

/**
 * The public HTTP API as a script would use it: signed in through `POST /users/sign_in` (a cookie
 * session plus its CSRF token) or with a personal access token. Nothing here touches the database.
 */
export class ApiClient {
  private constructor(
    readonly request: APIRequestContext,
    private readonly headers: Record<string, string>,
  ) {}

  static async signIn(credentials: AdminCredentials, baseURL = BASE_URL): Promise<ApiClient> {
    // A fresh connection per request: a kept-alive one can be closed by the server (idle
    // timeout) just as the next request is written, an ECONNRESET that is no bug of the app.
    const request = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { Connection: 'close' },
    });
    if ('token' in credentials) {
      return new ApiClient(request, { Authorization: `Bearer ${credentials.token}` });
    }
    const csrfToken = await signInOverHttp(request, credentials.username, credentials.password);
    return new ApiClient(request, { 'X-CSRF-Token': csrfToken });
  }

  async createIssue(fields: {
    title: string;
    description?: string;
    confidential?: boolean;
    assignee_ids?: number[];
  }): Promise<IssueJson> {
    return this.send<IssueJson>('post', `${projectPath}/issues`, fields, 201);
  }

  /** `PUT /projects/:id/issues/:iid` (GitLab's QA changes assignees this way); any fields at once. */
  async updateIssue(
    iid: number,
    fields: {
      assignee_ids?: number[];
      confidential?: boolean;
      labels?: string[];
      milestone_id?: number | null;
      due_date?: string | null;
      title?: string;
      description?: string | null;
      state_event?: 'close' | 'reopen';
    },
  ): Promise<IssueJson> {
    return this.send<IssueJson>('put', `${projectPath}/issues/${iid}`, fields, 200);
  }

  /** `PUT …/issues/:iid` answered as it comes (for a spec that checks what the server supports). */
  async tryUpdateIssue(
    iid: number,
    fields: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }> {
    const response = await this.request.put(`${projectPath}/issues/${iid}`, {
      headers: this.headers,
      data: fields,
    });
    return { status: response.status(), body: (await response.json()) as unknown };
  }

  async createUser(fields: {
    username: string;
    name: string;
    email: string;
    password: string;
  }): Promise<UserJson> {
    return this.send<UserJson>('post', '/api/v4/users', fields, 201);
  }

  async addMember(userId: number, accessLevel: number): Promise<void> {
    await this.send(
      'post',
      `${projectPath}/members`,
      { user_id: userId, access_level: accessLevel },
      201,
    );
  }

  /** The GraphQL mutation the sidebar uses; returns the issue's `updatedAt` as committed. */
  async setAssigneesOverGraphql(iid: number, usernames: string[]): Promise<string> {
    const response = await this.request.post('/api/graphql', {
      headers: this.headers,
      data: {
        query: `mutation($projectPath: ID!, $iid: String!, $usernames: [String!]!) {
          issueSetAssignees(input: { projectPath: $projectPath, iid: $iid, assigneeUsernames: $usernames }) {
            errors
            issue { updatedAt }
          }
        }`,
        variables: { projectPath: PROJECT, iid: String(iid), usernames },
      },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      data?: { issueSetAssignees?: { errors: string[]; issue: { updatedAt: string } | null } };
    };
    expect(body.data?.issueSetAssignees?.errors).toEqual([]);
    return body.data?.issueSetAssignees?.issue?.updatedAt ?? '';
  }

  /** GitLab's `updateIssue` mutation with `input` (labelIds, milestoneId, dueDate, ...). */
  async updateIssueOverGraphql(iid: number, input: Record<string, unknown>): Promise<void> {
    const response = await this.request.post('/api/graphql', {
      headers: this.headers,
      data: {
        query: `mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { errors } }`,
        variables: { input: { projectPath: PROJECT, iid: String(iid), ...input } },
      },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ data: { updateIssue: { errors: [] } } });
  }

  /** The global id of the project's milestone titled `title`. */
  async milestoneId(title: string): Promise<string> {
    const response = await this.request.post('/api/graphql', {
      headers: this.headers,
      data: {
        query: `query($path: ID!, $title: String) { project(fullPath: $path) { milestones(searchTitle: $title) { nodes { id title } } } }`,
        variables: { path: PROJECT, title },
      },
    });
    const body = (await response.json()) as {
      data: { project: { milestones: { nodes: { id: string; title: string }[] } } };
    };
    const found = body.data.project.milestones.nodes.find((node) => node.title === title);
    if (!found) throw new Error(`no milestone ${title}`);
    return found.id;
  }

  /** `PUT /user/status` as this client's user (GitLab's user status API). */
  async setStatus(fields: { availability?: 'busy' | 'not_set'; message?: string; emoji?: string }) {
    return this.send<{ availability: string | null }>('put', '/api/v4/user/status', fields, 200);
  }

  /** GitLab's Features API (admins): turns a feature flag on or off for every process. */
  async setFeatureFlag(name: string, enabled: boolean): Promise<void> {
    await this.send('post', `/api/v4/features/${name}`, { value: String(enabled) }, 201);
  }

  /** Ends this client's session; the server then disconnects all of that user's cables. */
  async signOut(): Promise<void> {
    const response = await this.request.post('/users/sign_out', { headers: this.headers });
    expect(response.status()).toBe(204);
  }

  dispose(): Promise<void> {
    return this.request.dispose();
  }

  private async send<T>(method: 'post' | 'put', path: string, data: unknown, status: number) {
    const response = await this.request[method](path, { headers: this.headers, data });
    const text = await response.text();
    expect(response.status(), `${method.toUpperCase()} ${path}: ${text}`).toBe(status);
    return JSON.parse(text) as T;
  }
}

/** Signs `request` in (its cookie jar keeps the session) and returns the session's CSRF token. */
export async function signInOverHttp(
  request: APIRequestContext,
  username: string,
  password: string,
): Promise<string> {
  const response = await request.post('/users/sign_in', { data: { username, password } });
  expect(response.status(), `sign-in of ${username}`).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}
