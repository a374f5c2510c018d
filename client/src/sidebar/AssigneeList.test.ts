import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { busyUser, user } from '../test-utils/fixtures';
import AssigneeList from './AssigneeList.vue';

describe('AssigneeList', () => {
  it('shows "Busy" beside a busy assignee only (GitLab\'s UserNameWithStatus)', async () => {
    const wrapper = mount(AssigneeList, { props: { assignees: [busyUser('bob'), user('carol')] } });
    const rows = wrapper.findAll('[data-testid="assignee"]');
    expect(rows.map((row) => row.find('[data-testid="busy-badge"]').exists())).toEqual([
      true,
      false,
    ]);
    expect(rows[0]?.get('[data-testid="busy-badge"]').text()).toBe('Busy');

    await wrapper.setProps({ assignees: [user('bob'), busyUser('carol')] });
    expect(
      wrapper.findAll('[data-testid="assignee"]').map((row) => row.find('.busy-badge').exists()),
    ).toEqual([false, true]);
  });
});
