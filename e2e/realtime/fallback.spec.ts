import { expect, test } from '../fixtures.js';
import { IssuePage } from '../pages/issue-page.js';

// The fallback polls every 10 s: allow a couple of rounds.
test.describe('without a cable the page polls', () => {
  test.describe.configure({ timeout: 60_000 });

  test('polls the issue when the cable endpoint is refused, and says so', async ({
    data,
    adminApi,
    issuePage,
  }) => {
    const assignee = await data.user('developer');
    const issue = await data.issue({ title: 'Cable refused' });
    await issuePage.page.routeWebSocket(/\/-\/cable/, (socket) => {
      void socket.close({ code: 1011, reason: 'refused by the test' });
    });
    await issuePage.goto(issue.iid);
    await expect(issuePage.title).toBeVisible();
    await issuePage.markNoReload();
    await expect(issuePage.polling).toContainText('Checking for changes every 10 s', {
      timeout: 15_000,
    });
    await issuePage.expectPollingFallback();

    await adminApi.updateIssue(issue.iid, { assignee_ids: [assignee.id] });
    await expect(issuePage.assignees.items).toHaveText([new RegExp(`@${assignee.username}`)], {
      timeout: 25_000,
    });
    await issuePage.expectNotReloaded();
  });

  test('with real-time turned off by the server it polls and shows "Real-time off"', async ({
    data,
    adminApi,
    issuePage,
  }) => {
    const assignee = await data.user('developer');
    const issue = await data.issue({ title: 'Real-time off' });
    const page = issuePage.page;
    let cableRequests = 0;
    await page.routeWebSocket(/\/-\/cable/, (socket) => {
      cableRequests += 1;
      socket.connectToServer();
    });
    // Stands in for the server's feature flag: the meta tag the server will render when it is off.
    await page.route(new RegExp(`${IssuePage.path(issue.iid)}$`), async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<head>',
        '<head><meta name="real-time-issue-sidebar" content="false">',
      );
      await route.fulfill({ response, body: html });
    });
    await issuePage.goto(issue.iid);
    await issuePage.expectRealtimeState('disabled');
    await expect(issuePage.indicator).toHaveText('Real-time off');
    await expect(issuePage.polling).toBeVisible();
    await issuePage.markNoReload();

    await adminApi.updateIssue(issue.iid, { assignee_ids: [assignee.id] });
    await expect(issuePage.assignees.items.first()).toContainText(`@${assignee.username}`, {
      timeout: 25_000,
    });
    await issuePage.expectNotReloaded();
    expect(cableRequests).toBe(0);
  });
});
