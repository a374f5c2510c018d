import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import type { SidebarUser } from './sidebarUser';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
  type ApolloTestContext,
} from '../test-utils/apollo-test-context';
import {
  FULL_PATH,
  IID,
  ISSUE_ID,
  projectMembersResult,
  setAssigneesResult,
  user,
} from '../test-utils/fixtures';
import AssigneesBlock from './AssigneesBlock.vue';

failOnConsoleWarnings();

interface Options {
  canUpdate?: boolean;
  currentUser?: string | null;
  author?: string;
}

function mountBlock(
  assignees: SidebarUser[] | string[],
  { canUpdate = true, currentUser = null, author = 'root' }: Options = {},
  context: ApolloTestContext = createApolloTestContext(),
) {
  const wrapper = mount(AssigneesBlock, {
    props: {
      fullPath: FULL_PATH,
      iid: IID,
      issueId: ISSUE_ID,
      updatedAt: '2025-01-01T00:00:00Z',
      assignees: assignees.map((item) => (typeof item === 'string' ? user(item) : item)),
      author: user(author),
      currentUser: currentUser ? user(currentUser) : null,
      canUpdate,
    },
    global: context.global,
    attachTo: document.body,
  });
  return { wrapper, ...context };
}

type Wrapper = ReturnType<typeof mountBlock>['wrapper'];

const optionNames = (wrapper: Wrapper) =>
  wrapper.findAll('[data-testid="assignee-option"]').map((row) => row.attributes('data-username'));
const selectedNames = (wrapper: Wrapper) =>
  wrapper
    .findAll('[data-testid="assignee-option"][aria-selected="true"]')
    .map((row) => row.attributes('data-username'));

async function openPicker(wrapper: Wrapper, link: ApolloTestContext['link'], members: string[]) {
  await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
  link.reply('projectMembers', projectMembersResult(members));
  await flushPromises();
}

describe('AssigneesBlock (read view)', () => {
  it('shows "Assignee" and None, without "assign yourself" for anonymous visitors', () => {
    const { wrapper } = mountBlock([]);
    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('Assignee');
    expect(wrapper.get('[data-testid="no-assignees"]').text()).toBe('None');
    expect(wrapper.find('[data-testid="assign-yourself"]').exists()).toBe(false);
  });

  it('offers "None – assign yourself" only when signed in and allowed, and assigns on click', async () => {
    expect(
      mountBlock([], { currentUser: 'dave', canUpdate: false })
        .wrapper.find('[data-testid="assign-yourself"]')
        .exists(),
    ).toBe(false);

    const { wrapper, link } = mountBlock([], { currentUser: 'dave' });
    expect(wrapper.get('[data-testid="no-assignees"]').text()).toBe('None – assign yourself');
    await wrapper.get('[data-testid="assign-yourself"]').trigger('click');
    expect(link.latest('issueSetAssignees').operation.variables).toMatchObject({
      assigneeUsernames: ['dave'],
      operationMode: 'REPLACE',
    });
    wrapper.unmount();
  });

  it('hides Edit without permission to update the issue', () => {
    const { wrapper } = mountBlock(['alice'], { canUpdate: false });
    expect(wrapper.find('[data-testid="edit-assignees"]').exists()).toBe(false);
  });

  it('shows each assignee with avatar, name and @username linking to the profile', () => {
    const { wrapper } = mountBlock(['alice', 'bob']);
    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('2 Assignees');
    const items = wrapper.findAll('[data-testid="assignee"]');
    expect(items.map((item) => item.text())).toEqual(['Alice @alice', 'Bob @bob']);
    expect(items[0]?.get('a').attributes('href')).toBe('http://localhost:3000/alice');
    expect(items[0]?.get('img').attributes('src')).toBe('/avatars/alice.svg');
  });

  it('shows the first five, then "+ N more" / "- show less"', async () => {
    const many = Array.from({ length: 7 }, (_, index) => ({
      ...user(`user${index}`),
      id: `gid://gitlab/User/${100 + index}`,
    }));
    const { wrapper } = mountBlock(many);
    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('7 Assignees');
    expect(wrapper.findAll('[data-testid="assignee"]')).toHaveLength(5);
    const toggle = wrapper.get('[data-testid="assignees-show-more"]');
    expect(toggle.text()).toBe('+ 2 more');
    await toggle.trigger('click');
    expect(wrapper.findAll('[data-testid="assignee"]')).toHaveLength(7);
    expect(toggle.text()).toBe('- show less');
  });

  it('highlights and announces a change it did not make', async () => {
    const { wrapper } = mountBlock(['alice']);
    await wrapper.setProps({ assignees: [user('bob'), user('carol')] });
    expect(wrapper.get('[data-testid="assignees-block"]').attributes('data-highlighted')).toBe(
      'true',
    );
    expect(wrapper.get('[data-testid="assignees-announcement"]').text()).toBe(
      'Assignees changed: Bob, Carol',
    );
  });
});

