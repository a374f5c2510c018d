import { expect, test } from '../fixtures.js';

/** #17's fix: "Try again" after a failed save does not overwrite a change made since. */
test('a retry after a failed save keeps the assignee someone added meanwhile', async ({
  data,
  adminApi,
  openAs,
  consoleErrors,
}) => {
  consoleErrors.allow(/Failed to load resource: net::ERR_CONNECTION_RESET/);
  const [bob, carol] = [await data.user('developer', 'bob'), await data.user('developer', 'carol')];
  const alice = await data.user('maintainer', 'alice');
  const issue = await data.issue({ title: 'Stale retry', assignees: [bob] });
  const view = await openAs(alice);
  await view.open(issue.iid);
  await view.assignees.expectAssignees([bob.username]);

  // The first save of the assignees fails as a dropped connection would.
  let failed = false;
  await view.page.route('**/api/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (!failed && body?.operationName === 'issueSetAssignees') {
      failed = true;
      await route.abort('connectionreset');
    } else await route.continue();
  });
  await view.assignees.choose([bob.username, alice.username]);
  await expect(view.page.getByTestId('assignees-error')).toBeVisible();
  await view.assignees.expectAssignees([bob.username]);

  await adminApi.setAssigneesOverGraphql(issue.iid, [bob.username, carol.username]);
  await view.assignees.expectAssignees([bob.username, carol.username]);
  await view.page.getByTestId('assignees-retry').click();
  await expect(view.page.getByTestId('assignees-rebased')).toBeVisible();
  await view.assignees.editButton.click();
  await view.assignees.expectAssignees([bob.username, carol.username, alice.username]);
});
