import { expect, test } from '../fixtures.js';

test.describe('the assignees picker', () => {
  test('works with the keyboard and its edit appears in a second browser', async ({
    data,
    openAs,
    saveScreenshot,
  }) => {
    const editor = await data.user('maintainer', 'editor');
    const added = await data.user('developer', 'added');
    const issue = await data.issue({ title: 'Picker', assignees: [editor] });
    const editing = await openAs(editor);
    const watching = await openAs(null);
    await editing.open(issue.iid);
    await watching.open(issue.iid);
    await watching.markNoReload();

    const { page, assignees } = editing;
    await assignees.editButton.click();
    await expect(assignees.search).toBeFocused();
    await assignees.searchFor(added.username);
    await expect(assignees.option(added.username)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(assignees.option(added.username)).toHaveAttribute('aria-selected', 'true');
    await saveScreenshot(page, 'picker');
    await page.keyboard.press('Escape');
    await expect(assignees.editButton).toBeFocused();

    for (const view of [editing, watching]) {
      await view.assignees.expectAssignees([editor.username, added.username]);
    }
    await expect(watching.assignees.block).toHaveAttribute('data-highlighted', 'true');
    await expect(watching.assignees.announcement).toHaveText(
      `${editor.name} changed the assignees: ${editor.name}, ${added.name}`,
    );
    await watching.expectNotReloaded();
  });

  test('a push while the picker is open keeps the draft and shows a notice', async ({
    data,
    openAs,
  }) => {
    const [editor, other] = [
      await data.user('maintainer', 'editor'),
      await data.user('maintainer'),
    ];
    const [drafted, pushed] = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'Draft' });
    const editing = await openAs(editor);
    await editing.open(issue.iid);
    await editing.assignees.openEditor();
    await editing.assignees.select(drafted.username);

    await (await data.apiAs(other)).setAssigneesOverGraphql(issue.iid, [pushed.username]);
    await expect(editing.assignees.draftNotice).toContainText(
      `Assignees were changed by ${other.name} while you were editing`,
    );
    await expect(editing.assignees.option(drafted.username)).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await editing.page.getByTestId('assignees-merge-remote').click();
    await expect(editing.assignees.draftNotice).toBeHidden();
    await editing.assignees.editButton.click();

    await editing.assignees.expectAssignees([drafted.username, pushed.username]);
  });
});
