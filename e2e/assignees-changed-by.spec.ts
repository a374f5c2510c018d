import {
  assigneeItems,
  chooseAssignees,
  expect,
  openIssue,
  setAssigneesOverHttp,
  signIn,
  test,
  trackConsoleErrors,
} from './fixtures.js';

// Issue 17 belongs to this spec alone.
test('another browser is told who changed the assignees', async ({ browser, request }) => {
  await setAssigneesOverHttp(request, 17, []); // the seeded state, so the spec can repeat
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  const errors = [pageA, pageB].map(trackConsoleErrors);

  await signIn(pageA, 'alice');
  await signIn(pageB, 'bob');
  await openIssue(pageA, 17);
  await openIssue(pageB, 17);

  await chooseAssignees(pageA, ['bob', 'carol']);
  await expect(assigneeItems(pageB)).toHaveCount(2);
  await expect(pageB.getByTestId('assignees-announcement')).toHaveText(
    'Alice Liddell changed the assignees: Bob Ross, Carol Danvers',
  );
  await expect(pageB.getByTestId('assignees-last-changed')).toContainText(
    'Last changed by Alice Liddell',
  );
  // Alice's own save is not announced to her.
  await expect(pageA.getByTestId('assignees-announcement')).toHaveText('');

  // While Bob edits, Alice's next change raises the notice naming her, and Bob's draft is kept.
  await pageB.getByTestId('edit-assignees').click();
  await expect(pageB.getByTestId('assignee-option').first()).toBeVisible();
  await chooseAssignees(pageA, ['dave']);
  await expect(pageB.getByTestId('assignees-draft-notice')).toContainText(
    'Assignees were changed by Alice Liddell while you were editing',
  );
  await expect(pageB.getByTestId('assignees-announcement')).toHaveText(
    'Alice Liddell changed the assignees: Dave Lister',
  );
  await pageB.getByTestId('assignees-search').press('Escape');
  await expect(pageB.getByTestId('assignees-editor')).toBeHidden();
  await expect(assigneeItems(pageB)).toHaveCount(1);

  expect(errors.flat()).toEqual([]);
  await contextA.close();
  await contextB.close();
});