describe('AssigneesBlock picker', () => {
  it('lists selected users first, then the current user and the author, then the rest', async () => {
    const { wrapper, link } = mountBlock(['dave', 'bob'], { currentUser: 'carol', author: 'root' });
    await openPicker(wrapper, link, ['alice', 'bob', 'carol', 'dave', 'root']);

    expect(wrapper.find('[data-testid="unassigned-option"]').exists()).toBe(true);
    expect(optionNames(wrapper)).toEqual(['dave', 'bob', 'carol', 'root', 'alice']);
    expect(selectedNames(wrapper)).toEqual(['dave', 'bob']);
    expect(wrapper.get('[data-testid="edit-assignees"]').text()).toBe('Apply');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="assignees-search"]').element);
    wrapper.unmount();
  });

  it('searches with autocompleteUsers after a debounce', async () => {
    const { wrapper, link } = mountBlock([]);
    await openPicker(wrapper, link, ['alice', 'bob', 'carol']);
    await wrapper.get('[data-testid="assignees-search"]').setValue('car');
    expect(link.open('projectMembers')).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(link.latest('projectMembers').operation.variables).toEqual({
      fullPath: FULL_PATH,
      search: 'car',
    });
    link.reply('projectMembers', projectMembersResult(['carol']));
    await flushPromises();
    expect(optionNames(wrapper)).toEqual(['carol']);
    expect(wrapper.find('[data-testid="unassigned-option"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('moves with the arrow keys, toggles with Enter and saves on Escape', async () => {
    const { wrapper, link } = mountBlock(['alice']);
    await openPicker(wrapper, link, ['alice', 'bob']);
    const search = wrapper.get('[data-testid="assignees-search"]');

    // Rows: Unassigned, alice (selected), root (author), bob.
    await search.trigger('keydown', { key: 'ArrowDown' });
    await search.trigger('keydown', { key: 'Enter' });
    expect(selectedNames(wrapper)).toEqual([]);
    await search.trigger('keydown', { key: 'End' });
    expect(search.attributes('aria-activedescendant')).toBe(
      wrapper.findAll('[data-testid="assignee-option"]').at(-1)?.attributes('id'),
    );
    await search.trigger('keydown', { key: 'Enter' });
    expect(selectedNames(wrapper)).toEqual(['bob']);
    expect(link.all('issueSetAssignees')).toHaveLength(0);

    await search.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="edit-assignees"]').element);
    expect(link.latest('issueSetAssignees').operation.variables).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      assigneeUsernames: ['bob'],
      operationMode: 'REPLACE',
    });
    wrapper.unmount();
  });

  it('"Unassigned" clears the selection', async () => {
    const { wrapper, link } = mountBlock(['alice', 'bob']);
    await openPicker(wrapper, link, ['alice', 'bob']);
    await wrapper.get('[data-testid="unassigned-option"]').trigger('click');
    expect(selectedNames(wrapper)).toEqual([]);
    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('Assignee');
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(link.latest('issueSetAssignees').operation.variables.assigneeUsernames).toEqual([]);
    wrapper.unmount();
  });

  it('does not save when closed unchanged', async () => {
    const { wrapper, link } = mountBlock(['alice']);
    await openPicker(wrapper, link, ['alice', 'bob']);
    const bob = wrapper.get('[data-testid="assignee-option"][data-username="bob"]');
    await bob.trigger('click');
    await bob.trigger('click');
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(link.all('issueSetAssignees')).toHaveLength(0);
    wrapper.unmount();
  });

  it('shows the payload errors inline with a retry', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openPicker(wrapper, link, ['alice', 'bob']);
    await wrapper.get('[data-testid="assignee-option"][data-username="alice"]').trigger('click');
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    link.reply('issueSetAssignees', setAssigneesResult([], ['alice cannot be assigned']));
    await flushPromises();

    const error = wrapper.get('[data-testid="assignees-error"]');
    expect(error.find('p').text()).toBe('alice cannot be assigned');
    await error.get('button').trigger('click');
    expect(link.latest('issueSetAssignees').operation.variables.assigneeUsernames).toEqual([
      'bob',
      'alice',
    ]);
    wrapper.unmount();
  });
});

