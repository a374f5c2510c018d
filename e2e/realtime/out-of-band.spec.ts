import { test } from '../fixtures.js';

/**
 * GitLab's QA test "update without refresh" (real_time_assignee_spec.rb), without its one-second
 * sleep: the page says when it is subscribed (`data-realtime-state="live"`).
 */
test.describe('assignees changed out of band', { tag: '@smoke' }, () => {
  test('REST and GraphQL changes show up without a reload; clearing shows None', async ({
    data,
    adminApi,
    openAs,
    saveScreenshot,
  }) => {
    const [first, second] = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'QA update without refresh', assignees: [first] });
    const viewer = await openAs(await data.user('reporter'));
    await viewer.open(issue.iid);
    await viewer.assignees.expectAssignees([first.username]);
    await viewer.markNoReload();

    await adminApi.updateIssue(issue.iid, { assignee_ids: [second.id] }); // what GitLab's QA does
    await viewer.assignees.expectAssignees([second.username]);
    await saveScreenshot(viewer.page, 'out-of-band-rest');

    await adminApi.setAssigneesOverGraphql(issue.iid, [first.username, second.username]);
    await viewer.assignees.expectAssignees([first.username, second.username]);

    await adminApi.updateIssue(issue.iid, { assignee_ids: [] });
    await viewer.assignees.expectNone();
    await viewer.expectNotReloaded();
  });

  test('every open page of the issue gets the change, anonymous ones too', async ({
    data,
    adminApi,
    openAs,
  }) => {
    const assignee = await data.user('developer');
    const issue = await data.issue();
    const pages = [await openAs(null), await openAs(await data.user('guest'))];
    for (const page of pages) {
      await page.open(issue.iid);
      await page.assignees.expectNone();
      await page.markNoReload();
    }
    await adminApi.updateIssue(issue.iid, { assignee_ids: [assignee.id] });
    for (const page of pages) {
      await page.assignees.expectAssignees([assignee.username]);
      await page.expectNotReloaded();
    }
  });
});
