import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { createApolloTestContext, failOnConsoleWarnings } from '../test-utils/apollo-test-context';
import {
  FULL_PATH,
  IID,
  ISSUE_ID,
  issueResult,
  issueUpdatedResult,
  projectMembersResult,
  setAssigneesResult,
} from '../test-utils/fixtures';
import IssueView from './IssueView.vue';

failOnConsoleWarnings();

function mountView() {
  const context = createApolloTestContext();
  const wrapper = mount(IssueView, {
    props: { fullPath: FULL_PATH, iid: IID },
    global: context.global,
  });
  return { wrapper, ...context };
}

/** Mounts the view and answers the issue query. */
async function mountLoaded(assignees: string[]) {
  const mounted = mountView();
  mounted.link.reply('issue', issueResult(assignees));
  await flushPromises();
  return mounted;
}

type Wrapper = ReturnType<typeof mountView>['wrapper'];

const assigneeTexts = (wrapper: Wrapper) =>
  wrapper.findAll('[data-testid="assignee"]').map((item) => item.text());

const checkedUsernames = (wrapper: Wrapper) =>
  wrapper
    .findAll<HTMLInputElement>('[data-testid="assignee-option"] input')
    .filter((input) => input.element.checked)
    .map((input) => input.element.value);

describe('IssueView', () => {
  it('shows a loading state, then the issue with its sidebar', async () => {
    const { wrapper, link } = mountView();
    expect(wrapper.find('[data-testid="issue-loading"]').exists()).toBe(true);
    expect(link.latest('issue').operation.variables).toEqual({ fullPath: FULL_PATH, iid: IID });

    link.reply('issue', issueResult(['alice']));
    await flushPromises();

    expect(wrapper.find('[data-testid="issue-loading"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="issue-title"]').text()).toBe('Live assignees');
    expect(wrapper.get('[data-testid="issue-description"]').element.textContent).toBe(
      'First line\nSecond line',
    );
    expect(
      wrapper
        .get('nav')
        .findAll('li')
        .map((item) => item.text()),
    ).toEqual(['gitlab-org', 'GitLab Test', 'Issues', '#1']);
    const sidebar = wrapper.get('[data-testid="issue-sidebar"]');
    expect(sidebar.element.tagName).toBe('ASIDE');
    expect(sidebar.attributes('data-realtime-state')).toBe('connecting');
    expect(sidebar.get('[data-testid="realtime-indicator"]').text()).toBe('Connecting…');
    expect(assigneeTexts(wrapper)).toEqual(['Alice @alice']);
  });

  it('subscribes to the issue once its id is known and applies pushed changes', async () => {
    const { wrapper, link, realtime } = await mountLoaded(['alice']);

    expect(link.latest('issueUpdated').operation.variables).toEqual({ issueId: ISSUE_ID });

    link.push('issueUpdated', issueUpdatedResult(['bob', 'carol'], { title: 'Renamed' }));
    realtime.callbacks.received({ more: true });
    await flushPromises();

    expect(assigneeTexts(wrapper)).toEqual(['Bob @bob', 'Carol @carol']);
    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('2 Assignees');
    expect(wrapper.get('[data-testid="issue-title"]').text()).toBe('Renamed');
    // Applied from the push, not by asking the server again.
    expect(link.all('issue')).toHaveLength(1);
    expect(wrapper.get('[data-testid="issue-sidebar"]').attributes('data-realtime-state')).toBe(
      'live',
    );
    expect(wrapper.get('[data-testid="realtime-indicator"]').text()).toBe('Live');

    link.push('issueUpdated', issueUpdatedResult([]));
    await flushPromises();
    expect(wrapper.get('[data-testid="no-assignees"]').text()).toBe('None');
  });

  it('keeps the checkbox draft when a push arrives while the editor is open', async () => {
    const { wrapper, link } = await mountLoaded(['alice']);
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    link.reply('projectMembers', projectMembersResult(['alice', 'bob', 'carol']));
    await flushPromises();
    await wrapper.get('input[value="alice"]').setValue(false);
    await wrapper.get('input[value="carol"]').setValue(true);

    link.push('issueUpdated', issueUpdatedResult(['bob']));
    await flushPromises();

    expect(assigneeTexts(wrapper)).toEqual(['Bob @bob']);
    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(true);
    expect(checkedUsernames(wrapper)).toEqual(['carol']);

    await wrapper.get('[data-testid="save-assignees"]').trigger('submit');
    expect(link.latest('issueSetAssignees').operation.variables).toMatchObject({
      assigneeUsernames: ['carol'],
      operationMode: 'REPLACE',
    });
    link.reply('issueSetAssignees', setAssigneesResult(['carol']));
    await flushPromises();

    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(false);
    expect(assigneeTexts(wrapper)).toEqual(['Carol @carol']);
  });

  it('refetches the issue after the connection is re-established', async () => {
    const { wrapper, link, realtime } = await mountLoaded(['alice']);
    realtime.callbacks.connected({ reconnected: false });
    realtime.callbacks.received({ more: true });
    expect(link.all('issue')).toHaveLength(1);

    realtime.callbacks.disconnected();
    await flushPromises();
    expect(wrapper.get('[data-testid="issue-sidebar"]').attributes('data-realtime-state')).toBe(
      'reconnecting',
    );
    expect(wrapper.get('[data-testid="realtime-indicator"]').text()).toBe('Reconnecting…');

    realtime.callbacks.connected({ reconnected: true });
    expect(link.all('issue')).toHaveLength(2);
    link.reply('issue', issueResult(['dave']));
    await flushPromises();

    expect(assigneeTexts(wrapper)).toEqual(['Dave @dave']);
    expect(wrapper.find('[data-testid="issue-loading"]').exists()).toBe(false);
  });

  it('shows an error when the issue does not exist', async () => {
    const { wrapper, link } = mountView();
    const missing = issueResult([]);
    if (missing.data.project) missing.data.project.issue = null;

    link.reply('issue', missing);
    await flushPromises();

    expect(wrapper.get('[data-testid="issue-error"]').text()).toContain(
      `Issue #${IID} not found in ${FULL_PATH}`,
    );
    expect(wrapper.find('[data-testid="issue-sidebar"]').exists()).toBe(false);
    expect(link.all('issueUpdated')).toHaveLength(0);
  });

  it('shows an error when the server cannot be reached', async () => {
    const { wrapper, link } = mountView();

    link.fail('issue', new TypeError('Failed to fetch'));
    await flushPromises();

    expect(wrapper.get('[data-testid="issue-error"]').text()).toContain(
      'the server is not reachable',
    );
    expect(wrapper.find('[data-testid="issue-loading"]').exists()).toBe(false);
  });
});
