import {
  DEMO_PASSWORD,
  expect,
  openIssue,
  PROJECT,
  setAssigneesOverHttp,
  test,
  trackConsoleErrors,
} from './fixtures.js';

test('signing in from an issue returns to it, shows the user and "assign yourself"', async ({
  page,
  request,
}) => {
  await setAssigneesOverHttp(request, 19, []); // "assign yourself" needs an issue with none
  const errors = trackConsoleErrors(page);
  await openIssue(page, 19);
  await expect(page.getByTestId('assign-yourself')).toBeHidden();
  await page.getByTestId('sign-in-link').click();
  await expect(page).toHaveURL(/\/users\/sign_in\?redirect_to=/);

  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Invalid username or password.');

  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page).toHaveURL(new RegExp(`/${PROJECT}/-/issues/19$`));
  await expect(page.getByTestId('current-user')).toContainText('Alice Liddell');

  await expect(page.getByTestId('no-assignees')).toHaveText('None – assign yourself');
  await page.getByTestId('assign-yourself').click();
  await expect(page.getByTestId('assignees-block').getByTestId('assignee')).toContainText('@alice');

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
  // The sign-in form's 401 logs a failed request; that is the only console error allowed.
  expect(errors.filter((error) => !/401/.test(error))).toEqual([]);
});
