import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { createApolloTestContext, failOnConsoleWarnings } from '../test-utils/apollo-test-context';
import {
  FULL_PATH,
  IID,
  ISSUE_ID,
  issueResult,
  issueUpdatedResult,
  namedUser,
  projectMembersResult,
  setAssigneesResult,
  user,
} from '../test-utils/fixtures';
import IssueView from '../issue/IssueView.vue';
import AssigneesBlock from './AssigneesBlock.vue';
import { describeAssignees } from './useRemoteChange';

failOnConsoleWarnings();

const alice = namedUser('alice', 'Alice Liddell');
const bob = namedUser('bob', 'Bob Ross');
const carol = namedUser('carol', 'Carol Danvers');

async function mountLoaded(assignees: string[], updatedBy = alice) {
  const context = createApolloTestContext();
  const wrapper = mount(IssueView, {
    props: { fullPath: FULL_PATH, iid: IID },
    global: context.global,
    attachTo: document.body,
  });
  context.link.reply(
    'issue',
    issueResult(assignees, {
      updatedBy,
      updatedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    }),
  );
  await flushPromises();
  return { wrapper, ...context };
}

type Wrapper = Awaited<ReturnType<typeof mountLoaded>>['wrapper'];
const announcement = (wrapper: Wrapper) =>
  wrapper.get('[data-testid="assignees-announcement"]').text();

describe('describeAssignees', () => {
  it('names who changed the assignees, and falls back without a name', () => {
    expect(describeAssignees([bob, carol], alice)).toBe(
      'Alice Liddell changed the assignees: Bob Ross, Carol Danvers',
    );
    expect(describeAssignees([], alice)).toBe('Alice Liddell removed all assignees');
    expect(describeAssignees([bob], null)).toBe('Assignees changed: Bob Ross');
    expect(describeAssignees([], null)).toBe('All assignees were removed');
  });
});

describe('"Changed by" hints', () => {
  it('announces a pushed change with the name of who made it', async () => {
    const { wrapper, link } = await mountLoaded(['dave'], bob);
    const pushed = issueUpdatedResult([], {
      updatedBy: alice,
      updatedAt: new Date().toISOString(),
    });
    link.push('issueUpdated', {
      data: {
        ...pushed.data,
        issueUpdated: {
          ...pushed.data.issueUpdated!,
          assignees: { __typename: 'UserCoreConnection', nodes: [bob, carol] },
        },
      },
    });
    await flushPromises();
    expect(announcement(wrapper)).toBe(
      'Alice Liddell changed the assignees: Bob Ross, Carol Danvers',
    );
    expect(wrapper.get('[data-testid="assignees-last-changed"]').text()).toMatch(
      /^Last changed by Alice Liddell (just now|\d+ seconds? ago)$/,
    );
    wrapper.unmount();
  });

  it('falls back to the anonymous wording when updatedBy is null', async () => {
    const { wrapper, link } = await mountLoaded(['alice']);
    link.push(
      'issueUpdated',
      issueUpdatedResult(['bob'], { updatedBy: null, updatedAt: new Date().toISOString() }),
    );
    await flushPromises();
    expect(announcement(wrapper)).toBe('Assignees changed: Bob');
    expect(wrapper.find('[data-testid="assignees-last-changed"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows "Last changed by" with a relative time when updatedBy is set', async () => {
    const { wrapper } = await mountLoaded(['dave']);
    const line = wrapper.get('[data-testid="assignees-last-changed"]');
    expect(line.text()).toBe('Last changed by Alice Liddell 3 minutes ago');
    expect(line.get('time').attributes('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    wrapper.unmount();
  });

  it('names who changed the assignees in the draft notice, and does not announce own saves', async () => {
    const { wrapper, link } = await mountLoaded(['alice'], bob);
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    link.reply('projectMembers', projectMembersResult(['alice', 'bob', 'carol']));
    await flushPromises();
    await wrapper.get('[data-username="carol"]').trigger('click');

    // Newer than the issue shown (updated 3 minutes ago), as a real push is.
    link.push(
      'issueUpdated',
      issueUpdatedResult(['bob'], { updatedBy: alice, updatedAt: new Date().toISOString() }),
    );
    await flushPromises();
    expect(wrapper.get('[data-testid="assignees-draft-notice"]').text()).toContain(
      'Assignees were changed by Alice Liddell while you were editing. Your selection is kept.',
    );
    expect(announcement(wrapper)).toBe('Alice Liddell changed the assignees: Bob');

    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    link.reply('issueSetAssignees', setAssigneesResult(['alice', 'carol']));
    await flushPromises();
    // Our own save keeps the announcement of the last remote change.
    expect(announcement(wrapper)).toBe('Alice Liddell changed the assignees: Bob');
    wrapper.unmount();
  });

  it('keeps the current draft notice text when updatedBy is null', async () => {
    const context = createApolloTestContext();
    const wrapper = mount(AssigneesBlock, {
      props: {
        fullPath: FULL_PATH,
        iid: IID,
        issueId: ISSUE_ID,
        updatedAt: '2025-01-01T00:00:00Z',
        assignees: [user('bob')],
        author: user('root'),
        currentUser: null,
        canUpdate: true,
        updatedBy: null,
      },
      global: context.global,
      attachTo: document.body,
    });
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    context.link.reply('projectMembers', projectMembersResult(['alice', 'bob']));
    await flushPromises();
    await wrapper.setProps({ assignees: [user('alice')] });
    expect(wrapper.get('[data-testid="assignees-draft-notice"]').text()).toContain(
      'Assignees were changed while you were editing. Your selection is kept.',
    );
    expect(announcement(wrapper)).toBe('Assignees changed: Alice');
    wrapper.unmount();
  });
});