describe('AssigneesBlock draft protection', () => {
  it('keeps the draft when a push arrives while the picker is open, and can merge it', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openPicker(wrapper, link, ['alice', 'bob', 'carol', 'dave']);
    await wrapper.get('[data-testid="assignee-option"][data-username="carol"]').trigger('click');

    // Someone else replaces bob with dave.
    await wrapper.setProps({ assignees: [user('dave')] });

    expect(wrapper.get('[data-testid="assignees-draft-notice"]').text()).toContain(
      'Assignees were changed while you were editing',
    );
    expect(selectedNames(wrapper)).toEqual(['bob', 'carol']);

    await wrapper.get('[data-testid="assignees-merge-remote"]').trigger('click');
    expect(wrapper.find('[data-testid="assignees-draft-notice"]').exists()).toBe(false);
    expect(selectedNames(wrapper).sort()).toEqual(['carol', 'dave']);

    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(link.latest('issueSetAssignees').operation.variables.assigneeUsernames).toEqual([
      'carol',
      'dave',
    ]);
    wrapper.unmount();
  });

  it('does not write a stale selection back when the user changed nothing', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openPicker(wrapper, link, ['alice', 'bob']);
    await wrapper.setProps({ assignees: [user('alice')] });
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(link.all('issueSetAssignees')).toHaveLength(0);
    wrapper.unmount();
  });
});

describe('AssigneesBlock retry after a failed save', () => {
  async function failAddingAlice() {
    const mounted = mountBlock(['bob']);
    const { wrapper, link } = mounted;
    await openPicker(wrapper, link, ['alice', 'bob', 'carol']);
    await wrapper.get('[data-testid="assignee-option"][data-username="alice"]').trigger('click');
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    link.fail('issueSetAssignees', new Error('offline'));
    await flushPromises();
    return mounted;
  }

  it('resends the change when the assignees are still those it was made against', async () => {
    const { wrapper, link } = await failAddingAlice();
    await wrapper.get('[data-testid="assignees-retry"]').trigger('click');
    expect(link.all('issueSetAssignees')).toHaveLength(2);
    expect(link.latest('issueSetAssignees').operation.variables.assigneeUsernames).toEqual([
      'bob',
      'alice',
    ]);
    wrapper.unmount();
  });

  it('does not overwrite a newer change: replays the failed one on it in the picker', async () => {
    const { wrapper, link } = await failAddingAlice();
    // Meanwhile someone else assigned carol too.
    await wrapper.setProps({ assignees: [user('bob'), user('carol')] });
    await wrapper.get('[data-testid="assignees-retry"]').trigger('click');
    await flushPromises();

    expect(link.all('issueSetAssignees')).toHaveLength(1);
    expect(wrapper.get('[data-testid="assignees-rebased"]').text()).toContain(
      'The assignees changed after your change failed',
    );
    expect(wrapper.find('[data-testid="assignees-error"]').exists()).toBe(false);
    expect(selectedNames(wrapper).sort()).toEqual(['alice', 'bob', 'carol']);

    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(link.latest('issueSetAssignees').operation.variables.assigneeUsernames).toEqual([
      'bob',
      'carol',
      'alice',
    ]);
    wrapper.unmount();
  });
});

describe('AssigneesBlock shortcut', () => {
  it('opens the picker with `a` for people who may edit, never while typing', async () => {
    const readOnly = mountBlock(['bob'], { canUpdate: false });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await flushPromises();
    expect(readOnly.wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(false);
    readOnly.wrapper.unmount();

    const { wrapper } = mountBlock(['bob']);
    const field = document.createElement('textarea');
    document.body.append(field);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }),
    );
    await flushPromises();
    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(false);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await flushPromises();
    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(true);
    field.remove();
    wrapper.unmount();
  });
});
