import { expect, test } from '../fixtures.js';

test('another browser is told who changed the assignees', async ({ data, openAs }) => {
  const [alice, bob] = [
    await data.user('maintainer', 'alice'),
    await data.user('developer', 'bob'),
  ];
  const [carol, dave] = [await data.user('reporter', 'carol'), await data.user('guest', 'dave')];
  const issue = await data.issue({ title: 'Changed by' });
  const pageA = await openAs(alice);
  const pageB = await openAs(bob);
  await pageA.open(issue.iid);
  await pageB.open(issue.iid);

  await pageA.assignees.choose([bob.username, carol.username]);
  await pageB.assignees.expectAssignees([bob.username, carol.username]);
  await expect(pageB.assignees.announcement).toHaveText(
    `${alice.name} changed the assignees: ${bob.name}, ${carol.name}`,
  );
  await expect(pageB.assignees.lastChanged).toContainText(`Last changed by ${alice.name}`);
  // Alice's own save is not announced to her.
  await expect(pageA.assignees.announcement).toHaveText('');

  // While Bob edits, Alice's next change raises the notice naming her, and Bob's draft is kept.
  await pageB.assignees.openEditor();
  await expect(pageB.page.getByTestId('assignee-option').first()).toBeVisible();
  await pageA.assignees.choose([dave.username]);
  await expect(pageB.assignees.draftNotice).toContainText(
    `Assignees were changed by ${alice.name} while you were editing`,
  );
  await expect(pageB.assignees.announcement).toHaveText(
    `${alice.name} changed the assignees: ${dave.name}`,
  );
  await pageB.assignees.search.press('Escape');
  await expect(pageB.assignees.editor).toBeHidden();
  await pageB.assignees.expectAssignees([dave.username]);
});

test('another browser is told who changed the labels, on the labels only', async ({
  data,
  openAs,
}) => {
  const [alice, bob] = [
    await data.user('maintainer', 'alice'),
    await data.user('developer', 'bob'),
  ];
  const issue = await data.issue({ title: 'Labels changed by' });
  const pageA = await openAs(alice);
  const pageB = await openAs(bob);
  await pageA.open(issue.iid);
  await pageB.open(issue.iid);

  await pageA.page.keyboard.press('l');
  await pageA.page.getByTestId('label-option').filter({ hasText: 'bug' }).click();
  await pageA.page.getByTestId('labels-search').press('Escape');

  await expect(pageB.page.getByTestId('label-chip')).toHaveText(['bug']);
  await expect(pageB.page.getByTestId('labels-changed-by')).toHaveText(
    `Changed by ${alice.name} just now`,
  );
  await expect(pageB.page.getByTestId('milestone-changed-by')).toHaveCount(0);
  // Alice's own change names nobody to her.
  await expect(pageA.page.getByTestId('label-chip')).toHaveText(['bug']);
  await expect(pageA.page.getByTestId('labels-changed-by')).toHaveCount(0);
});
