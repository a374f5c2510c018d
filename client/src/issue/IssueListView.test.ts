import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';

import { createApolloTestContext, failOnConsoleWarnings } from '../test-utils/apollo-test-context';
import IssueListView from './IssueListView.vue';
import { COUNTS_DELAY_MS } from './list/useIssueList';
import { countsResult, item, LIST_PATH, listResult, pushed } from './list/list-fixtures';

failOnConsoleWarnings();

const mountedWrappers: { unmount(): void }[] = [];
afterEach(() => {
  for (const wrapper of mountedWrappers.splice(0)) wrapper.unmount();
  vi.useRealTimers();
  window.scrollY = 0;
});

/** The list view at `query` (e.g. `?label_name[]=bug`), with the list's queries answered. */
async function mountList(
  query = '',
  page = listResult([item(9), item(8), item(7)]),
): Promise<Mounted> {
  const context = createApolloTestContext();
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/:fullPath(.*)/-/issues',
        component: IssueListView,
        props: (route) => ({ fullPath: String(route.params.fullPath) }),
      },
      { path: '/:fullPath(.*)/-/issues/:iid', component: { template: '<p />' } },
    ],
  });
  await router.push(`/${LIST_PATH}/-/issues${query}`);
  await router.isReady();
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { ...context.global, plugins: [router] } },
  );
  mountedWrappers.push(wrapper);
  await settle();
  context.link.reply('projectIssues', page);
  context.link.reply('projectIssueCounts', countsResult(3, 1));
  await settle();
  return { wrapper, router, ...context };
}

type Mounted = ReturnType<typeof createApolloTestContext> & {
  wrapper: ReturnType<typeof mount>;
  router: ReturnType<typeof createRouter>;
};

const shownIids = ({ wrapper }: Mounted) =>
  wrapper.findAll('[data-testid="issue-list-item"]').map((row) => row.attributes('data-iid'));

/** Lets Apollo deliver a cache write: it tells watching queries on a zero-delay timer. */
async function settle() {
  await flushPromises();
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
  else await new Promise((resolve) => setTimeout(resolve, 0));
  await flushPromises();
}

async function push(mounted: Mounted, issue: Parameters<typeof pushed>[0]) {
  mounted.link.push('projectIssuesUpdated', pushed(issue));
  await settle();
}

