import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
  type ApolloTestContext,
} from '../test-utils/apollo-test-context';
import {
  FULL_PATH,
  IID,
  projectMembersResult,
  setAssigneesResult,
  user,
} from '../test-utils/fixtures';
import AssigneesBlock from './AssigneesBlock.vue';

failOnConsoleWarnings();

function mountBlock(usernames: string[], context: ApolloTestContext = createApolloTestContext()) {
  const wrapper = mount(AssigneesBlock, {
    props: { fullPath: FULL_PATH, iid: IID, assignees: usernames.map(user) },
    global: context.global,
  });
  return { wrapper, ...context };
}

function checkedUsernames(wrapper: ReturnType<typeof mountBlock>['wrapper']): string[] {
  return wrapper
    .findAll<HTMLInputElement>('[data-testid="assignee-option"] input[type="checkbox"]')
    .filter((input) => input.element.checked)
    .map((input) => input.element.value);
}

async function openEditor(wrapper: ReturnType<typeof mountBlock>['wrapper']) {
  await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
  expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(true);
}

describe('AssigneesBlock', () => {
  it('shows "Assignee" and None without assignees', () => {
    const { wrapper } = mountBlock([]);

    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('Assignee');
    expect(wrapper.get('[data-testid="no-assignees"]').text()).toBe('None');
    expect(wrapper.findAll('[data-testid="assignee"]')).toHaveLength(0);
  });

  it('shows "Assignee" for one assignee', () => {
    const { wrapper } = mountBlock(['alice']);

    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('Assignee');
    expect(wrapper.find('[data-testid="no-assignees"]').exists()).toBe(false);
  });

  it('shows each assignee with avatar, name, @username and a link to their profile', () => {
    const { wrapper } = mountBlock(['alice', 'bob']);

    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('2 Assignees');
    const items = wrapper.findAll('[data-testid="assignee"]');
    expect(items.map((item) => item.text())).toEqual(['Alice @alice', 'Bob @bob']);
    const avatar = items[0]?.get('img');
    expect(avatar?.attributes('alt')).toBe('Alice');
    expect(avatar?.attributes('src')).toBe('/avatars/alice.svg');
    expect(items[1]?.get('a').attributes('href')).toBe('http://localhost:3000/bob');
  });

  it('lists project members with the current assignees checked', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openEditor(wrapper);

    expect(link.latest('projectMembers').operation.variables).toEqual({ fullPath: FULL_PATH });
    link.reply('projectMembers', projectMembersResult(['alice', 'bob', 'carol']));
    await flushPromises();

    const options = wrapper.findAll('[data-testid="assignee-option"]');
    expect(options.map((option) => option.element.tagName)).toEqual(['LABEL', 'LABEL', 'LABEL']);
    expect(options.map((option) => option.text())).toEqual([
      'Alice @alice',
      'Bob @bob',
      'Carol @carol',
    ]);
    expect(checkedUsernames(wrapper)).toEqual(['bob']);
  });

  it('saves the checked users with REPLACE, disabling the buttons meanwhile', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openEditor(wrapper);
    link.reply('projectMembers', projectMembersResult(['alice', 'bob', 'carol']));
    await flushPromises();

    await wrapper.get('input[value="alice"]').setValue(true);
    await wrapper.get('input[value="bob"]').setValue(false);
    await wrapper.get('input[value="carol"]').setValue(true);
    await wrapper.get('[data-testid="save-assignees"]').trigger('submit');
    await flushPromises();

    expect(link.latest('issueSetAssignees').operation.variables).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      assigneeUsernames: ['alice', 'carol'],
      operationMode: 'REPLACE',
    });
    expect(wrapper.get('[data-testid="save-assignees"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="cancel-assignees"]').attributes('disabled')).toBeDefined();

    link.reply('issueSetAssignees', setAssigneesResult(['alice', 'carol']));
    await flushPromises();

    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assignees-error"]').exists()).toBe(false);
  });

  it('shows the mutation errors inline and keeps the editor open', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openEditor(wrapper);
    link.reply('projectMembers', projectMembersResult(['alice', 'bob']));
    await flushPromises();
    await wrapper.get('input[value="alice"]').setValue(true);

    await wrapper.get('form').trigger('submit');
    link.reply(
      'issueSetAssignees',
      setAssigneesResult([], ['alice cannot be assigned', 'Too many assignees']),
    );
    await flushPromises();

    const messages = wrapper.get('[data-testid="assignees-error"]').findAll('p');
    expect(messages.map((message) => message.text())).toEqual([
      'alice cannot be assigned',
      'Too many assignees',
    ]);
    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(true);
    expect(checkedUsernames(wrapper)).toEqual(['alice', 'bob']);
    expect(wrapper.get('[data-testid="save-assignees"]').attributes('disabled')).toBeUndefined();
  });

  it('shows a failed request inline and keeps the editor open', async () => {
    const { wrapper, link } = mountBlock([]);
    await openEditor(wrapper);
    link.reply('projectMembers', projectMembersResult(['alice']));
    await flushPromises();

    await wrapper.get('form').trigger('submit');
    link.fail('issueSetAssignees', new Error('Failed to fetch'));
    await flushPromises();

    expect(wrapper.get('[data-testid="assignees-error"]').text()).toContain('Failed to fetch');
    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(true);
  });

  it('keeps the draft when the assignees change while the editor is open', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openEditor(wrapper);
    link.reply('projectMembers', projectMembersResult(['alice', 'bob', 'carol']));
    await flushPromises();
    await wrapper.get('input[value="carol"]').setValue(true);

    await wrapper.setProps({ assignees: [user('alice')] });

    expect(wrapper.findAll('[data-testid="assignee"]').map((item) => item.text())).toEqual([
      'Alice @alice',
    ]);
    expect(checkedUsernames(wrapper)).toEqual(['bob', 'carol']);
  });

  it('closes the editor on Cancel without saving', async () => {
    const { wrapper, link } = mountBlock(['bob']);
    await openEditor(wrapper);

    await wrapper.get('[data-testid="cancel-assignees"]').trigger('click');

    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(false);
    expect(link.all('issueSetAssignees')).toHaveLength(0);
  });
});
