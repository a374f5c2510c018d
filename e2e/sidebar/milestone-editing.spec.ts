import { expect, test } from '../fixtures.js';

/** The milestone dropdown: a milestone chosen in one browser reaches the other without reload. */
test('a milestone chosen in one browser appears in the other; "No milestone" removes it', async ({
  data,
  openAs,
}) => {
  const issue = await data.issue({ title: 'Milestone editing' });
  const editing = await openAs(await data.user('maintainer'));
  const watching = await openAs(null);
  await editing.open(issue.iid);
  await watching.open(issue.iid);
  await watching.markNoReload();
  await expect(watching.page.getByTestId('edit-milestone')).toHaveCount(0);

  await editing.page.keyboard.press('m');
  const options = editing.page.getByTestId('milestone-option');
  await expect(options.and(editing.page.locator('[data-state="closed"]'))).toContainText(['v1.0']);
  await editing.page.getByTestId('milestone-search').fill('v2');
  await expect(options).toHaveText(['v2.0']);
  await options.first().click();
  for (const view of [editing, watching]) {
    await expect(view.page.getByTestId('milestone-title')).toHaveText('v2.0');
  }

  await editing.page.getByTestId('edit-milestone').click();
  await editing.page.getByTestId('no-milestone-option').click();
  await expect(watching.page.getByTestId('milestone-none')).toBeVisible();
  await watching.expectNotReloaded();
});
