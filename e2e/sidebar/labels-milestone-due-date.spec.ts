import { expect, test } from '../fixtures.js';

/** Labels, milestone and due date changed out of band reach every open page without a reload. */
test.describe('labels, milestone and due date in the sidebar', () => {
  test('REST and GraphQL changes appear live; anonymous viewers see them without edit controls', async ({
    data,
    adminApi,
    openAs,
    saveScreenshot,
  }) => {
    const issue = await data.issue({ title: 'Sidebar fields' });
    const viewer = await openAs(await data.user('reporter'));
    const anonymous = await openAs(null);
    for (const view of [viewer, anonymous]) {
      await view.open(issue.iid);
      await expect(view.page.getByTestId('labels-none')).toBeVisible();
      await view.markNoReload();
    }
    await expect(viewer.page.getByTestId('due-date-edit')).toBeVisible();
    await expect(anonymous.page.getByTestId('due-date-edit')).toHaveCount(0);

    const chips = (view: typeof viewer) => view.page.getByTestId('label-chip');
    await adminApi.updateIssue(issue.iid, { labels: ['bug', 'priority::high'] });
    for (const view of [viewer, anonymous]) {
      await expect(chips(view)).toHaveText(['bug', 'priorityhigh']);
    }
    await adminApi.updateIssue(issue.iid, {
      labels: ['bug', 'priority::low'],
      due_date: '2031-03-04',
    });
    await adminApi.updateIssueOverGraphql(issue.iid, {
      milestoneId: await adminApi.milestoneId('v2.0'),
    });
    for (const view of [viewer, anonymous]) {
      await expect(chips(view)).toHaveText(['bug', 'prioritylow']);
      await expect(view.page.getByTestId('milestone-title')).toHaveText('v2.0');
      await expect(view.page.getByTestId('due-date-value')).toContainText('Mar 4, 2031');
    }
    await saveScreenshot(viewer.page, 'sidebar-fields');

    await adminApi.updateIssueOverGraphql(issue.iid, { dueDate: '2020-01-01' });
    await expect(viewer.page.getByTestId('due-date-value')).toContainText('(overdue)');
    await adminApi.updateIssue(issue.iid, { labels: [], milestone_id: 0, due_date: null });
    for (const view of [viewer, anonymous]) {
      await expect(view.page.getByTestId('labels-none')).toBeVisible();
      await expect(view.page.getByTestId('milestone-none')).toBeVisible();
      await expect(view.page.getByTestId('due-date-none')).toBeVisible();
      await view.expectNotReloaded();
    }
  });

  test('a due date set in one browser appears in the other; a push keeps an open draft', async ({
    data,
    adminApi,
    openAs,
  }) => {
    const issue = await data.issue({ title: 'Due date editing' });
    const editing = await openAs(await data.user('maintainer'));
    const watching = await openAs(null);
    await editing.open(issue.iid);
    await watching.open(issue.iid);
    await watching.markNoReload();

    await editing.page.getByTestId('due-date-edit').click();
    await editing.page.getByTestId('due-date-input').fill('2033-05-06');
    await adminApi.updateIssueOverGraphql(issue.iid, { dueDate: '2034-01-01' });
    await expect(watching.page.getByTestId('due-date-value')).toContainText('Jan 1, 2034');
    await expect(editing.page.getByTestId('due-date-input')).toHaveValue('2033-05-06');
    await editing.page.getByTestId('due-date-apply').click();
    for (const view of [editing, watching]) {
      await expect(view.page.getByTestId('due-date-value')).toContainText('May 6, 2033');
    }
    await watching.expectNotReloaded();
  });
});
