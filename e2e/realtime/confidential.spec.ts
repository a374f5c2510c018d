import { expect, test } from '../fixtures.js';
import { captureCableFrames } from '../support/cable-frames.js';

test.describe('confidential issues', () => {
  test('a user without access sees nothing of a confidential issue', async ({
    data,
    openAs,
    consoleErrors,
  }) => {
    // The browser logs the page's 404 answer, which is the point here.
    consoleErrors.allow(/status of 404/);
    const secretAssignee = await data.user('developer');
    const issue = await data.issue({
      title: 'Secret plans',
      description: 'The secret description',
      confidential: true,
      assignees: [secretAssignee],
    });
    const hidden = [issue.title, 'The secret description', secretAssignee.username];
    for (const visitor of [null, await data.user(null), await data.user('guest')]) {
      const page = await openAs(visitor);
      expect(await page.goto(issue.iid)).toBe(404);
      await page.expectNotFound(hidden);
    }
    const member = await openAs(await data.user('reporter')); // the control: reporters may read it
    await member.open(issue.iid);
    await member.assignees.expectAssignees([secretAssignee.username]);
  });

  test('a non-member watching an issue that becomes confidential gets no more pushes', async ({
    data,
    adminApi,
    openAs,
    saveScreenshot,
  }) => {
    const [before, after] = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'Soon confidential', assignees: [before] });
    const outsider = await openAs(await data.user(null, 'outsider'));
    const frames = captureCableFrames(outsider.page);
    const member = await openAs(await data.user('reporter'));
    for (const page of [outsider, member]) {
      await page.open(issue.iid);
      await page.assignees.expectAssignees([before.username]);
    }
    // The outsider's subscription carries data: a push before the change proves the capture works.
    await adminApi.updateIssue(issue.iid, { assignee_ids: [] });
    await outsider.assignees.expectNone();
    expect(frames.received.some((frame) => frame.text.includes('"assignees"'))).toBe(true);

    const madeConfidential = Date.now();
    await adminApi.updateIssue(issue.iid, { confidential: true });
    await adminApi.updateIssue(issue.iid, { assignee_ids: [after.id] });
    // The member's page is the sync point: once it shows the change, every push has gone out.
    await member.assignees.expectAssignees([after.username]);

    const leaked = frames
      .since(madeConfidential)
      .filter((frame) => frame.text.includes(after.username));
    expect(leaked, 'frames with the new assignee sent to a non-member').toEqual([]);
    await outsider.assignees.expectNone();
    await expect(outsider.page.locator('body')).not.toContainText(after.username);
    await saveScreenshot(outsider.page, 'confidential-outsider');
  });
});
