import {
  assigneeItems,
  chooseAssignees,
  expect,
  expectNotReloaded,
  markPage,
  openIssue,
  setAssigneesOverHttp,
  signIn,
  test,
  trackConsoleErrors,
} from './fixtures.js';

// Each spec works on its own issue so specs can run in parallel on one server.

test('an assignee change made in one browser appears live in another', async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  const errors = [...[pageA, pageB].map(trackConsoleErrors)];

  await signIn(pageA);
  await openIssue(pageA, 12);
  await openIssue(pageB, 12);
  await markPage(pageB);

  await chooseAssignees(pageA, ['bob', 'dave']);
  await expect(assigneeItems(pageA)).toHaveCount(2);

  // B never reloads: it must show the new assignees from the push alone.
  await expect(assigneeItems(pageB)).toHaveCount(2);
  await expect(assigneeItems(pageB).nth(0)).toContainText('@bob');
  await expect(assigneeItems(pageB).nth(1)).toContainText('@dave');
  await expect(pageB.getByTestId('assignees-title')).toHaveText('2 Assignees');
  await expectNotReloaded(pageB);

  expect(errors.flat()).toEqual([]);
  await contextA.close();
  await contextB.close();
});

test('a change made out of band over HTTP reaches every open page', async ({
  browser,
  request,
}) => {
  const pages = await Promise.all([1, 2].map(async () => (await browser.newContext()).newPage()));
  const errors = pages.map(trackConsoleErrors);
  for (const page of pages) {
    await openIssue(page, 13);
    await markPage(page);
  }

  await setAssigneesOverHttp(request, 13, ['carol']);
  for (const page of pages) {
    await expect(assigneeItems(page)).toHaveCount(1);
    await expect(assigneeItems(page).first()).toContainText('@carol');
    await expect(page.getByTestId('assignees-title')).toHaveText('Assignee');
  }

  await setAssigneesOverHttp(request, 13, []);
  for (const page of pages) {
    await expect(page.getByTestId('no-assignees')).toBeVisible();
    await expect(assigneeItems(page)).toHaveCount(0);
    await expectNotReloaded(page);
  }
  expect(errors.flat()).toEqual([]);
  await Promise.all(pages.map((page) => page.context().close()));
});
