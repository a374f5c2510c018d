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

/** Changes assignees out of band, the way a script or another service would: plain HTTP GraphQL. */
export async function setAssigneesOverHttp(
  request: APIRequestContext,
  iid: number,
  usernames: string[],
): Promise<void> {
  const response = await request.post('/api/graphql', {
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

export const test = base;
