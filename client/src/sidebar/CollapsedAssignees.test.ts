import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { user } from '../test-utils/fixtures';
import CollapsedAssignees from './CollapsedAssignees.vue';

const people = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    ...user(`user${index}`),
    id: `gid://gitlab/User/${100 + index}`,
  }));

function mountCollapsed(count: number) {
  return mount(CollapsedAssignees, { props: { assignees: people(count) } });
}

describe('CollapsedAssignees', () => {
  it('shows a user icon and "No assignees" when empty', () => {
    const wrapper = mountCollapsed(0);
    expect(wrapper.find('svg').exists()).toBe(true);
    expect(wrapper.get('[data-testid="collapsed-tooltip"]').text()).toBe('No assignees');
  });

  it('shows two avatars without a counter', () => {
    const wrapper = mountCollapsed(2);
    expect(wrapper.findAll('img')).toHaveLength(2);
    expect(wrapper.find('[data-testid="collapsed-counter"]').exists()).toBe(false);
  });

  it('shows one avatar and "+N", capped at 99+, and at most five names in the tooltip', () => {
    const few = mountCollapsed(7);
    expect(few.findAll('img')).toHaveLength(1);
    expect(few.get('[data-testid="collapsed-counter"]').text()).toBe('+6');
    expect(few.get('[data-testid="collapsed-tooltip"]').text()).toBe(
      'User0, User1, User2, User3, User4, + 2 more',
    );
    expect(mountCollapsed(150).get('[data-testid="collapsed-counter"]').text()).toBe('99+');
  });

  it('asks to expand the sidebar when clicked', async () => {
    const wrapper = mountCollapsed(1);
    await wrapper.trigger('click');
    expect(wrapper.emitted('expand')).toHaveLength(1);
  });
});
