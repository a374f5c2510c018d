import type { APIRequestContext } from '@playwright/test';

import { expect, signIn, test } from '../fixtures.js';

/** Path of the personal access tokens page (GitLab's). */
const TOKENS_PATH = '/-/user_settings/personal_access_tokens';

/** A GraphQL request authenticated only by a personal access token (no cookies, no CSRF). */
async function graphqlWithToken(request: APIRequestContext, token: string, query: string) {
  const response = await request.post('/api/graphql', {
    headers: { Authorization: `Bearer ${token}` },
    data: { query },
  });
  return { status: response.status(), body: (await response.json()) as unknown };
}

test.describe('personal access tokens', () => {
  test('a token created on the page works over HTTP until it is revoked', async ({
    data,
    issuePage,
    request,
  }) => {
    const user = await data.user('developer');
    const issue = await data.issue();
    const page = issuePage.page;
    await signIn(page, user);
    await issuePage.open(issue.iid);
    await page.getByTestId('personal-access-tokens-link').click();
    await expect(page).toHaveURL(new RegExp(`${TOKENS_PATH}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personal access tokens');

    const name = `e2e reader ${Date.now()}`;
    await page.getByLabel('Token name').fill(name);
    await page.getByRole('group', { name: 'Select scopes' }).getByLabel('read_api').check();
    await page.getByRole('button', { name: 'Create token' }).click();

    const panel = page.getByTestId('new-token');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('new-token-note')).toContainText('you will not see it again');
    const secret = await panel.getByLabel('Token value').inputValue();
    expect(secret).toMatch(/^glpat-/);
    const row = page.getByTestId('active-tokens').locator(`[data-token-name="${name}"]`);
    await expect(row).toContainText('read_api');

    const query = '{ currentUser { username } }';
    expect(await graphqlWithToken(request, secret, query)).toEqual({
      status: 200,
      body: { data: { currentUser: { username: user.username } } },
    });

    // Shown once: after a reload the token is listed, its secret is gone.
    await page.reload();
    await expect(row).toBeVisible();
    await expect(page.getByTestId('new-token')).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain(name);
      void dialog.accept();
    });
    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    await expect(page.getByTestId('revoke-status')).toHaveText(`The token "${name}" was revoked.`);
    await expect(row).toHaveCount(0);
    const revoked = page.getByTestId('inactive-tokens').locator(`[data-token-name="${name}"]`);
    await expect(revoked.getByTestId('token-status')).toHaveText('Revoked');

    expect((await graphqlWithToken(request, secret, query)).status).toBe(401);
  });

  test('anonymous visitors are sent to sign in, then back to their tokens', async ({
    data,
    page,
    consoleErrors,
  }) => {
    // The anonymous token list's 401 logs a failed request; that is the only console error allowed.
    consoleErrors.allow(/401/);
    const user = await data.user(null);
    await page.goto(TOKENS_PATH);
    await expect(page).toHaveURL(/\/users\/sign_in\?redirect_to=/);
    expect(new URL(page.url()).searchParams.get('redirect_to')).toBe(TOKENS_PATH);
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByTestId('sign-in-submit').click();
    await expect(page).toHaveURL(new RegExp(`${TOKENS_PATH}$`));
    await expect(
      page.getByRole('heading', { name: /^Active personal access tokens/ }),
    ).toBeVisible();
  });
});
