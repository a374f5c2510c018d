import { expect, test } from '../fixtures.js';
import type { IssuePage } from '../pages/issue-page.js';

/** The title-and-description form of an issue page, and what it shows of the issue. */
function editor(issuePage: IssuePage) {
  const { page } = issuePage;
  return {
    editButton: page.getByRole('button', { name: 'Edit title and description' }),
    title: page.getByLabel('Title', { exact: true }),
    description: page.getByLabel('Description', { exact: true }),
    save: page.getByRole('button', { name: 'Save changes' }),
    warning: page.getByTestId('concurrent-edit-warning'),
    theirSource: page.getByTestId('their-source'),
    errors: page.getByTestId('issue-edit-errors'),
    shownDescription: page.getByTestId('issue-description'),
    badge: page.getByTestId('issue-state'),
    stateButton: page.getByTestId('issue-toggle-state'),
  };
}

test.describe('title, description and state, live', () => {
  test('changes made out of band (REST, GraphQL) show up without a reload', async ({
    data,
    adminApi,
    openAs,
  }) => {
    const issue = await data.issue({ title: 'Edited out of band', description: 'Before' });
    const pages = [await openAs(await data.user('reporter')), await openAs(null)];
    for (const page of pages) {
      await page.open(issue.iid);
      await page.markNoReload();
    }

    const title = `Renamed over REST ${issue.iid}`;
    await adminApi.updateIssue(issue.iid, { title, state_event: 'close' });
    for (const page of pages) {
      await expect(page.title).toHaveText(title);
      await expect(editor(page).badge).toHaveText('Closed');
    }

    await adminApi.updateIssueOverGraphql(issue.iid, {
      description: 'Now **bold** over GraphQL',
      stateEvent: 'REOPEN',
    });
    for (const page of pages) {
      await expect(editor(page).shownDescription.locator('strong')).toHaveText('bold');
      await expect(editor(page).badge).toHaveText('Open');
      await page.expectNotReloaded();
    }
    // The anonymous visitor gets no controls.
    await expect(editor(pages[1] as IssuePage).editButton).toHaveCount(0);
    await expect(editor(pages[1] as IssuePage).stateButton).toHaveCount(0);
  });

  test('someone else saves while you edit: you are warned and neither text is lost', async ({
    data,
    openAs,
    saveScreenshot,
  }) => {
    const [alice, bob] = [
      await data.user('maintainer', 'alice'),
      await data.user('developer', 'bob'),
    ];
    const issue = await data.issue({ title: 'Edited by two', description: 'The start.' });
    const pageA = await openAs(alice);
    const pageB = await openAs(bob);
    await pageA.open(issue.iid);
    await pageB.open(issue.iid);
    const [a, b] = [editor(pageA), editor(pageB)];

    await a.editButton.click();
    await expect(a.title).toBeFocused();
    await a.description.fill("Alice's plan.");
    await b.editButton.click();
    await b.description.fill("Bob's plan.");
    await b.save.click();
    await expect(b.shownDescription).toHaveText("Bob's plan.");

    // Alice is warned; what she typed is still there.
    await expect(a.warning).toContainText('Someone edited the issue at the same time you did.');
    await expect(a.description).toHaveValue("Alice's plan.");
    await saveScreenshot(pageA.page, 'concurrent-edit-warning');

    // Saving first shows Bob's version and asks again.
    await a.save.click();
    await expect(a.theirSource).toHaveText("Bob's plan.");
    await expect(a.errors).toContainText('saving replaces it with yours');
    await expect(b.shownDescription).toHaveText("Bob's plan.");

    // She keeps both, and saves.
    await pageA.page.getByRole('button', { name: 'Add their description below mine' }).click();
    await expect(a.description).toHaveValue("Alice's plan.\n\nBob's plan.");
    await a.save.click();
    await expect(a.warning).toBeHidden();
    for (const shown of [a.shownDescription, b.shownDescription]) {
      await expect(shown).toContainText("Alice's plan.");
      await expect(shown).toContainText("Bob's plan.");
    }
  });

  test('a task ticked in one browser is ticked in the other; close and reopen follow too', async ({
    data,
    openAs,
  }) => {
    const issue = await data.issue({
      title: 'Task list',
      description: 'Steps:\n\n- [ ] write the spec\n- [ ] make it pass',
    });
    const pageA = await openAs(await data.user('reporter'));
    const pageB = await openAs(await data.user('developer'));
    const guest = await openAs(await data.user('guest'));
    for (const page of [pageA, pageB, guest]) await page.open(issue.iid);
    const task = (page: IssuePage, name: string) => page.page.getByRole('checkbox', { name });

    await task(pageA, 'write the spec').check();
    await expect(task(pageB, 'write the spec')).toBeChecked();
    await expect(task(guest, 'write the spec')).toBeChecked();
    await expect(task(guest, 'write the spec')).toBeDisabled();
    await task(pageB, 'make it pass').check();
    await expect(task(pageA, 'make it pass')).toBeChecked();
    await expect(task(pageA, 'write the spec')).toBeChecked();

    await editor(pageB).stateButton.click();
    for (const page of [pageA, pageB, guest]) await expect(editor(page).badge).toHaveText('Closed');
    await expect(editor(pageA).stateButton).toHaveText('Reopen issue');
    await editor(pageA).stateButton.click();
    for (const page of [pageA, pageB, guest]) await expect(editor(page).badge).toHaveText('Open');
  });
});
