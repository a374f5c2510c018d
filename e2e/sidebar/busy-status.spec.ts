import { test } from '../fixtures.js';

/**
 * GitLab's "Busy" badge beside a busy assignee (UserNameWithStatus), live: a user who sets their
 * status with `PUT /api/v4/user/status` shows as busy on every open page of their issues.
 */
test.describe('busy assignees', () => {
  test('the Busy badge follows the assignee status without a reload', async ({
    data,
    openAs,
    saveScreenshot,
  }) => {
    const [busy, free] = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'Busy status', assignees: [busy, free] });
    const viewer = await openAs(await data.user('reporter'));
    await viewer.open(issue.iid);
    await viewer.assignees.expectAssignees([busy.username, free.username]);
    await viewer.assignees.expectBusy([]);
    await viewer.markNoReload();

    const busyApi = await data.apiAs(busy);
    await busyApi.setStatus({ availability: 'busy', message: 'Heads down' });
    await viewer.assignees.expectBusy([busy.username]);
    await saveScreenshot(viewer.page, 'busy-assignee');

    await busyApi.setStatus({ availability: 'not_set' });
    await viewer.assignees.expectBusy([]);
    await viewer.expectNotReloaded();
  });
});
