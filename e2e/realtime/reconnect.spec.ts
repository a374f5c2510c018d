import { expect, test } from '../fixtures.js';
import { IssuePage } from '../pages/issue-page.js';
import { ApiClient } from '../support/api-client.js';
import { holdReconnects } from '../support/held-reconnect.js';
import { OwnServer } from '../support/own-server.js';
import { DEMO_PASSWORD } from '../support/target.js';

test.describe('reconnecting', () => {
  test('a page disconnected by the server catches up on reconnect, without a reload', async ({
    data,
    adminApi,
    openAs,
  }) => {
    const user = await data.user('developer');
    const [before, after] = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'Reconnect', assignees: [before] });
    const viewer = await openAs(user);
    const hold = await holdReconnects(viewer.page);
    await viewer.open(issue.iid);
    await viewer.assignees.expectAssignees([before.username]);
    await viewer.markNoReload();

    // Signing out another session of the same user makes the server disconnect all of that
    // user's cables ("remote" disconnect, reconnect allowed); this page's session stays valid.
    const otherSession = await data.apiAs(user);
    await otherSession.signOut();
    await hold.reconnecting;
    await viewer.expectRealtimeState('reconnecting');

    await adminApi.updateIssue(issue.iid, { assignee_ids: [after.id] });
    // Nothing can reach the page now: it still shows the old state.
    await expect(viewer.assignees.items).toHaveText([new RegExp(`@${before.username}`)]);

    hold.release();
    await viewer.expectRealtimeState('live');
    await viewer.assignees.expectAssignees([after.username]);
    await viewer.expectNotReloaded();
    // The server's part: the re-subscription's first payload carries the current assignees.
    await expect
      .poll(
        () => hold.framesAfterReconnect.some((frame) => frame.includes(`"${after.username}"`)),
        {
          message: 'the catch-up payload after the reconnect names the new assignee',
        },
      )
      .toBe(true);
  });
});

test.describe('reconnecting after a server restart', () => {
  test.skip(!!process.env.E2E_BASE_URL, 'restarts a server process the spec started itself');
  test.describe.configure({ timeout: 120_000 });

  test('a page whose server restarted catches up without a reload', async ({ openAs }) => {
    const server = await OwnServer.start();
    // A fresh data directory: the seeded admin and demo users exist there.
    const admin = await ApiClient.signIn({ username: 'root', password: DEMO_PASSWORD }, server.url);
    try {
      const issue = await admin.createIssue({ title: 'Restart', assignee_ids: [] });
      const viewer = await openAs(null);
      const hold = await holdReconnects(viewer.page);
      await viewer.page.goto(`${server.url}${IssuePage.path(issue.iid)}`);
      await viewer.expectRealtimeState('live');
      await viewer.assignees.expectNone();
      await viewer.markNoReload();

      await server.stop();
      await viewer.expectRealtimeState('reconnecting');
      await server.start();
      await admin.setAssigneesOverGraphql(issue.iid, ['bob']);
      await hold.reconnecting;
      await viewer.assignees.expectNone(); // held: neither the cable nor a poll reached the page

      hold.release();
      await viewer.expectRealtimeState('live');
      await viewer.assignees.expectAssignees(['bob']);
      await viewer.expectNotReloaded();
      expect(hold.framesAfterReconnect.some((frame) => frame.includes('"bob"'))).toBe(true);
    } finally {
      await admin.dispose();
      await server.dispose();
    }
  });
});
