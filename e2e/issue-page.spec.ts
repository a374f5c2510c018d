import { mkdirSync } from 'node:fs';

import {
  assigneeItems,
  expect,
  expectNotReloaded,
  markPage,
  openIssue,
  PROJECT,
  setAssigneesOverHttp,
  signIn,
  test,
  trackConsoleErrors,
} from './fixtures.js';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

test('the issue page shows header, description and a live indicator', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await openIssue(page, 1);
  await expect(page.getByTestId('realtime-indicator')).toHaveText('Live');
  await expect(page.getByTestId('issue-state')).toHaveText('Open');
  await expect(page.getByTestId('issue-author')).toContainText('by Administrator');
  await expect(page.getByTestId('issue-description').locator('strong')).toHaveText(
    'without a reload',
  );
  await expect(page.getByTestId('issue-breadcrumbs')).toContainText('Issues');
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/expanded.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('the issue list leads to an issue', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(`/${PROJECT}/-/issues`);
  await expect(page.getByTestId('issue-list-item').first()).toBeVisible();
  await page.getByRole('link', { name: 'Upgrade PostgreSQL to 16' }).click();
  await expect(page).toHaveURL(new RegExp(`/${PROJECT}/-/issues/6$`));
  await expect(page.getByTestId('issue-title')).toHaveText('Upgrade PostgreSQL to 16');
  expect(errors).toEqual([]);
});

test('an edit in the picker appears in a second browser without a reload', async ({
  browser,
  request,
}) => {
  await setAssigneesOverHttp(request, 14, ['alice']); // the seeded state, so the spec can repeat
  const pages = await Promise.all([1, 2].map(async () => (await browser.newContext()).newPage()));
  const [pageA, pageB] = pages as [(typeof pages)[0], (typeof pages)[0]];
  const errors = pages.map(trackConsoleErrors);
  await signIn(pageA);
  await openIssue(pageA, 14);
  await openIssue(pageB, 14);
  await markPage(pageB);

  await pageA.getByTestId('edit-assignees').click();
  await expect(pageA.getByTestId('assignees-search')).toBeFocused();
  await pageA.getByTestId('assignees-search').fill('carol');
  const carol = pageA.locator('[data-testid="assignee-option"][data-username="carol"]');
  await expect(carol).toBeVisible();
  await pageA.keyboard.press('ArrowDown');
  await pageA.keyboard.press('Enter');
  await expect(carol).toHaveAttribute('aria-selected', 'true');
  await pageA.screenshot({ path: `${SHOTS}/picker.png` });
  await pageA.keyboard.press('Escape');
  await expect(pageA.getByTestId('edit-assignees')).toBeFocused();

  for (const page of pages) {
    await expect(assigneeItems(page)).toHaveCount(2);
    await expect(assigneeItems(page).nth(1)).toContainText('@carol');
  }
  await expect(pageB.getByTestId('assignees-block')).toHaveAttribute('data-highlighted', 'true');
  await expect(pageB.getByTestId('assignees-announcement')).toHaveText(
    'Alice Liddell changed the assignees: Alice Liddell, Carol Danvers',
  );
  await expectNotReloaded(pageB);
  expect(errors.flat()).toEqual([]);
  await Promise.all(pages.map((page) => page.context().close()));
});

test('a push while the picker is open keeps the draft and shows a notice', async ({
  page,
  request,
}) => {
  await setAssigneesOverHttp(request, 16, ['dave', 'alice']); // the seeded state
  const errors = trackConsoleErrors(page);
  await signIn(page);
  await openIssue(page, 16);
  await page.getByTestId('edit-assignees').click();
  const bob = page.locator('[data-testid="assignee-option"][data-username="bob"]');
  await bob.click();
  await expect(bob).toHaveAttribute('aria-selected', 'true');

  await setAssigneesOverHttp(request, 16, ['carol']);
  await expect(page.getByTestId('assignees-draft-notice')).toContainText(
    'Assignees were changed by Alice Liddell while you were editing',
  );
  await expect(bob).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('assignees-merge-remote').click();
  await expect(page.getByTestId('assignees-draft-notice')).toBeHidden();
  await page.getByTestId('edit-assignees').click();

  await expect(assigneeItems(page)).toHaveCount(2);
  await expect(assigneeItems(page).nth(0)).toContainText('@bob');
  await expect(assigneeItems(page).nth(1)).toContainText('@carol');
  expect(errors).toEqual([]);
});

test('the collapsed sidebar is remembered and shows an avatar stack', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await openIssue(page, 3);
  await page.getByTestId('sidebar-toggle').click();
  await expect(page.getByTestId('issue-sidebar')).toHaveAttribute('data-collapsed', 'true');
  await page.reload();
  await expect(page.getByTestId('issue-sidebar')).toHaveAttribute('data-collapsed', 'true');
  const stack = page.getByTestId('collapsed-assignees');
  await stack.hover();
  await expect(page.getByTestId('collapsed-tooltip')).toHaveText('Carol Danvers, Dave Lister');
  await page.screenshot({ path: `${SHOTS}/collapsed.png` });
  await stack.click();
  await expect(page.getByTestId('issue-sidebar')).toHaveAttribute('data-collapsed', 'false');
  expect(errors).toEqual([]);
});

test('works at 360 px wide', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const errors = trackConsoleErrors(page);
  await openIssue(page, 6);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expect(assigneeItems(page)).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/mobile.png`, fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
