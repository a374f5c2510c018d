import { expect, test } from '../fixtures.js';
import { ApiClient } from '../support/api-client.js';
import { OwnServer } from '../support/own-server.js';
import { adminCredentials, REMOTE_BASE_URL } from '../support/target.js';
import { TestData } from '../support/test-data.js';

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

  test.describe('real_time_issue_sidebar turned off', () => {
    // Flipping the flag on the suite's server would take real-time away from every other spec.
    test.skip(!!REMOTE_BASE_URL, 'turns a feature flag off: local runs on its own server only');
    let server: OwnServer;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      server = await OwnServer.start();
    });
    test.afterAll(async () => {
      await server.dispose();
    });

    test('the page opens no cable, polls, and says "Real-time off"', async ({ openAs }) => {
      const admin = await ApiClient.signIn(adminCredentials(), server.url);
      const data = new TestData(admin, 'flag-');
      const assignee = await data.user('developer');
      const issue = await data.issue({ title: 'Real-time off' });
      await admin.setFeatureFlag('real_time_issue_sidebar', false);

      const viewer = await openAs(null, { baseURL: server.url });
      const sockets: string[] = [];
      viewer.page.on('websocket', (socket) => sockets.push(socket.url()));
      await viewer.goto(issue.iid);
      await viewer.expectRealtimeState('disabled');
      await expect(viewer.indicator).toHaveText('Real-time off');
      await expect(viewer.polling).toBeVisible();
      await viewer.markNoReload();

      await admin.updateIssue(issue.iid, { assignee_ids: [assignee.id] });
      await expect(viewer.assignees.items.first()).toContainText(`@${assignee.username}`, {
        timeout: 25_000,
      });
      await viewer.expectNotReloaded();
      expect(sockets).toEqual([]);

      // Back on: a page opened now is live again, without a restart.
      await admin.setFeatureFlag('real_time_issue_sidebar', true);
      const next = await openAs(null, { baseURL: server.url });
      await next.open(issue.iid);
      await data.dispose();
      await admin.dispose();
    });
  });
});
