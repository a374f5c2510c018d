import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
} from '../../test-utils/apollo-test-context';
import { FULL_PATH, IID } from '../../test-utils/fixtures';
import DueDateWidget from '../due-date/DueDateWidget.vue';
import LabelsWidget from '../labels/LabelsWidget.vue';
import MilestoneWidget from '../milestone/MilestoneWidget.vue';

failOnConsoleWarnings();

const common = { fullPath: FULL_PATH, iid: IID, canUpdate: true, collapsed: true };
const label = (id: number, title: string) => ({
  __typename: 'Label' as const,
  id: `gid://gitlab/ProjectLabel/${id}`,
  title,
  description: null,
  color: '#428bca',
  textColor: '#FFFFFF',
});

function mountCollapsed<T>(component: T, props: Record<string, unknown>) {
  const context = createApolloTestContext();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each widget's own props
  return mount(component as any, { props: { ...common, ...props }, global: context.global });
}

describe('collapsed-sidebar icons', () => {
  it('labels: an icon, the count below it, the titles in the tooltip', () => {
    const wrapper = mountCollapsed(LabelsWidget, { labels: [label(1, 'bug'), label(2, 'ux')] });
    const icon = wrapper.get('[data-testid="labels-collapsed"]');
    expect(icon.find('svg').exists()).toBe(true);
    expect(icon.attributes('aria-label')).toBe('bug, ux');
    expect(icon.get('.counter').text()).toBe('2');
    expect(icon.get('.tooltip').text()).toBe('bug, ux');
    expect(wrapper.find('[data-testid="edit-labels"]').exists()).toBe(false);
  });

  it('labels and milestone say "None" without a counter when empty', () => {
    const labels = mountCollapsed(LabelsWidget, { labels: [] }).get(
      '[data-testid="labels-collapsed"]',
    );
    expect(labels.attributes('aria-label')).toBe('Labels: None');
    expect(labels.find('.counter').exists()).toBe(false);
    const milestone = mountCollapsed(MilestoneWidget, { milestone: null });
    expect(milestone.get('[data-testid="milestone-collapsed"]').attributes('aria-label')).toBe(
      'Milestone: None',
    );
  });

  it('milestone: its title in the tooltip', () => {
    const wrapper = mountCollapsed(MilestoneWidget, {
      milestone: {
        __typename: 'Milestone',
        id: 'gid://gitlab/Milestone/1',
        title: 'v1.0',
        state: 'active',
        dueDate: null,
        startDate: null,
        webPath: '/m/1',
        expired: false,
      },
    });
    const icon = wrapper.get('[data-testid="milestone-collapsed"]');
    expect(icon.find('svg').exists()).toBe(true);
    expect(icon.get('.tooltip').text()).toBe('v1.0');
  });

  it('due date: the date in the tooltip, drawn as danger when overdue', () => {
    const past = mountCollapsed(DueDateWidget, { dueDate: '2020-03-04' }).get(
      '[data-testid="due-date-collapsed"]',
    );
    expect(past.get('.tooltip').text()).toBe('Due date: Mar 4, 2020 (overdue)');
    expect(past.classes()).toContain('danger');
    const future = mountCollapsed(DueDateWidget, { dueDate: '2999-01-02' }).get(
      '[data-testid="due-date-collapsed"]',
    );
    expect(future.get('.tooltip').text()).toBe('Due date: Jan 2, 2999');
    expect(future.classes()).not.toContain('danger');
  });
});
