import { expect, test } from '../fixtures.js';
import { PROJECT } from '../support/target.js';

test.describe('the issue page', () => {
  test(
    'shows header, description and a live indicator',
    { tag: '@smoke' },
    async ({ data, issuePage, saveScreenshot }) => {
      const author = await data.user('reporter', 'author');
      const issue = await data.issue(
        { title: 'Header', description: 'Assignees update **without a reload**.' },
        await data.apiAs(author),
      );
      await issuePage.open(issue.iid);
      await expect(issuePage.title).toHaveText(issue.title);
      await expect(issuePage.indicator).toHaveText('Live');
      await expect(issuePage.page.getByTestId('issue-state')).toHaveText('Open');
      await expect(issuePage.page.getByTestId('issue-author')).toContainText(`by ${author.name}`);
      await expect(issuePage.page.getByTestId('issue-description').locator('strong')).toHaveText(
        'without a reload',
      );
      await expect(issuePage.page.getByTestId('issue-breadcrumbs')).toContainText('Issues');
      await expect(issuePage.page.getByTestId('sign-in-link')).toBeVisible();
      await saveScreenshot(issuePage.page, 'expanded', { fullPage: true });
    },
  );

  test('the issue list leads to an issue', async ({ data, issuePage }) => {
    const issue = await data.issue({ title: 'Listed' });
    const page = issuePage.page;
    await page.goto(`/${PROJECT}/-/issues`);
    await page.getByRole('link', { name: issue.title }).click();
    await expect(page).toHaveURL(new RegExp(`/${PROJECT}/-/issues/${issue.iid}$`));
    await expect(issuePage.title).toHaveText(issue.title);
  });

  test('the collapsed sidebar is remembered and shows an avatar stack', async ({
    data,
    issuePage,
    saveScreenshot,
  }) => {
    const [first, second] = [await data.user('developer'), await data.user('guest')];
    const issue = await data.issue({ title: 'Collapsed', assignees: [first, second] });
    const page = issuePage.page;
    await issuePage.open(issue.iid);
    await page.getByTestId('sidebar-toggle').click();
    await expect(issuePage.sidebar).toHaveAttribute('data-collapsed', 'true');
    await page.reload();
    await expect(issuePage.sidebar).toHaveAttribute('data-collapsed', 'true');
    const stack = page.getByTestId('collapsed-assignees');
    await stack.hover();
    await expect(page.getByTestId('collapsed-tooltip')).toHaveText(`${first.name}, ${second.name}`);
    await saveScreenshot(page, 'collapsed');
    await stack.click();
    await expect(issuePage.sidebar).toHaveAttribute('data-collapsed', 'false');
  });

  test('works at 360 px wide', async ({ data, openAs, saveScreenshot }) => {
    const assignees = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'Narrow', assignees });
    const narrow = await openAs(null, { viewport: { width: 360, height: 740 } });
    await narrow.open(issue.iid);
    const width = await narrow.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await narrow.assignees.expectAssignees(assignees.map((user) => user.username));
    await saveScreenshot(narrow.page, 'mobile', { fullPage: true });
  });
});
