import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { failOnConsoleWarnings } from '../test-utils/apollo-test-context';
import { mountRestPage, useRestMock } from '../test-utils/rest-page';
import { ADMIN_FEATURE_FLAGS_PATH, type FeatureFlag } from './featureFlags';
import FeatureFlagsView from './FeatureFlagsView.vue';

failOnConsoleWarnings();

const flag = (name: string, on: boolean): FeatureFlag => ({
  name,
  state: on ? 'on' : 'off',
  gates: [{ key: 'boolean', value: on }],
  description: `What ${name} does.`,
});

const rest = useRestMock();
const { answer } = rest;
const mountPage = () => mountRestPage(ADMIN_FEATURE_FLAGS_PATH, FeatureFlagsView);

const BOTH_ON = [flag('real_time_issue_sidebar', true), flag('broadcast_issue_updates', true)];

describe('FeatureFlagsView', () => {
  it('lists both flags with labelled on/off switches', async () => {
    answer('GET', '/api/v4/features', 200, [
      flag('real_time_issue_sidebar', true),
      flag('broadcast_issue_updates', false),
    ]);
    const { wrapper } = await mountPage();
    const rows = wrapper.findAll('[data-testid="flag-row"]');
    expect(rows.map((row) => row.attributes('data-flag'))).toEqual([
      'real_time_issue_sidebar',
      'broadcast_issue_updates',
    ]);
    const switches = wrapper.findAll('[role="switch"]');
    expect(
      switches.map((s) => [s.attributes('aria-label'), s.attributes('aria-checked'), s.text()]),
    ).toEqual([
      ['real_time_issue_sidebar', 'true', 'On'],
      ['broadcast_issue_updates', 'false', 'Off'],
    ]);
    expect(rows[0]?.text()).toContain('What real_time_issue_sidebar does.');
    wrapper.unmount();
  });

  it('turns a flag off through the API with the CSRF token and shows the new state', async () => {
    answer('GET', '/api/v4/features', 200, BOTH_ON);
    const { wrapper } = await mountPage();
    answer(
      'POST',
      '/api/v4/features/broadcast_issue_updates',
      201,
      flag('broadcast_issue_updates', false),
    );
    await wrapper.findAll('[data-testid="flag-toggle"]')[1]?.trigger('click');
    await flushPromises();

    const post = rest.fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/api/v4/features/broadcast_issue_updates');
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({ value: false });
    expect((post?.[1]?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-123');
    const toggled = wrapper.findAll('[data-testid="flag-toggle"]')[1];
    expect(toggled?.attributes('aria-checked')).toBe('false');
    expect(toggled?.text()).toBe('Off');
    expect(wrapper.get('[data-testid="flag-status"]').text()).toBe(
      'broadcast_issue_updates is now off. Every server applies it within seconds.',
    );
    wrapper.unmount();
  });

  it('shows the error and keeps the state when a change fails', async () => {
    answer('GET', '/api/v4/features', 200, BOTH_ON);
    const { wrapper } = await mountPage();
    answer('POST', '/api/v4/features/real_time_issue_sidebar', 403, {
      message: '403 Forbidden',
      error: 'CSRF token is missing or invalid',
    });
    await wrapper.findAll('[data-testid="flag-toggle"]')[0]?.trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="flag-error"]').text()).toBe(
      'real_time_issue_sidebar could not be turned off: CSRF token is missing or invalid',
    );
    expect(wrapper.findAll('[role="switch"]')[0]?.attributes('aria-checked')).toBe('true');
    wrapper.unmount();
  });

  it('tells non-administrators they need to be one, with no switches', async () => {
    answer('GET', '/api/v4/features', 403, {
      message: '403 Forbidden',
      error: 'administrator access required',
    });
    const { wrapper } = await mountPage();
    expect(wrapper.get('[data-testid="flags-forbidden"]').text()).toBe(
      'You need to be an administrator to manage feature flags.',
    );
    expect(wrapper.find('[role="switch"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('sends anonymous visitors to sign in, coming back here afterwards', async () => {
    answer('GET', '/api/v4/features', 401, { message: '401 Unauthorized' });
    const { wrapper, router } = await mountPage();
    expect(router.currentRoute.value.path).toBe('/users/sign_in');
    expect(router.currentRoute.value.query).toEqual({ redirect_to: ADMIN_FEATURE_FLAGS_PATH });
    wrapper.unmount();
  });
});
