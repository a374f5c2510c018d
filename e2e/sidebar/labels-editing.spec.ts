import { expect, test } from '../fixtures.js';

/** The labels dropdown: a selection made in one browser reaches the other; a push keeps a draft. */
test.describe('labels editing', () => {
  test('labels chosen in one browser appear in the other; scoped labels stay exclusive', async ({
    data,
    openAs,
    saveScreenshot,
  }) => {
    const issue = await data.issue({ title: 'Labels editing' });
    const editing = await openAs(await data.user('maintainer'));
    const watching = await openAs(null);
    await editing.open(issue.iid);
    await watching.open(issue.iid);
    await watching.markNoReload();
    await expect(watching.page.getByTestId('edit-labels')).toHaveCount(0);

    await editing.page.keyboard.press('l');
    const options = editing.page.getByTestId('label-option');
    await options.filter({ hasText: 'priority::high' }).click();
    await editing.page.getByTestId('labels-search').fill('bu');
    await expect(options).toHaveCount(1);
    await options.filter({ hasText: 'bug' }).click();
    await editing.page.getByTestId('labels-search').fill('priority');
    await options.filter({ hasText: 'priority::low' }).click();
    await expect(options.and(editing.page.locator('[aria-selected="true"]'))).toHaveText([
      'priority::low',
    ]);
    await saveScreenshot(editing.page, 'labels-dropdown');
    await editing.page.getByTestId('labels-search').press('Escape');

    for (const view of [editing, watching]) {
      await expect(view.page.getByTestId('label-chip')).toHaveText(['bug', 'prioritylow']);
    }
    await saveScreenshot(watching.page, 'sidebar-expanded');
    await watching.page.getByTestId('sidebar-toggle').click();
    await expect(watching.page.getByTestId('issue-sidebar')).toHaveAttribute(
      'data-collapsed',
      'true',
    );
    await saveScreenshot(watching.page, 'sidebar-collapsed');
    await watching.page.getByTestId('sidebar-toggle').click();
    await editing.page.getByRole('button', { name: 'Remove label bug' }).click();
    await expect(watching.page.getByTestId('label-chip')).toHaveText(['prioritylow']);
    await watching.expectNotReloaded();
  });

  test('an open dropdown keeps its draft when a remote change arrives', async ({
    data,
    adminApi,
    openAs,
  }) => {
    const issue = await data.issue({ title: 'Labels draft' });
    const editing = await openAs(await data.user('maintainer'));
    await editing.open(issue.iid);
    await editing.page.getByTestId('edit-labels').click();
    const feature = editing.page.getByTestId('label-option').filter({ hasText: 'feature' });
    await feature.click();
    await expect(feature).toHaveAttribute('aria-selected', 'true');

    await adminApi.updateIssue(issue.iid, { labels: ['documentation'] });
    await expect(editing.page.getByTestId('label-chip')).toHaveText(['documentation']);
    await expect(editing.page.getByTestId('widget-draft-notice')).toBeVisible();
    await expect(feature).toHaveAttribute('aria-selected', 'true');
    await editing.page.getByTestId('edit-labels').click();
    await expect(editing.page.getByTestId('label-chip')).toHaveText(['feature']);
  });
});
