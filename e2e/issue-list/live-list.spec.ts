import { expect, test } from '../fixtures.js';
import { IssueListPage } from '../pages/issue-list-page.js';

/**
 * The issue list, live, in two browsers: issues created or changed out of band (REST, as a
 * script would) show up without a reload, through the list's one subscription, and the filters
 * hold while they arrive. Other specs create issues in the same project meanwhile, so each test
 * filters on a user of its own or looks for its own titles.
 */
test.describe('issue list, live', () => {
  test('a new issue appears in every list it matches, and in no other', async ({
    data,
    openAs,
    saveScreenshot,
  }) => {
    const assignee = await data.user('developer');
    const everything = new IssueListPage((await openAs(await data.user('reporter'))).page);
    const filtered = new IssueListPage((await openAs(null)).page);
    await everything.open();
    await filtered.open(`?assignee_username=${assignee.username}`);
    await expect(filtered.page.getByTestId('issue-list-empty')).toBeVisible();
    for (const list of [everything, filtered]) await markNoReload(list);

    const other = await data.issue({ title: 'Not for the filtered list' });
    const mine = await data.issue({ title: 'For the filtered list', assignees: [assignee] });

    await expect(everything.row(mine.title)).toBeVisible();
    await expect(everything.row(other.title)).toBeVisible();
    await expect(filtered.row(mine.title)).toBeVisible();
    // Pushes of one project arrive in order: `other` was placed (and left out) before `mine`.
    expect(await filtered.titles()).toEqual([mine.title]);
    await expect(filtered.pending).toHaveCount(0);
    expect(new URL(filtered.page.url()).searchParams.get('assignee_username')).toBe(
      assignee.username,
    );
    await expect(filtered.page.getByTestId('filter-assignee')).toHaveValue(assignee.username);
    for (const list of [everything, filtered]) await expectNotReloaded(list);
    await saveScreenshot(filtered.page, 'issue-list-filtered-live');
  });

  test('label, assignee and confidentiality changes out of band update the row', async ({
    data,
    adminApi,
    openAs,
    saveScreenshot,
  }) => {
    const assignee = await data.user('developer');
    const issue = await data.issue({ title: 'Changed out of band' });
    const member = new IssueListPage((await openAs(await data.user('reporter'))).page);
    const anonymous = new IssueListPage((await openAs(null)).page);
    for (const list of [member, anonymous]) {
      await list.open();
      await expect(list.row(issue.title)).toBeVisible();
      await markNoReload(list);
    }

    await adminApi.updateIssue(issue.iid, { labels: ['bug'] });
    for (const list of [member, anonymous]) {
      await expect(list.row(issue.title).getByTestId('label-chip')).toHaveAttribute(
        'data-title',
        'bug',
      );
    }
    await adminApi.updateIssue(issue.iid, { assignee_ids: [assignee.id] });
    for (const list of [member, anonymous]) {
      await expect(
        list.row(issue.title).locator(`[data-username="${assignee.username}"]`),
      ).toBeVisible();
    }
    const avatar = member.row(issue.title).locator(`[data-username="${assignee.username}"] img`);
    await expect
      .poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await saveScreenshot(member.page, 'issue-list-row-updated');

    // Confidential: it leaves the anonymous list (a reload, sent nothing of it), stays for members.
    await adminApi.updateIssue(issue.iid, { confidential: true });
    await expect(anonymous.row(issue.title)).toHaveCount(0);
    await expect(member.row(issue.title).getByTestId('issue-confidential')).toBeVisible();

    for (const list of [member, anonymous]) await expectNotReloaded(list);
  });

  test('a state change out of band marks the row where it is', async ({
    data,
    adminApi,
    openAs,
  }) => {
    const issue = await data.issue({ title: 'Closed out of band' });
    const list = new IssueListPage((await openAs(await data.user('reporter'))).page);
    await list.open();
    await expect(list.row(issue.title)).toBeVisible();
    await markNoReload(list);

    const closed = await adminApi.tryUpdateIssue(issue.iid, { state_event: 'close' });
    expect(closed.status).toBe(200);
    expect((closed.body as { state?: string }).state).toBe('closed');
    // Still in place on the Open tab, marked: nothing under the reader moves.
    const row = list.row(issue.title);
    await expect(row).toHaveAttribute('data-matches', 'false');
    await expect(row.getByTestId('issue-state')).toHaveText('Closed');
    await expect(row.getByTestId('issue-stale')).toBeVisible();
    await expectNotReloaded(list);
  });

  test('filters live in the URL: reload and back keep them', async ({ data, openAs }) => {
    const assignee = await data.user('developer');
    const issue = await data.issue({ title: 'Assigned for the URL test', assignees: [assignee] });
    const list = new IssueListPage((await openAs(null)).page);
    await list.open(`?state=all&assignee_username=${assignee.username}`);
    await expect(list.row(issue.title)).toBeVisible();
    await expect(list.page.getByTestId('tab-all')).toHaveAttribute('aria-current', 'page');

    await list.page.getByTestId('tab-closed').click();
    await expect(list.page.getByTestId('issue-list-empty')).toBeVisible();
    expect(new URL(list.page.url()).searchParams.get('state')).toBe('closed');

    await list.page.goBack();
    await expect(list.row(issue.title)).toBeVisible();
    await list.page.reload();
    await list.expectLive();
    await expect(list.row(issue.title)).toBeVisible();
    await expect(list.page.getByTestId('filter-assignee')).toHaveValue(assignee.username);
  });
});

const MARKER = '__e2eListNoReload';

async function markNoReload(list: IssueListPage): Promise<void> {
  await list.page.evaluate((key) => {
    (window as unknown as Record<string, string>)[key] = 'still-here';
  }, MARKER);
}

async function expectNotReloaded(list: IssueListPage): Promise<void> {
  const marker = await list.page.evaluate(
    (key) => (window as unknown as Record<string, string | undefined>)[key],
    MARKER,
  );
  expect(marker, 'the page was reloaded').toBe('still-here');
}