describe('IssueListView', () => {
  it('lists the first page with tab counts and one subscription for the project', async () => {
    const mounted = await mountList();
    expect(shownIids(mounted)).toEqual(['9', '8', '7']);
    expect(mounted.link.all('projectIssues')[0]?.operation.variables).toEqual({
      fullPath: LIST_PATH,
      state: 'opened',
      labelName: null,
      milestoneTitle: null,
      assigneeUsername: null,
      first: 20,
    });
    const tabs = mounted.wrapper.findAll('[data-testid="issue-state-tabs"] a');
    expect(tabs.map((tab) => tab.text().replace(/\s+/g, ' '))).toEqual([
      'Open 3',
      'Closed 1',
      'All 4',
    ]);
    expect(tabs[0]?.attributes('aria-current')).toBe('page');
    expect(mounted.link.all('projectIssuesUpdated')).toHaveLength(1);
    expect(mounted.link.latest('projectIssuesUpdated').operation.variables).toEqual({
      projectPath: LIST_PATH,
    });
  });

  it('updates a row in place from a push: title, labels, assignees', async () => {
    const mounted = await mountList();
    await push(
      mounted,
      item(8, {
        title: 'Renamed',
        labels: ['bug'],
        assignees: ['alice'],
        updatedAt: '2025-02-01T00:00:00.000Z',
      }),
    );
    const row = mounted.wrapper.get('[data-iid="8"]');
    expect(row.get('[data-testid="issue-title"]').text()).toBe('Renamed');
    expect(
      row.findAll('[data-testid="label-chip"]').map((c) => c.attributes('data-title')),
    ).toEqual(['bug']);
    expect(row.get('[data-testid="issue-assignees"]').attributes('aria-label')).toBe('Assignees');
    expect(row.find('[data-username="alice"]').exists()).toBe(true);
    expect(shownIids(mounted)).toEqual(['9', '8', '7']);
    // Applied from the push: the list was not asked for again.
    expect(mounted.link.all('projectIssues')).toHaveLength(1);
  });

  it('marks a row that stops matching where it is, and unmarks it when it matches again', async () => {
    const mounted = await mountList();
    await push(mounted, item(8, { state: 'closed', updatedAt: '2025-02-01T00:00:00.000Z' }));
    expect(shownIids(mounted)).toEqual(['9', '8', '7']);
    const row = mounted.wrapper.get('[data-iid="8"]');
    expect(row.attributes('data-matches')).toBe('false');
    expect(row.get('[data-testid="issue-stale"]').text()).toContain('no longer matches');
    expect(row.get('[data-testid="issue-state"]').text()).toBe('Closed');

    await push(mounted, item(8, { updatedAt: '2025-02-02T00:00:00.000Z' }));
    expect(mounted.wrapper.get('[data-iid="8"]').attributes('data-matches')).toBe('true');
  });

  it('shows a new matching issue at the top at once while the reader is at the top', async () => {
    const mounted = await mountList();
    await push(mounted, item(10, { title: 'Brand new' }));
    expect(shownIids(mounted)).toEqual(['10', '9', '8', '7']);
    expect(mounted.wrapper.find('[data-testid="issue-list-pending"]').exists()).toBe(false);
  });

  it('holds new issues behind a notice while the reader is further down; the notice reloads', async () => {
    const mounted = await mountList();
    window.scrollY = 600;
    await push(mounted, item(10));
    await push(mounted, item(11));
    await push(mounted, item(11, { title: 'Again', updatedAt: '2025-03-01T00:00:00.000Z' }));
    expect(shownIids(mounted)).toEqual(['9', '8', '7']);
    const notice = mounted.wrapper.get('[data-testid="issue-list-pending"]');
    expect(notice.text()).toBe('Show 2 new issues');

    await notice.trigger('click');
    // The rows loaded and the ones waiting, in one page.
    expect(mounted.link.latest('projectIssues').operation.variables).toMatchObject({ first: 20 });
    mounted.link.reply(
      'projectIssues',
      listResult([item(11), item(10), item(9), item(8), item(7)]),
    );
    await settle();
    expect(shownIids(mounted)).toEqual(['11', '10', '9', '8', '7']);
    expect(mounted.wrapper.find('[data-testid="issue-list-pending"]').exists()).toBe(false);
  });

  it('drops a waiting issue from the notice when it stops matching', async () => {
    const mounted = await mountList();
    window.scrollY = 600;
    await push(mounted, item(10));
    expect(mounted.wrapper.get('[data-testid="issue-list-pending"]').text()).toBe(
      'Show 1 new issue',
    );
    await push(mounted, item(10, { state: 'closed', updatedAt: '2025-03-01T00:00:00.000Z' }));
    expect(mounted.wrapper.find('[data-testid="issue-list-pending"]').exists()).toBe(false);
  });

  it('keeps its filters while issues arrive: a new issue that does not match never appears', async () => {
    const mounted = await mountList(
      '?label_name[]=bug&assignee_username=alice',
      listResult([item(9, { labels: ['bug'], assignees: ['alice'] })]),
    );
    expect(mounted.link.all('projectIssues')[0]?.operation.variables).toMatchObject({
      labelName: ['bug'],
      assigneeUsername: 'alice',
    });
    await push(mounted, item(10, { labels: ['bug'] }));
    await push(mounted, item(11, { assignees: ['alice'] }));
    await push(mounted, item(12, { labels: ['bug'], assignees: ['alice'], state: 'closed' }));
    expect(shownIids(mounted)).toEqual(['9']);
    expect(mounted.wrapper.find('[data-testid="issue-list-pending"]').exists()).toBe(false);

    await push(mounted, item(13, { labels: ['bug', 'frontend'], assignees: ['bob', 'alice'] }));
    expect(shownIids(mounted)).toEqual(['13', '9']);
  });

  it('loads the next page after the last row, and appends it', async () => {
    const mounted = await mountList('', listResult([item(9), item(8)], { hasNextPage: true }));
    await mounted.wrapper.get('[data-testid="issue-list-more"]').trigger('click');
    expect(mounted.link.latest('projectIssues').operation.variables).toMatchObject({
      after: 'cursor-8',
      first: 20,
    });
    mounted.link.reply('projectIssues', listResult([item(7), item(6)]));
    await settle();
    expect(shownIids(mounted)).toEqual(['9', '8', '7', '6']);
    expect(mounted.wrapper.find('[data-testid="issue-list-more"]').exists()).toBe(false);

    // A push for an issue on the loaded second page updates it there.
    await push(mounted, item(6, { title: 'Deep down', updatedAt: '2025-03-01T00:00:00.000Z' }));
    expect(mounted.wrapper.get('[data-iid="6"] [data-testid="issue-title"]').text()).toBe(
      'Deep down',
    );
  });

  it('reloads the rows it holds (and the counts) on a null push: the first payload or a resync', async () => {
    const mounted = await mountList();
    await push(mounted, null);
    expect(mounted.link.all('projectIssues')).toHaveLength(2);
    expect(mounted.link.latest('projectIssues').operation.variables).toMatchObject({
      state: 'opened',
      first: 20,
    });
    expect(mounted.link.all('projectIssueCounts')).toHaveLength(2);
    mounted.link.reply('projectIssues', listResult([item(9), item(7)]));
    mounted.link.reply('projectIssueCounts', countsResult(2, 2));
    await settle();
    expect(shownIids(mounted)).toEqual(['9', '7']);
  });

  it('refreshes the counts once after a burst of pushes', async () => {
    vi.useFakeTimers();
    const mounted = await mountList();
    await push(mounted, item(8, { state: 'closed', updatedAt: '2025-02-01T00:00:00.000Z' }));
    await push(mounted, item(10));
    expect(mounted.link.all('projectIssueCounts')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(COUNTS_DELAY_MS);
    expect(mounted.link.all('projectIssueCounts')).toHaveLength(2);
    mounted.link.reply('projectIssueCounts', countsResult(3, 2));
    await settle();
    expect(mounted.wrapper.get('[data-testid="tab-opened"]').text()).toContain('3');
    expect(mounted.wrapper.get('[data-testid="tab-closed"]').text()).toContain('2');
  });

  it('puts a filter change in the URL, keeps the one subscription, and asks for the new list', async () => {
    const mounted = await mountList();
    await mounted.wrapper.get('[data-testid="tab-closed"]').trigger('click');
    await settle();
    expect(mounted.router.currentRoute.value.query).toEqual({ state: 'closed' });
    expect(mounted.link.latest('projectIssues').operation.variables).toMatchObject({
      state: 'closed',
    });
    expect(mounted.link.all('projectIssuesUpdated')).toHaveLength(1);
    expect(mounted.link.open('projectIssuesUpdated')).toHaveLength(1);
  });
});
