import { expect, test } from '../fixtures.js';
import { IssuePage } from '../pages/issue-page.js';
import { PROJECT } from '../support/target.js';

/** The new issue page, from the list's button to the created issue's own page. */
test.describe('new issue page', () => {
  test('a reporter creates an issue with every field from the UI and lands on its page', async ({
    data,
    openAs,
    saveScreenshot,
  }) => {
    const reporter = await data.user('reporter');
    const view = await openAs(reporter);
    const { page } = view;
    await page.goto(`/${PROJECT}/-/issues`);
    await page.getByTestId('new-issue-link').click();
    await expect(page).toHaveURL(new RegExp(`/${PROJECT}/-/issues/new$`));
    await expect(page).toHaveTitle(/^New Issue · .+ · GitLab$/);

    const title = `Created in the browser ${reporter.username}`;
    await page.getByLabel('Title (required)').fill(title);
    await page.getByTestId('issue-description-input').fill('Steps:\n\n1. **open** it');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expect(page.getByTestId('description-preview').locator('strong')).toHaveText('open');
    await page.getByRole('tab', { name: 'Write' }).click();

    // The sidebar's own dropdowns, by keyboard where GitLab's are.
    await page.getByTestId('issue-assignees-toggle').click();
    await page.getByTestId('assignees-search').fill(reporter.username);
    await page
      .locator(`[data-testid="assignee-option"][data-username="${reporter.username}"]`)
      .click();
    await page.getByTestId('assignees-search').press('Escape');
    await expect(page.getByTestId('issue-assignees-toggle')).toHaveText(reporter.name);
    await page.getByTestId('issue-labels-toggle').click();
    await page.getByTestId('labels-search').fill('bug');
    await page.getByTestId('label-option').filter({ hasText: 'bug' }).click();
    await page.getByTestId('labels-search').press('Escape');
    await page.getByTestId('issue-due-date-input').fill('2031-06-15');
    await saveScreenshot(page, 'new-issue-page');

    await page.getByTestId('create-issue').click();
    await expect(page).toHaveURL(new RegExp(`/${PROJECT}/-/issues/\\d+$`));
    const issuePage = new IssuePage(page);
    await expect(issuePage.title).toHaveText(title);
    await issuePage.expectRealtimeState('live');
    await issuePage.assignees.expectAssignees([reporter.username]);
    await expect(page.getByTestId('label-chip')).toHaveText(['bug']);
    await expect(page.getByTestId('issue-description').locator('strong')).toHaveText('open');
    const iid = /\/issues\/(\d+)$/.exec(page.url())?.[1];
    await expect(page).toHaveTitle(`${title} (#${iid}) · Issues · GitLab Test · GitLab`);
  });

  test('a guest is told why and gets no form; an anonymous visitor is sent to sign in', async ({
    data,
    openAs,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 403/); // the page's own answer, which is the point
    const guest = await openAs(await data.user('guest'));
    const answer = await guest.page.goto(`/${PROJECT}/-/issues/new`);
    expect(answer?.status()).toBe(403);
    await expect(guest.page.getByTestId('new-issue-forbidden')).toContainText('Reporter role');
    await expect(guest.page.getByTestId('new-issue-form')).toHaveCount(0);

    const anonymous = await openAs(null);
    await anonymous.page.goto(`/${PROJECT}/-/issues/new`);
    await expect(anonymous.page).toHaveURL(/\/users\/sign_in\?redirect_to=/);
    await expect(anonymous.page).toHaveTitle('Sign in · GitLab');
  });
});
