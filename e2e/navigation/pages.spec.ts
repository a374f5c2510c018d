import { expect, test } from '../fixtures.js';

/** The pages a person expects: people's pages behind their links, and a real 404. */
test.describe('pages', () => {
  test("an assignee's link leads to their page, listing only the issues the viewer may see", async ({
    data,
    openAs,
    saveScreenshot,
  }) => {
    const assignee = await data.user('developer');
    const open = await data.issue({ title: 'Visible to all', assignees: [assignee] });
    const secret = await data.issue({
      title: 'Confidential work',
      confidential: true,
      assignees: [assignee],
    });
    const reporter = await openAs(await data.user('reporter'));
    await reporter.open(open.iid);
    await reporter.assignees.items.filter({ hasText: `@${assignee.username}` }).click();
    await expect(reporter.page).toHaveURL(new RegExp(`/${assignee.username}$`));
    await expect(reporter.page.getByTestId('user-name')).toHaveText(assignee.name);
    await expect(reporter.page).toHaveTitle(`${assignee.name} (${assignee.username}) · GitLab`);
    const listed = reporter.page.getByTestId('assigned-issue');
    await expect(listed).toHaveCount(2);
    await expect(listed.filter({ hasText: secret.title })).toContainText('Confidential');
    await saveScreenshot(reporter.page, 'user-page');

    const anonymous = await openAs(null);
    const answer = await anonymous.page.goto(`/${assignee.username}`);
    expect(answer?.status()).toBe(200);
    await expect(anonymous.page.getByTestId('assigned-issue')).toHaveText([new RegExp(open.title)]);
    await expect(anonymous.page.locator('body')).not.toContainText(secret.title);
  });

  test('an unknown address and a missing user answer 404 with the 404 page', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 404/); // the answers under test
    for (const path of ['/no/such/page', '/nobody-by-this-name']) {
      const answer = await page.goto(path);
      expect(answer?.status(), path).toBe(404);
      await expect(page.getByTestId('not-found')).toContainText('404: Page not found');
      await expect(page).toHaveTitle('Not Found · GitLab');
      await expect(page.getByRole('main')).toHaveCount(1);
    }
  });
});
