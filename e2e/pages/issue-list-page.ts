import { expect, type Locator, type Page } from '@playwright/test';

import { PROJECT } from '../support/target.js';

/** The issue list: tabs, filters, rows, the "N new issues" notice, the live indicator. */
export class IssueListPage {
  readonly rows: Locator;
  readonly pending: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('issue-list-item');
    this.pending = page.getByTestId('issue-list-pending');
    this.status = page.getByTestId('realtime-status');
  }

  static path(query = ''): string {
    return `/${PROJECT}/-/issues${query}`;
  }

  /** Opens the list (with a URL query such as `?assignee_username=x`) and waits until it is live. */
  async open(query = ''): Promise<void> {
    await this.page.goto(IssueListPage.path(query));
    await expect(this.page.getByTestId('issue-state-tabs')).toBeVisible();
    await this.expectLive();
  }

  /** The list's one subscription has answered: pushes flow from here on. */
  async expectLive(): Promise<void> {
    await expect(this.status).toContainText('Live');
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('issue-title').getByText(title) });
  }

  /** The rows' titles, top to bottom. */
  titles(): Promise<string[]> {
    return this.rows.getByTestId('issue-title').allInnerTexts();
  }
}
