import { expect, type Locator, type Page } from '@playwright/test';

/** The assignees block of the issue sidebar (GitLab's `assignee-block` page object). */
export class AssigneesSidebar {
  readonly block: Locator;
  readonly items: Locator;
  readonly title: Locator;
  readonly none: Locator;
  readonly announcement: Locator;
  readonly lastChanged: Locator;
  readonly draftNotice: Locator;
  readonly editor: Locator;
  readonly editButton: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.block = page.getByTestId('assignees-block');
    this.items = this.block.getByTestId('assignee');
    this.title = page.getByTestId('assignees-title');
    this.none = page.getByTestId('no-assignees');
    this.announcement = page.getByTestId('assignees-announcement');
    this.lastChanged = page.getByTestId('assignees-last-changed');
    this.draftNotice = page.getByTestId('assignees-draft-notice');
    this.editor = page.getByTestId('assignees-editor');
    this.editButton = page.getByTestId('edit-assignees');
    this.search = page.getByTestId('assignees-search');
  }

  /** Exactly these users, in this order (waits until it is so). */
  async expectAssignees(usernames: readonly string[]): Promise<void> {
    await expect(this.items).toHaveCount(usernames.length);
    for (const [index, username] of usernames.entries()) {
      await expect(this.items.nth(index)).toContainText(`@${username}`);
    }
  }

  /** GitLab's "Busy" badge beside exactly these assignees (waits until it is so). */
  async expectBusy(usernames: readonly string[]): Promise<void> {
    await expect(this.block.getByTestId('busy-badge')).toHaveCount(usernames.length);
    for (const username of usernames) {
      const item = this.items.filter({ hasText: `@${username}` });
      await expect(item.getByTestId('busy-badge')).toHaveText('Busy');
    }
  }

  /** GitLab's "None" state. */
  async expectNone(): Promise<void> {
    await expect(this.none).toBeVisible();
    await expect(this.none).toContainText('None');
    await expect(this.items).toHaveCount(0);
  }

  async assignYourself(): Promise<void> {
    await this.page.getByTestId('assign-yourself').click();
  }

  option(username: string): Locator {
    return this.editor.locator(`[data-testid="assignee-option"][data-username="${username}"]`);
  }

  async openEditor(): Promise<void> {
    await this.editButton.click();
    await expect(this.editor).toBeVisible();
  }

  /**
   * Types `text` into the picker's search and waits until the list shows its results: until
   * then the list still holds the previous results, and a key press or click would act on them.
   */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.editor.getByTestId('assignees-options')).toHaveAttribute(
      'aria-busy',
      'false',
    );
  }

  /** In the open picker: searches for the user (the list shows 20 members) and selects them. */
  async select(username: string): Promise<void> {
    await this.searchFor(username);
    const option = this.option(username);
    await expect(option).toBeVisible();
    if ((await option.getAttribute('aria-selected')) !== 'true') await option.click();
    await expect(option).toHaveAttribute('aria-selected', 'true');
  }

  /**
   * Opens the picker, selects exactly `usernames` and applies. Each user is searched for (the
   * list shows 20 members); selected users are listed first, so unwanted ones are unselected
   * from the unfiltered list.
   */
  async choose(usernames: readonly string[]): Promise<void> {
    await this.openEditor();
    for (const username of usernames) await this.select(username);
    await this.searchFor('');
    const selected = this.editor.locator('[data-testid="assignee-option"][aria-selected="true"]');
    const unwanted = (
      await Promise.all((await selected.all()).map((item) => item.getAttribute('data-username')))
    ).filter((username) => username !== null && !usernames.includes(username));
    for (const username of unwanted) await this.option(username ?? '').click();
    await expect(selected).toHaveCount(usernames.length);
    await this.editButton.click();
    await expect(this.editor).toBeHidden();
  }
}
