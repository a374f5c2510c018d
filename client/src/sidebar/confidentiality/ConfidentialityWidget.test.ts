import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
} from '../../test-utils/apollo-test-context';
import { FULL_PATH, IID, ISSUE_ID } from '../../test-utils/fixtures';
import ConfidentialityWidget from './ConfidentialityWidget.vue';

failOnConsoleWarnings();

function mountWidget(confidential: boolean, canUpdate = true) {
  const context = createApolloTestContext();
  const wrapper = mount(ConfidentialityWidget, {
    props: { fullPath: FULL_PATH, iid: IID, confidential, canUpdate },
    global: context.global,
  });
  return { wrapper, ...context };
}
const find = (wrapper: ReturnType<typeof mountWidget>['wrapper'], id: string) =>
  wrapper.get(`[data-testid="${id}"]`);

describe('ConfidentialityWidget', () => {
  it('shows the state to everyone and no edit control without permission', () => {
    const { wrapper } = mountWidget(true, false);
    expect(find(wrapper, 'confidentiality-value').text()).toBe('Confidential');
    expect(find(wrapper, 'confidentiality-info').text()).toContain('at least the Reporter role');
    expect(wrapper.find('[data-testid="edit-confidentiality"]').exists()).toBe(false);
  });

  it("asks with GitLab's warning before turning it on, and sends the change", async () => {
    const { wrapper, link } = mountWidget(false);
    await find(wrapper, 'edit-confidentiality').trigger('click');
    expect(find(wrapper, 'confidentiality-warning').text()).toBe(
      'You are going to turn on confidentiality. Only project members with at least the Reporter role, the author, and assignees can view or be notified about this issue.',
    );
    await find(wrapper, 'confidential-toggle').trigger('click');
    expect(link.latest('updateIssueConfidential').operation.variables).toEqual({
      input: { projectPath: FULL_PATH, iid: IID, confidential: true },
    });
    link.reply('updateIssueConfidential', {
      data: {
        issuableSetConfidential: {
          __typename: 'IssueSetConfidentialPayload',
          errors: [],
          issuable: {
            __typename: 'Issue',
            id: ISSUE_ID,
            updatedAt: '2025-01-02T00:00:00Z',
            confidential: true,
          },
        },
      },
    });
    await flushPromises();
    expect(wrapper.find('[data-testid="confidentiality-form"]').exists()).toBe(false);
  });

  it('cancels without sending; turning off has its own warning; errors are shown', async () => {
    const { wrapper, link } = mountWidget(true);
    await find(wrapper, 'edit-confidentiality').trigger('click');
    expect(find(wrapper, 'confidentiality-warning').text()).toBe(
      'You are going to turn off the confidentiality. This means everyone will be able to see and leave a comment on this issue.',
    );
    expect(find(wrapper, 'confidential-toggle').text()).toBe('Turn off');
    await find(wrapper, 'confidential-cancel').trigger('click');
    expect(link.all('updateIssueConfidential')).toHaveLength(0);

    await find(wrapper, 'edit-confidentiality').trigger('click');
    await find(wrapper, 'confidential-toggle').trigger('click');
    link.fail('updateIssueConfidential', new Error('offline'));
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Something went wrong while setting issue confidentiality.',
    );
  });

  it('keeps what the person chose when a push changes it, and sends nothing if already done', async () => {
    const { wrapper, link } = mountWidget(false);
    await find(wrapper, 'edit-confidentiality').trigger('click');
    await wrapper.setProps({ confidential: true, updatedByName: 'Alice Liddell' });
    expect(find(wrapper, 'confidential-toggle').text()).toBe('Turn on');
    expect(find(wrapper, 'widget-draft-notice').text()).toContain('changed by Alice Liddell');
    await find(wrapper, 'confidential-toggle').trigger('click');
    expect(link.all('updateIssueConfidential')).toHaveLength(0);
    expect(wrapper.find('[data-testid="confidentiality-form"]').exists()).toBe(false);
  });
});
