import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import type { SidebarLabelFragment } from '@shared/graphql/generated/operations';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
} from '../../test-utils/apollo-test-context';
import { FULL_PATH, IID, ISSUE_ID } from '../../test-utils/fixtures';
import LabelsWidget from './LabelsWidget.vue';

failOnConsoleWarnings();

const label = (id: number, title: string): SidebarLabelFragment => ({
  __typename: 'Label',
  id: `gid://gitlab/ProjectLabel/${id}`,
  title,
  description: null,
  color: '#428bca',
  textColor: '#FFFFFF',
});
const bug = label(1, 'bug');
const feature = label(2, 'feature');
const high = label(5, 'priority::high');
const low = label(6, 'priority::low');
const all = [bug, feature, high, low];

function mountWidget(labels: SidebarLabelFragment[], canUpdate = true) {
  const context = createApolloTestContext();
  const wrapper = mount(LabelsWidget, {
    props: { fullPath: FULL_PATH, iid: IID, labels, canUpdate },
    global: context.global,
    attachTo: document.body,
  });
  return { wrapper, ...context };
}
type Mounted = ReturnType<typeof mountWidget>;

const projectLabels = (labels: SidebarLabelFragment[]) => ({
  data: {
    workspace: {
      __typename: 'Project' as const,
      id: 'gid://gitlab/Project/1',
      labels: { __typename: 'LabelConnection' as const, nodes: labels },
    },
  },
});
const saved = (labels: SidebarLabelFragment[]) => ({
  data: {
    updateIssuableLabels: {
      __typename: 'UpdateIssuePayload' as const,
      errors: [],
      issuable: {
        __typename: 'Issue' as const,
        id: ISSUE_ID,
        updatedAt: '2025-01-02T00:00:00Z',
        labels: { __typename: 'LabelConnection' as const, nodes: labels },
      },
    },
  },
});

async function openDropdown({ wrapper, link }: Mounted) {
  await wrapper.get('[data-testid="edit-labels"]').trigger('click');
  link.reply('projectLabels', projectLabels(all));
  await flushPromises();
}
const option = (wrapper: Mounted['wrapper'], title: string) =>
  wrapper.get(`[data-testid="label-option"][data-title="${title}"]`);
const checked = (wrapper: Mounted['wrapper']) =>
  wrapper
    .findAll('[data-testid="label-option"][aria-selected="true"]')
    .map((row) => row.attributes('data-title'));
const sentIds = (mounted: Mounted) =>
  (
    mounted.link.latest('updateIssueLabels').operation.variables as {
      input: { labelIds: string[] };
    }
  ).input.labelIds;

describe('LabelsWidget', () => {
  it('is read-only for people who may not edit: no Edit, no ×, no shortcut', async () => {
    const { wrapper, link } = mountWidget([bug], false);
    expect(wrapper.find('[data-testid="edit-labels"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="label-remove"]').exists()).toBe(false);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true }));
    await flushPromises();
    expect(wrapper.find('[data-testid="labels-editor"]').exists()).toBe(false);
    expect(link.all('projectLabels')).toHaveLength(0);
    wrapper.unmount();
  });

  it('searches the project labels and saves the selection once, when the dropdown closes', async () => {
    const mounted = mountWidget([bug]);
    const { wrapper, link } = mounted;
    await openDropdown(mounted);
    expect(checked(wrapper)).toEqual(['bug']);
    expect(link.all('projectLabels')[0]?.operation.variables).toMatchObject({ searchTerm: null });

    await option(wrapper, 'feature').trigger('click');
    await option(wrapper, 'bug').trigger('click');
    expect(checked(wrapper)).toEqual(['feature']);
    expect(link.all('updateIssueLabels')).toHaveLength(0);

    await wrapper.get('[data-testid="edit-labels"]').trigger('click');
    expect(link.all('updateIssueLabels')).toHaveLength(1);
    expect(sentIds(mounted)).toEqual([feature.id]);
    expect(link.latest('updateIssueLabels').operation.variables).toMatchObject({
      input: { projectPath: FULL_PATH, iid: IID },
    });
    link.reply('updateIssueLabels', saved([feature]));
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('keeps one label per scope in the dropdown, as GitLab does', async () => {
    const mounted = mountWidget([bug, high]);
    await openDropdown(mounted);
    await option(mounted.wrapper, 'priority::low').trigger('click');
    expect(checked(mounted.wrapper)).toEqual(['bug', 'priority::low']);
    await mounted.wrapper
      .get('[data-testid="labels-search"]')
      .trigger('keydown', { key: 'Escape' });
    expect(sentIds(mounted)).toEqual([bug.id, low.id]);
    mounted.wrapper.unmount();
  });

  it('does not save when the selection is unchanged', async () => {
    const mounted = mountWidget([bug]);
    await openDropdown(mounted);
    await option(mounted.wrapper, 'feature').trigger('click');
    await option(mounted.wrapper, 'feature').trigger('click');
    await mounted.wrapper.get('[data-testid="edit-labels"]').trigger('click');
    expect(mounted.link.all('updateIssueLabels')).toHaveLength(0);
    mounted.wrapper.unmount();
  });

  it('keeps the open draft when a push changes the labels, and says so', async () => {
    const mounted = mountWidget([bug]);
    const { wrapper } = mounted;
    await openDropdown(mounted);
    await option(wrapper, 'feature').trigger('click');
    await wrapper.setProps({ labels: [bug, high], updatedByName: 'Alice Liddell' });
    expect(checked(wrapper)).toEqual(['bug', 'feature']);
    expect(wrapper.get('[data-testid="widget-draft-notice"]').text()).toContain(
      'Labels changed by Alice Liddell while you were editing',
    );
    await wrapper.get('[data-testid="edit-labels"]').trigger('click');
    expect(sentIds(mounted)).toEqual([bug.id, feature.id]);
    wrapper.unmount();
  });

  it('removes a label with its ×, sending the rest of the set', async () => {
    const mounted = mountWidget([bug, high]);
    await mounted.wrapper.findAll('[data-testid="label-remove"]')[0]?.trigger('click');
    expect(sentIds(mounted)).toEqual([high.id]);
    mounted.link.reply('updateIssueLabels', {
      data: {
        updateIssuableLabels: {
          __typename: 'UpdateIssuePayload',
          errors: ['Label not found'],
          issuable: null,
        },
      },
    });
    await flushPromises();
    expect(mounted.wrapper.get('[role="alert"]').text()).toBe('Label not found');
    mounted.wrapper.unmount();
  });

  it('opens with the `l` shortcut, but not while typing', async () => {
    const mounted = mountWidget([]);
    const field = document.createElement('input');
    document.body.append(field);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true }));
    await flushPromises();
    expect(mounted.wrapper.find('[data-testid="labels-editor"]').exists()).toBe(false);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true }));
    await flushPromises();
    expect(mounted.wrapper.find('[data-testid="labels-editor"]').exists()).toBe(true);
    expect(document.activeElement).toBe(
      mounted.wrapper.get('[data-testid="labels-search"]').element,
    );
    field.remove();
    mounted.wrapper.unmount();
  });
});
