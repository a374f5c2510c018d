import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

export { expect };

/** The demo project every spec works in (the server seeds it). */
export const PROJECT = 'gitlab-org/gitlab-test';

/** Console errors and page errors collected per page; specs assert there are none. */
export function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (
      message.type() === 'error' ||
      (message.type() === 'warning' && /apollo/i.test(message.text()))
    ) {
      errors.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Opens an issue and waits until its sidebar says pushes are flowing. */
export async function openIssue(page: Page, iid: number): Promise<void> {
  await page.goto(`/${PROJECT}/-/issues/${iid}`);
  await expect(page.getByTestId('issue-title')).toBeVisible();
  await expect(page.getByTestId('issue-sidebar')).toHaveAttribute('data-realtime-state', 'live');
}

/**
 * Sets a marker on `window`: it survives only as long as the page is not reloaded, so a spec
 * that still finds it after an update proves the update arrived live.
 */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __noReloadMarker?: string }).__noReloadMarker = 'still-here';
  });
}

export async function expectNotReloaded(page: Page): Promise<void> {
  expect(
    await page.evaluate(
      () => (window as unknown as { __noReloadMarker?: string }).__noReloadMarker,
    ),
  ).toBe('still-here');
}

/** The usernames shown in the assignees block, in order. */
export function assigneeItems(page: Page) {
  return page.getByTestId('assignees-block').getByTestId('assignee');
}

/** Seeded users' password (the server's DEMO_PASSWORD default, GitLab's historical one). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? '5iveL!fe';

/** Signs `request` in (its cookie jar keeps the session) and returns the session's CSRF token. */
export async function signInOverHttp(
  request: APIRequestContext,
  username = 'alice',
): Promise<string> {
  const response = await request.post('/users/sign_in', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return body.csrfToken;
}

/** Signs a page's browser context in as `username` (a maintainer by default), then reloads nothing. */
export async function signIn(page: Page, username = 'alice'): Promise<void> {
  await signInOverHttp(page.request, username);
}

/**
 * Changes assignees out of band, the way a script or another service would: plain HTTP GraphQL,
 * signed in as a maintainer of the project.
 */
export async function setAssigneesOverHttp(
  request: APIRequestContext,
  iid: number,
  usernames: string[],
): Promise<void> {
  const csrfToken = await signInOverHttp(request);
  const response = await request.post('/api/graphql', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: {
      query: `mutation($projectPath: ID!, $iid: String!, $usernames: [String!]!) {
        issueSetAssignees(input: { projectPath: $projectPath, iid: $iid, assigneeUsernames: $usernames }) { errors }
      }`,
      variables: { projectPath: PROJECT, iid: String(iid), usernames },
    },
  });
  expect(response.ok()).toBe(true);
  expect(await response.json()).toEqual({ data: { issueSetAssignees: { errors: [] } } });
}

/** Opens the picker, selects exactly `usernames` (by clicking rows) and applies. */
export async function chooseAssignees(page: Page, usernames: string[]): Promise<void> {
  await page.getByTestId('edit-assignees').click();
  const picker = page.getByTestId('assignees-editor');
  await expect(picker).toBeVisible();
  // The first options can be the pinned ones (you, the author) before the member search
  // answers: wait until every wanted user is listed before reading the list.
  const option = (username: string) =>
    picker.locator(`[data-testid="assignee-option"][data-username="${username}"]`);
  for (const username of usernames) await expect(option(username)).toBeVisible();
  for (const listed of await picker.getByTestId('assignee-option').all()) {
    const username = (await listed.getAttribute('data-username')) ?? '';
    const selected = (await listed.getAttribute('aria-selected')) === 'true';
    if (selected !== usernames.includes(username)) await listed.click();
  }
  for (const listed of await picker.getByTestId('assignee-option').all()) {
    const username = (await listed.getAttribute('data-username')) ?? '';
    await expect(listed).toHaveAttribute('aria-selected', String(usernames.includes(username)));
  }
  await page.getByTestId('edit-assignees').click();
  await expect(picker).toBeHidden();
}

export const test = base;

/** Path of the personal access tokens page (GitLab's). */
export const PERSONAL_ACCESS_TOKENS_PATH = '/-/user_settings/personal_access_tokens';

/** A GraphQL request authenticated only by a personal access token (no cookies, no CSRF). */
export async function graphqlWithToken(
  request: APIRequestContext,
  token: string,
  query: string,
): Promise<{ status: number; body: unknown }> {
  const response = await request.post('/api/graphql', {
    headers: { Authorization: `Bearer ${token}` },
    data: { query },
  });
  return { status: response.status(), body: (await response.json()) as unknown };
}
