import { expect, test } from '../fixtures.js';

/** Confidentiality, turned on in one browser after GitLab's confirmation, shows in the other. */
test('confidentiality turned on in one browser shows in the other; off again over REST', async ({
  data,
  adminApi,
  openAs,
}) => {
  const issue = await data.issue({ title: 'Confidentiality toggle' });
  const editing = await openAs(await data.user('maintainer'));
  const watching = await openAs(await data.user('reporter'));
  await editing.open(issue.iid);
  await watching.open(issue.iid);
  await watching.markNoReload();
  const value = (view: typeof editing) => view.page.getByTestId('confidentiality-value');
  await expect(value(watching)).toHaveText('Not confidential');

  const anonymous = await openAs(null);
  await anonymous.open(issue.iid);
  await expect(value(anonymous)).toHaveText('Not confidential');
  await expect(anonymous.page.getByTestId('edit-confidentiality')).toHaveCount(0);
  await expect(anonymous.page.getByTestId('edit-labels')).toHaveCount(0);
  await expect(anonymous.page.getByTestId('edit-milestone')).toHaveCount(0);

  await editing.page.getByTestId('edit-confidentiality').click();
  await expect(editing.page.getByTestId('confidentiality-warning')).toContainText(
    'You are going to turn on confidentiality.',
  );
  await editing.page.getByTestId('confidential-toggle').click();
  for (const view of [editing, watching]) {
    await expect(value(view)).toHaveText('Confidential');
    await expect(view.page.getByTestId('confidential')).toBeVisible();
  }

  await adminApi.updateIssue(issue.iid, { confidential: false });
  await expect(value(watching)).toHaveText('Not confidential');
  await watching.expectNotReloaded();
});
