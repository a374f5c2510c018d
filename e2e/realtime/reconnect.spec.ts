import { expect, test } from '../fixtures.js';
import { holdReconnects } from '../support/held-reconnect.js';

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
