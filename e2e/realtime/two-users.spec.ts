import { expect, test } from '../fixtures.js';

/** GitLab's feature spec "Issues > Real-time sidebar", plus a second signed-in user. */
test.describe('two people on one issue', { tag: '@smoke' }, () => {
  test('"assign yourself" in one browser appears for another user and an anonymous viewer', async ({
    data,
    openAs,
  }) => {
    const [me, colleague] = [await data.user('developer', 'me'), await data.user('developer')];
    const issue = await data.issue({ title: 'Assign yourself' });
    const mine = await openAs(me);
    const theirs = await openAs(colleague);
    const anonymous = await openAs(null);
    for (const page of [mine, theirs, anonymous]) {
      await page.open(issue.iid);
      await page.assignees.expectNone();
      await page.markNoReload();
    }

    await mine.assignees.assignYourself();
    for (const page of [mine, theirs, anonymous]) {
      await page.assignees.expectAssignees([me.username]);
    }
    await expect(theirs.assignees.announcement).toHaveText(
      `${me.name} changed the assignees: ${me.name}`,
    );
    for (const page of [theirs, anonymous]) await page.expectNotReloaded();
  });

  test('a change in the picker appears in the other browser', async ({ data, openAs }) => {
    const [editor, watcher] = [await data.user('maintainer'), await data.user('developer')];
    const [bob, dave] = [await data.user('developer'), await data.user('guest')];
    const issue = await data.issue();
    const editing = await openAs(editor);
    const watching = await openAs(watcher);
    await editing.open(issue.iid);
    await watching.open(issue.iid);
    await watching.markNoReload();

    await editing.assignees.choose([bob.username, dave.username]);
    await editing.assignees.expectAssignees([bob.username, dave.username]);
    await watching.assignees.expectAssignees([bob.username, dave.username]);
    await expect(watching.assignees.title).toHaveText('2 Assignees');
    await watching.expectNotReloaded();
  });
});
