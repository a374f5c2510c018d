import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { describe, expect, it, onTestFinished, vi } from 'vitest';

import { IssueDocument } from '@shared/graphql/generated/operations';

import { createRealtimeState, realtimeStateKey } from '../apollo/realtime-state';
import { realtimeEnabled } from '../bootstrap';
import { muteApolloDeprecations } from '../test-utils/apollo-deprecations';

import {
  createApolloTestContext,
  fakeConnection,
  failOnConsoleWarnings,
} from '../test-utils/apollo-test-context';
import {
  FULL_PATH,
  IID,
  ISSUE_ID,
  issueResult,
  issueUpdatedResult,
  projectMembersResult,
  setAssigneesResult,
} from '../test-utils/fixtures';
import NotFoundView from '../NotFoundView.vue';
import IssueView from './IssueView.vue';

failOnConsoleWarnings();

function mountView() {
  const context = createApolloTestContext();
  const wrapper = mount(IssueView, {
    props: { fullPath: FULL_PATH, iid: IID },
    // The 404 page links home.
    global: { ...context.global, stubs: { RouterLink: RouterLinkStub } },
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

const selectedUsernames = (wrapper: Wrapper) =>
  wrapper
    .findAll('[data-testid="assignee-option"][aria-selected="true"]')
    .map((row) => row.attributes('data-username'));

describe('IssueView', () => {
  it('shows a loading state, then the issue with its sidebar', async () => {
    const { wrapper, link } = mountView();
    expect(wrapper.find('[data-testid="issue-loading"]').exists()).toBe(true);
    expect(link.latest('issue').operation.variables).toEqual({ fullPath: FULL_PATH, iid: IID });

    link.reply('issue', issueResult(['alice']));
    await flushPromises();

    expect(wrapper.find('[data-testid="issue-loading"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="issue-title"]').text()).toBe('Live assignees');
    const description = wrapper.get('[data-testid="issue-description"]');
    expect(description.get('p').text()).toBe('First line\nSecond line');
    expect(description.find('br').exists()).toBe(true);
    expect(wrapper.get('[data-testid="issue-state"]').text()).toBe('Open');
    expect(wrapper.find('[data-testid="confidential"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="issue-author"]').text()).toMatch(
      /^Issue created .+ by Root$/,
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
    expect(document.title).toBe('Live assignees (#1) · Issues · GitLab Test · GitLab');

    link.push('issueUpdated', issueUpdatedResult(['bob', 'carol'], { title: 'Renamed' }));
    realtime.callbacks.received({ more: true });
    await flushPromises();

    expect(assigneeTexts(wrapper)).toEqual(['Bob @bob', 'Carol @carol']);
    expect(wrapper.get('[data-testid="assignees-title"]').text()).toBe('2 Assignees');
    expect(wrapper.get('[data-testid="issue-title"]').text()).toBe('Renamed');
    // The tab follows the title in the cache.
    expect(document.title).toBe('Renamed (#1) · Issues · GitLab Test · GitLab');
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

  it('ignores a push older than what it shows (the cache and the query alike)', async () => {
    const { wrapper, link, client } = await mountLoaded(['alice']);
    link.push('issueUpdated', issueUpdatedResult(['bob'], { updatedAt: '2025-01-01T00:03:00Z' }));
    await flushPromises();
    expect(assigneeTexts(wrapper)).toEqual(['Bob @bob']);

    // Delivered late, out of order: an earlier state.
    link.push('issueUpdated', issueUpdatedResult(['carol'], { updatedAt: '2025-01-01T00:02:00Z' }));
    await flushPromises();
    expect(assigneeTexts(wrapper)).toEqual(['Bob @bob']);
    const cached = client.readQuery({
      query: IssueDocument,
      variables: { fullPath: FULL_PATH, iid: IID },
    });
    expect(cached?.project?.issue?.updatedAt).toBe('2025-01-01T00:03:00Z');
  });

  it('keeps the draft when a push arrives while the picker is open', async () => {
    const { wrapper, link } = await mountLoaded(['alice']);
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    link.reply('projectMembers', projectMembersResult(['alice', 'bob', 'carol']));
    await flushPromises();
    await wrapper.get('[data-username="alice"]').trigger('click');
    await wrapper.get('[data-username="carol"]').trigger('click');

    link.push('issueUpdated', issueUpdatedResult(['bob']));
    await flushPromises();

    expect(wrapper.find('[data-testid="assignees-draft-notice"]').exists()).toBe(true);
    expect(selectedUsernames(wrapper)).toEqual(['carol']);

    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(link.latest('issueSetAssignees').operation.variables).toMatchObject({
      assigneeUsernames: ['carol'],
      operationMode: 'REPLACE',
    });
    // Optimistic: shown before the server answers.
    expect(assigneeTexts(wrapper)).toEqual(['Carol @carol']);
    link.reply('issueSetAssignees', setAssigneesResult(['carol']));
    await flushPromises();

    expect(wrapper.find('[data-testid="assignees-editor"]').exists()).toBe(false);
    expect(assigneeTexts(wrapper)).toEqual(['Carol @carol']);
    // The push was announced; our own save is not announced as someone else's change.
    expect(wrapper.get('[data-testid="assignees-announcement"]').text()).toBe(
      'Assignees changed: Bob',
    );
  });

  it('rolls the optimistic list back and shows the error when the save fails', async () => {
    const { wrapper, link } = await mountLoaded(['alice']);
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    link.reply('projectMembers', projectMembersResult(['alice', 'bob']));
    await flushPromises();
    await wrapper.get('[data-username="bob"]').trigger('click');
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(assigneeTexts(wrapper)).toEqual(['Alice @alice', 'Bob @bob']);

    link.fail('issueSetAssignees', new TypeError('Failed to fetch'));
    await flushPromises();

    expect(assigneeTexts(wrapper)).toEqual(['Alice @alice']);
    expect(wrapper.get('[data-testid="assignees-error"]').text()).toContain(
      'An error occurred while updating assignees. Failed to fetch',
    );
  });

  it('rolls back when the payload carries errors', async () => {
    const { wrapper, link } = await mountLoaded(['alice']);
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    link.reply('projectMembers', projectMembersResult(['alice', 'bob']));
    await flushPromises();
    await wrapper.get('[data-username="alice"]').trigger('click');
    await wrapper.get('[data-testid="edit-assignees"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="no-assignees"]').exists()).toBe(true);

    link.reply('issueSetAssignees', setAssigneesResult([], ['Not allowed']));
    await flushPromises();
    expect(assigneeTexts(wrapper)).toEqual(['Alice @alice']);
    expect(wrapper.get('[data-testid="assignees-error"]').text()).toContain('Not allowed');
  });

  it('collapses the sidebar, remembers it, and shows an avatar stack with a tooltip', async () => {
    localStorage.clear();
    const first = await mountLoaded(['alice', 'bob', 'carol']);
    await first.wrapper.get('[data-testid="sidebar-toggle"]').trigger('click');
    expect(localStorage.getItem('issue-sidebar-collapsed')).toBe('true');
    first.wrapper.unmount();

    const { wrapper } = await mountLoaded(['alice', 'bob', 'carol']);
    const sidebar = wrapper.get('[data-testid="issue-sidebar"]');
    expect(sidebar.attributes('data-collapsed')).toBe('true');
    expect(sidebar.find('[data-testid="assignee"]').exists()).toBe(false);
    expect(sidebar.get('[data-testid="collapsed-counter"]').text()).toBe('+2');
    expect(sidebar.get('[data-testid="collapsed-tooltip"]').text()).toBe('Alice, Bob, Carol');

    await sidebar.get('[data-testid="collapsed-assignees"]').trigger('click');
    expect(sidebar.attributes('data-collapsed')).toBe('false');
    expect(localStorage.getItem('issue-sidebar-collapsed')).toBe('false');
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

  it('with real_time_issue_sidebar off (page meta): no subscription, "Real-time off", polls', async () => {
    // What the server injects when the flag is off, read as main.ts does.
    const meta = document.createElement('meta');
    meta.name = 'real-time-issue-sidebar';
    meta.content = 'false';
    document.head.append(meta);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const context = createApolloTestContext();
      const realtime = createRealtimeState(fakeConnection(), null, { enabled: realtimeEnabled() });
      const wrapper = mount(IssueView, {
        props: { fullPath: FULL_PATH, iid: IID },
        global: { provide: { ...context.global.provide, [realtimeStateKey]: realtime } },
      });
      context.link.reply('issue', issueResult(['alice']));
      await flushPromises();

      expect(context.link.all('issueUpdated')).toHaveLength(0);
      const sidebar = wrapper.get('[data-testid="issue-sidebar"]');
      expect(sidebar.attributes('data-realtime-state')).toBe('disabled');
      expect(sidebar.get('[data-testid="realtime-indicator"]').text()).toBe('Real-time off');
      expect(sidebar.get('[data-testid="realtime-polling"]').text()).toContain('every 10 s');

      vi.advanceTimersByTime(10_000);
      expect(context.link.all('issue')).toHaveLength(2);
      context.link.reply('issue', issueResult(['bob']));
      await flushPromises();
      expect(assigneeTexts(wrapper)).toEqual(['Bob @bob']);
      expect(context.link.all('issueUpdated')).toHaveLength(0);
      wrapper.unmount();
    } finally {
      vi.useRealTimers();
      meta.remove();
    }
  });

  it("shows the app's 404 page when the issue does not exist (or is hidden)", async () => {
    const { wrapper, link } = mountView();
    const missing = issueResult([]);
    if (missing.data.project) missing.data.project.issue = null;

    link.reply('issue', missing);
    await flushPromises();

    expect(wrapper.findComponent(NotFoundView).text()).toContain('404: Page not found');
    expect(document.title).toBe('Not Found · GitLab');
    expect(wrapper.find('[data-testid="issue-error"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="issue-sidebar"]').exists()).toBe(false);
    expect(link.all('issueUpdated')).toHaveLength(0);
  });

  it('shows an error when the server cannot be reached', async () => {
    onTestFinished(muteApolloDeprecations()); // a failed query: see apollo-deprecations.ts
    const { wrapper, link } = mountView();

    link.fail('issue', new TypeError('Failed to fetch'));
    await flushPromises();

    expect(wrapper.get('[data-testid="issue-error"]').text()).toContain(
      'the server is not reachable',
    );
    expect(wrapper.find('[data-testid="issue-loading"]').exists()).toBe(false);
  });
});
