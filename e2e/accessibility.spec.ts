import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures.js';
import { IssuePage } from './pages/issue-page.js';
import { PROJECT } from './support/target.js';

/**
 * An axe scan (axe-core, WCAG 2.x A/AA and best practices) of every page the app has: no
 * `serious` or `critical` violation, nothing excused.
 */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

test.describe('accessibility (axe)', () => {
  test('the issue page, with the assignees picker closed and open', async ({ data, openAs }) => {
    const assignee = await data.user('developer');
    const issue = await data.issue({
      title: 'Scanned by axe',
      description:
        'Tasks:\n\n- [ ] first\n- [x] second\n\n`code` and a [link](https://example.com)',
      assignees: [assignee],
    });
    const view = await openAs(await data.user('maintainer'));
    await view.open(issue.iid);
    await expectAccessible(view.page);
    await view.assignees.editButton.click();
    await expect(view.assignees.option(assignee.username)).toBeVisible();
    await expectAccessible(view.page);
  });

  test('the issue list', async ({ data, openAs }) => {
    await data.issue({ title: 'Listed for axe', assignees: [await data.user('developer')] });
    const view = await openAs(await data.user('reporter'));
    await view.page.goto(`/${PROJECT}/-/issues`);
    await expect(view.page.getByTestId('issue-list-item').first()).toBeVisible();
    await expect(view.page.getByTestId('new-issue-link')).toBeVisible();
    await expectAccessible(view.page);
  });

  test('the new issue page, with a dropdown open', async ({ data, openAs }) => {
    const view = await openAs(await data.user('reporter'));
    await view.page.goto(`/${PROJECT}/-/issues/new`);
    await expect(view.page.getByTestId('new-issue-form')).toBeVisible();
    await expectAccessible(view.page);
    await view.page.getByTestId('issue-labels-toggle').click();
    await expect(view.page.getByTestId('label-option').first()).toBeVisible();
    await expectAccessible(view.page);
  });

  test('the user page', async ({ data, openAs }) => {
    const user = await data.user('developer');
    await data.issue({ title: 'Assigned for axe', assignees: [user] });
    const view = await openAs(null);
    await view.page.goto(`/${user.username}`);
    await expect(view.page.getByTestId('assigned-issue')).toHaveCount(1);
    await expectAccessible(view.page);
  });

  test('the sign-in page', async ({ page }) => {
    await page.goto('/users/sign_in');
    await expect(page.getByTestId('sign-in-page')).toBeVisible();
    await expectAccessible(page);
  });

  test('the 404 page', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 404/); // the page's own answer
    await page.goto('/no/such/page');
    await expect(new IssuePage(page).notFound).toBeVisible();
    await expectAccessible(page);
  });
});
