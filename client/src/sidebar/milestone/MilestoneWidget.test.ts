import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import type { SidebarMilestoneFragment } from '@shared/graphql/generated/operations';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
} from '../../test-utils/apollo-test-context';
import { FULL_PATH, IID, ISSUE_ID } from '../../test-utils/fixtures';
import MilestoneWidget from './MilestoneWidget.vue';

failOnConsoleWarnings();

const milestone = (id: number, title: string, state: 'active' | 'closed') =>
  ({
    __typename: 'Milestone',
    id: `gid://gitlab/Milestone/${id}`,
    title,
    state,
    webPath: `/gitlab-org/gitlab-test/-/milestones/${id}`,
    dueDate: null,
    expired: false,
  }) satisfies SidebarMilestoneFragment;
const v10 = milestone(1, 'v1.0', 'closed');
const v11 = milestone(2, 'v1.1', 'active');
const v20 = milestone(3, 'v2.0', 'active');

function mountWidget(current: SidebarMilestoneFragment | null, canUpdate = true) {
  const context = createApolloTestContext();
  const wrapper = mount(MilestoneWidget, {
    props: { fullPath: FULL_PATH, iid: IID, milestone: current, canUpdate },
    global: context.global,
    attachTo: document.body,
  });
  return { wrapper, ...context };
}
type Mounted = ReturnType<typeof mountWidget>;

async function openDropdown({ wrapper, link }: Mounted) {
  await wrapper.get('[data-testid="edit-milestone"]').trigger('click');
  link.reply('projectMilestones', {
    data: {
      workspace: {
        __typename: 'Project',
        id: 'gid://gitlab/Project/1',
        attributes: { __typename: 'MilestoneConnection', nodes: [v11, v10, v20] },
      },
    },
  });
  await flushPromises();
}
const saved = (value: SidebarMilestoneFragment | null) => ({
  data: {
    issuableSetAttribute: {
      __typename: 'UpdateIssuePayload',
      errors: [],
      issuable: {
        __typename: 'Issue',
        id: ISSUE_ID,
        updatedAt: '2025-01-02T00:00:00Z',
        attribute: value,
      },
    },
  },
});

describe('MilestoneWidget', () => {
  it('is read-only for people who may not edit, `m` included', async () => {
    const { wrapper, link } = mountWidget(v11, false);
    expect(wrapper.get('[data-testid="milestone-title"]').text()).toBe('v1.1');
    expect(wrapper.find('[data-testid="edit-milestone"]').exists()).toBe(false);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true }));
    await flushPromises();
    expect(link.all('projectMilestones')).toHaveLength(0);
    wrapper.unmount();
  });

  it('lists "No milestone", then active and closed milestones in groups; choosing one saves', async () => {
    const mounted = mountWidget(null);
    const { wrapper, link } = mounted;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true }));
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('[data-testid="milestone-search"]').element);
    link.reply('projectMilestones', {
      data: {
        workspace: {
          __typename: 'Project',
          id: 'gid://gitlab/Project/1',
          attributes: { __typename: 'MilestoneConnection', nodes: [v11, v10, v20] },
        },
      },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="no-milestone-option"]').attributes('aria-selected')).toBe(
      'true',
    );
    expect(wrapper.findAll('.group').map((heading) => heading.text())).toEqual([
      'Active',
      'Closed',
    ]);
    expect(
      wrapper
        .findAll('[data-testid="milestone-option"]')
        .map((row) => row.attributes('data-title')),
    ).toEqual(['v1.1', 'v2.0', 'v1.0']);

    await wrapper.get('[data-testid="milestone-search"]').trigger('keydown', { key: 'ArrowDown' });
    await wrapper.get('[data-testid="milestone-search"]').trigger('keydown', { key: 'ArrowDown' });
    await wrapper.get('[data-testid="milestone-search"]').trigger('keydown', { key: 'Enter' });
    expect(wrapper.find('[data-testid="milestone-editor"]').exists()).toBe(false);
    expect(link.latest('projectIssueMilestoneMutation').operation.variables).toEqual({
      fullPath: FULL_PATH,
      iid: IID,
      attributeId: v20.id,
    });
    link.reply('projectIssueMilestoneMutation', saved(v20));
    await flushPromises();
    wrapper.unmount();
  });

  it('removes the milestone with "No milestone", and shows the error of a failed save', async () => {
    const mounted = mountWidget(v11);
    await openDropdown(mounted);
    await mounted.wrapper.get('[data-testid="no-milestone-option"]').trigger('click');
    expect(mounted.link.latest('projectIssueMilestoneMutation').operation.variables).toMatchObject({
      attributeId: null,
    });
    mounted.link.fail('projectIssueMilestoneMutation', new Error('offline'));
    await flushPromises();
    expect(mounted.wrapper.get('[role="alert"]').text()).toBe(
      'An error occurred while updating the milestone.',
    );
    mounted.wrapper.unmount();
  });

  it('choosing the current milestone saves nothing; a push keeps the open dropdown as it was', async () => {
    const mounted = mountWidget(v11);
    await openDropdown(mounted);
    await mounted.wrapper.setProps({ milestone: v20, updatedByName: 'Bob Ross' });
    expect(mounted.wrapper.get('[data-testid="widget-draft-notice"]').text()).toContain(
      'Milestone changed by Bob Ross',
    );
    expect(
      mounted.wrapper.get('[data-testid="milestone-option"][aria-selected="true"]').text(),
    ).toBe('v1.1');
    await mounted.wrapper.get('[data-testid="widget-take-remote"]').trigger('click');
    expect(
      mounted.wrapper.get('[data-testid="milestone-option"][aria-selected="true"]').text(),
    ).toBe('v2.0');
    await mounted.wrapper
      .get('[data-testid="milestone-option"][data-title="v2.0"]')
      .trigger('click');
    expect(mounted.link.all('projectIssueMilestoneMutation')).toHaveLength(0);
    mounted.wrapper.unmount();
  });
});

describe('MilestoneWidget choice under a push', () => {
  it('saves the milestone chosen explicitly even when a push changed it meanwhile', async () => {
    const mounted = mountWidget(v11);
    await openDropdown(mounted);
    await mounted.wrapper.setProps({ milestone: v20 });
    await mounted.wrapper
      .get('[data-testid="milestone-option"][data-title="v1.1"]')
      .trigger('click');
    expect(mounted.link.latest('projectIssueMilestoneMutation').operation.variables).toMatchObject({
      attributeId: v11.id,
    });
    mounted.wrapper.unmount();
  });
});
