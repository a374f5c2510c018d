import { enableAutoUnmount, flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { UserProfileQuery } from '@shared/graphql/generated/operations';

import NotFoundView from '../../NotFoundView.vue';
import {
  createApolloTestContext,
  failOnConsoleWarnings,
} from '../../test-utils/apollo-test-context';
import { namedUser } from '../../test-utils/fixtures';
import UserView from './UserView.vue';

failOnConsoleWarnings();
enableAutoUnmount(afterEach);

function profileResult(found: boolean): { data: UserProfileQuery } {
  return {
    data: {
      __typename: 'Query',
      user: found
        ? {
            ...namedUser('alice', 'Alice Liddell'),
            status: {
              __typename: 'UserStatus',
              availability: 'BUSY',
              message: 'At a conference',
              emoji: 'palm_tree',
            },
          }
        : null,
      issues: {
        __typename: 'IssueConnection',
        count: 1,
        nodes: [
          {
            __typename: 'Issue',
            id: 'gid://gitlab/Issue/3',
            iid: '3',
            title: 'Fix the sidebar',
            state: 'opened',
            confidential: true,
            webUrl: '/gitlab-org/gitlab-test/-/issues/3',
            updatedAt: new Date().toISOString(),
            reference: 'gitlab-org/gitlab-test#3',
          },
        ],
      },
    },
  };
}

async function mountView(found: boolean) {
  const context = createApolloTestContext();
  const wrapper = mount(UserView, {
    props: { username: 'alice' },
    global: { ...context.global, stubs: { RouterLink: RouterLinkStub } },
  });
  expect(context.link.latest('userProfile').operation.variables).toEqual({ username: 'alice' });
  context.link.reply('userProfile', profileResult(found));
  await flushPromises();
  return wrapper;
}

describe('the user page', () => {
  it('shows who they are, their status and the issues assigned to them', async () => {
    const wrapper = await mountView(true);
    expect(wrapper.get('[data-testid="user-name"]').text()).toBe('Alice Liddell (Busy)');
    expect(wrapper.text()).toContain('@alice');
    // The emoji table loads on first use.
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="user-status"]').text()).toBe('🌴At a conference'),
    );
    const issue = wrapper.get('[data-testid="assigned-issue"]');
    expect(issue.findComponent(RouterLinkStub).props('to')).toBe(
      '/gitlab-org/gitlab-test/-/issues/3',
    );
    expect(issue.get('.title').text()).toBe('Fix the sidebar');
    expect(issue.get('.sub').text()).toMatch(/^gitlab-org\/gitlab-test#3\s+· Confidential/);
    expect(document.title).toBe('Alice Liddell (alice) · GitLab');
  });

  it("shows the app's 404 page for a user who does not exist", async () => {
    const wrapper = await mountView(false);
    expect(wrapper.findComponent(NotFoundView).exists()).toBe(true);
    expect(document.title).toBe('Not Found · GitLab');
  });
});
