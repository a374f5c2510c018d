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

test('an open milestone dropdown keeps its selection when a remote change arrives', async ({
  data,
  adminApi,
  openAs,
}) => {
  const issue = await data.issue({ title: 'Milestone draft' });
  const editing = await openAs(await data.user('maintainer'));
  await editing.open(issue.iid);
  await editing.page.getByTestId('edit-milestone').click();
  const noMilestone = editing.page.getByTestId('no-milestone-option');
  await expect(noMilestone).toHaveAttribute('aria-selected', 'true');

  await adminApi.updateIssueOverGraphql(issue.iid, {
    milestoneId: await adminApi.milestoneId('v1.1'),
  });
  await expect(editing.page.getByTestId('widget-draft-notice')).toContainText('Milestone changed');
  await expect(noMilestone).toHaveAttribute('aria-selected', 'true');
  await editing.page.getByTestId('widget-take-remote').click();
  await expect(
    editing.page
      .getByTestId('milestone-option')
      .and(editing.page.locator('[aria-selected="true"]')),
  ).toHaveText(['v1.1']);
  await editing.page.getByTestId('milestone-search').press('Escape');
  await expect(editing.page.getByTestId('milestone-title')).toHaveText('v1.1');
});

test("the milestone's link opens the project's issues in that milestone", async ({
  data,
  adminApi,
  openAs,
}) => {
  const issue = await data.issue({ title: 'Milestone link' });
  await adminApi.updateIssueOverGraphql(issue.iid, {
    milestoneId: await adminApi.milestoneId('v1.1'),
  });
  const viewing = await openAs(null);
  await viewing.open(issue.iid);
  await viewing.page.getByTestId('milestone-title').click();
  // The server answers GitLab's milestone page with the list filtered on it.
  await expect(viewing.page).toHaveURL(/\/-\/issues\?milestone_title=v1\.1$/);
  const row = viewing.page.getByTestId('issue-list-item').filter({ hasText: 'Milestone link' });
  await expect(row).toHaveCount(1);
});
