import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';

import { failOnConsoleWarnings } from '../test-utils/apollo-test-context';
import { mountRestPage, useRestMock } from '../test-utils/rest-page';
import {
  PERSONAL_ACCESS_TOKENS_PATH,
  type CreatedPersonalAccessToken,
  type PersonalAccessToken,
} from './personalAccessTokens';
import PersonalAccessTokensView from './PersonalAccessTokensView.vue';

failOnConsoleWarnings();

const SECRET = 'glpat-s3cr3t-value';

function token(overrides: Partial<PersonalAccessToken> = {}): PersonalAccessToken {
  return {
    id: 1,
    name: 'CI script',
    scopes: ['api'],
    created_at: '2025-01-01T10:00:00.000Z',
    expires_at: null,
    last_used_at: null,
    revoked: false,
    active: true,
    ...overrides,
  };
}

const rest = useRestMock();
const { answer, calls } = rest;
const mountPage = () => mountRestPage(PERSONAL_ACCESS_TOKENS_PATH, PersonalAccessTokensView);

type Wrapper = Awaited<ReturnType<typeof mountPage>>['wrapper'];

const rowNames = (wrapper: Wrapper, table: string) =>
  wrapper
    .findAll(`[data-testid="${table}"] [data-testid="token-row"]`)
    .map((row) => row.attributes('data-token-name'));

async function fillForm(wrapper: Wrapper, name: string, scopes: string[], expires = '') {
  await wrapper.get('[data-testid="token-name"]').setValue(name);
  await wrapper.get('[data-testid="token-expires-at"]').setValue(expires);
  for (const scope of scopes) {
    await wrapper.get(`[data-testid="token-scope-${scope}"]`).setValue(true);
  }
}

