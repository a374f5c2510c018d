import { expect, test } from '../fixtures.js';
import { IssuePage } from '../pages/issue-page.js';

test('signing in from an issue returns to it, shows the user and "assign yourself"', async ({
  data,
  issuePage,
  consoleErrors,
}) => {
  // The sign-in form's 401 logs a failed request; that is the only console error allowed.
  consoleErrors.allow(/401/);
  const user = await data.user('developer');
  const issue = await data.issue({ title: 'Sign in' });
  const page = issuePage.page;
  await issuePage.open(issue.iid);
  await expect(page.getByTestId('assign-yourself')).toBeHidden();
  await page.getByTestId('sign-in-link').click();
  await expect(page).toHaveURL(/\/users\/sign_in\?redirect_to=/);

  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Invalid username or password.');

  await page.getByLabel('Password').fill(user.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page).toHaveURL(new RegExp(`${IssuePage.path(issue.iid)}$`));
  await expect(page.getByTestId('current-user')).toContainText(user.name);

  await expect(issuePage.assignees.none).toHaveText('None – assign yourself');
  await issuePage.assignees.assignYourself();
  await issuePage.assignees.expectAssignees([user.username]);

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
});