describe('PersonalAccessTokensView', () => {
  it('lists active and inactive tokens, marking revoked and expired ones', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 200, [
      token({ id: 1, name: 'CI script', last_used_at: new Date().toISOString() }),
      token({ id: 2, name: 'Old laptop', revoked: true, active: false }),
      token({ id: 3, name: 'Expired one', expires_at: '2024-01-02', active: false }),
      token({ id: 4, name: 'Reader', scopes: ['read_api'], expires_at: '2999-12-31' }),
    ]);
    const { wrapper } = await mountPage();

    expect(calls('GET', '/api/v4/personal_access_tokens')).toHaveLength(1);
    expect(rowNames(wrapper, 'active-tokens')).toEqual(['CI script', 'Reader']);
    expect(rowNames(wrapper, 'inactive-tokens')).toEqual(['Old laptop', 'Expired one']);
    const active = wrapper.findAll('[data-testid="active-tokens"] [data-testid="token-row"]');
    expect(active[0]?.text()).toContain('just now');
    expect(active[1]?.text()).toContain('read_api');
    expect(active[1]?.text()).toContain('Dec 31, 2999');
    const statuses = wrapper.findAll('[data-testid="token-status"]').map((cell) => cell.text());
    expect(statuses).toEqual(['Revoked', 'Expired Jan 2, 2024']);
    expect(wrapper.get('[data-testid="revoke-token"]').attributes('aria-label')).toBe(
      'Revoke CI script',
    );
    wrapper.unmount();
  });

  it('has a labelled form with the scopes in a fieldset', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 200, []);
    const { wrapper } = await mountPage();
    const name = wrapper.get('[data-testid="token-name"]');
    expect(wrapper.get(`label[for="${name.attributes('id')}"]`).text()).toBe('Token name');
    const expires = wrapper.get('[data-testid="token-expires-at"]');
    expect(wrapper.get(`label[for="${expires.attributes('id')}"]`).text()).toContain(
      'Expiration date',
    );
    const fieldset = wrapper.get('fieldset');
    expect(fieldset.get('legend').text()).toBe('Select scopes');
    expect(
      fieldset.findAll('input[type="checkbox"]').map((box) => box.attributes('value')),
    ).toEqual(['api', 'read_api']);
    expect(wrapper.find('[data-testid="no-active-tokens"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('creates a token and shows its secret once, with a copy button', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 200, []);
    const { wrapper } = await mountPage();
    await fillForm(wrapper, '  My script ', ['read_api'], '2999-01-31');

    const created: CreatedPersonalAccessToken = {
      ...token({ id: 7, name: 'My script', scopes: ['read_api'], expires_at: '2999-01-31' }),
      token: SECRET,
    };
    answer('POST', '/api/v4/user/personal_access_tokens', 201, created);
    answer('GET', '/api/v4/personal_access_tokens', 200, [token({ id: 7, name: 'My script' })]);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const [[, init]] = calls('POST', '/api/v4/user/personal_access_tokens') as [
      [string, RequestInit],
    ];
    expect(JSON.parse(init.body as string)).toEqual({
      name: 'My script',
      scopes: ['read_api'],
      expires_at: '2999-01-31',
    });
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-123');
    expect(init.credentials).toBe('same-origin');

    const panel = wrapper.get('[data-testid="new-token"]');
    expect((panel.get('[data-testid="new-token-value"]').element as HTMLInputElement).value).toBe(
      SECRET,
    );
    expect(panel.get('[data-testid="new-token-note"]').text()).toContain(
      'you will not see it again',
    );
    expect(document.activeElement?.tagName).toBe('H2');
    expect(rowNames(wrapper, 'active-tokens')).toEqual(['My script']);
    // The form is reset for the next token.
    expect((wrapper.get('[data-testid="token-name"]').element as HTMLInputElement).value).toBe('');

    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await panel.get('[data-testid="copy-new-token"]').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(wrapper.get('[data-testid="copy-status"]').text()).toBe('Copied to the clipboard.');

    await panel.get('[data-testid="dismiss-new-token"]').trigger('click');
    expect(wrapper.find('[data-testid="new-token"]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(SECRET);
    wrapper.unmount();
  });

  it('shows a 400 error inline, tied to its field', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 200, []);
    const { wrapper } = await mountPage();
    await fillForm(wrapper, 'Script', ['api'], '2020-01-01');
    answer('POST', '/api/v4/user/personal_access_tokens', 400, {
      message: '400 Bad request',
      error: 'expires_at must be a future date (YYYY-MM-DD)',
    });
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const error = wrapper.get('[data-testid="token-expires-at-error"]');
    expect(error.text()).toBe('expires_at must be a future date (YYYY-MM-DD)');
    const input = wrapper.get('[data-testid="token-expires-at"]');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')?.split(' ')).toContain(error.attributes('id'));
    expect(document.activeElement).toBe(input.element);
    expect(wrapper.find('[data-testid="new-token"]').exists()).toBe(false);

    // Any other 400 goes under the form's own error.
    answer('POST', '/api/v4/user/personal_access_tokens', 400, {
      message: '400 Bad request',
      error: 'something else went wrong',
    });
    await wrapper.get('[data-testid="token-expires-at"]').setValue('');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="token-expires-at-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="token-form-error"]').text()).toBe(
      'something else went wrong',
    );
    wrapper.unmount();
  });

  it('checks the name and the scopes before asking the server', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 200, []);
    const { wrapper } = await mountPage();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const nameError = wrapper.get('[data-testid="token-name-error"]');
    expect(nameError.text()).toBe('Enter a name for the token.');
    expect(wrapper.get('[data-testid="token-name"]').attributes('aria-describedby')).toBe(
      nameError.attributes('id'),
    );

    await wrapper.get('[data-testid="token-name"]').setValue('Script');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const scopesError = wrapper.get('[data-testid="token-scopes-error"]');
    expect(scopesError.text()).toBe('Select at least one scope.');
    expect(wrapper.get('fieldset').attributes('aria-describedby')).toBe(
      scopesError.attributes('id'),
    );
    expect(calls('POST', '/api/v4/user/personal_access_tokens')).toHaveLength(0);
    wrapper.unmount();
  });

  it('revokes a token after a confirm, and does nothing when cancelled', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 200, [token({ id: 5, name: 'CI script' })]);
    const { wrapper } = await mountPage();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);

    await wrapper.get('[data-testid="revoke-token"]').trigger('click');
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('"CI script"'));
    expect(calls('DELETE', '/api/v4/personal_access_tokens/5')).toHaveLength(0);

    confirm.mockReturnValue(true);
    answer('DELETE', '/api/v4/personal_access_tokens/5', 204);
    answer('GET', '/api/v4/personal_access_tokens', 200, [
      token({ id: 5, name: 'CI script', revoked: true, active: false }),
    ]);
    await wrapper.get('[data-testid="revoke-token"]').trigger('click');
    await flushPromises();

    const [[, init]] = calls('DELETE', '/api/v4/personal_access_tokens/5') as [
      [string, RequestInit],
    ];
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-123');
    expect(rowNames(wrapper, 'active-tokens')).toEqual([]);
    expect(rowNames(wrapper, 'inactive-tokens')).toEqual(['CI script']);
    expect(wrapper.get('[data-testid="token-status"]').text()).toBe('Revoked');
    expect(wrapper.get('[data-testid="revoke-status"]').text()).toBe(
      'The token "CI script" was revoked.',
    );
    wrapper.unmount();
  });

  it('says so when the token to revoke is not found', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 200, [token({ id: 5 })]);
    const { wrapper } = await mountPage();
    vi.stubGlobal('confirm', () => true);
    answer('DELETE', '/api/v4/personal_access_tokens/5', 404, { message: '404 Not found' });
    answer('GET', '/api/v4/personal_access_tokens', 200, []);
    await wrapper.get('[data-testid="revoke-token"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="revoke-error"]').text()).toContain('was not found');
    wrapper.unmount();
  });

  it('sends anonymous visitors to sign in, then back', async () => {
    answer('GET', '/api/v4/personal_access_tokens', 401, { message: '401 Unauthorized' });
    const { wrapper, router } = await mountPage();
    expect(router.currentRoute.value.path).toBe('/users/sign_in');
    expect(router.currentRoute.value.query).toEqual({ redirect_to: PERSONAL_ACCESS_TOKENS_PATH });
    wrapper.unmount();
  });
});
