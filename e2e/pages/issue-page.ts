import { expect, type Locator, type Page } from '@playwright/test';

import { PROJECT } from '../support/target.js';

import { AssigneesSidebar } from './assignees-sidebar.js';

/** What `data-realtime-state` on the sidebar says (client/src/apollo/realtime-state.ts). */
export type RealtimeState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'disabled';

const MARKER = '__e2eNoReloadMarker';

/** An issue page: header, description, the live indicator and the sidebar. */
export class IssuePage {
  readonly sidebar: Locator;
  readonly assignees: AssigneesSidebar;
  readonly title: Locator;
  readonly indicator: Locator;
  readonly polling: Locator;
  readonly error: Locator;
  /** The app's 404 page (a missing issue and one the viewer may not read look the same). */
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByTestId('issue-sidebar');
    this.assignees = new AssigneesSidebar(page);
    this.title = page.getByTestId('issue-title');
    this.indicator = page.getByTestId('realtime-indicator');
    this.polling = page.getByTestId('realtime-polling');
    this.error = page.getByTestId('issue-error');
    this.notFound = page.getByTestId('not-found');
  }

  static path(iid: number): string {
    return `/${PROJECT}/-/issues/${iid}`;
  }

  /**
   * Opens the issue and waits until the sidebar says pushes flow: `live` is set only once the
   * server has answered the subscription, the signal GitLab's QA lacks (it sleeps a second).
   */
  async open(iid: number): Promise<void> {
    await this.goto(iid);
    await expect(this.title).toBeVisible();
    await this.expectRealtimeState('live');
  }

  /** Navigates only; for pages that must not become live (no access, polling, real-time off). */
  async goto(iid: number): Promise<number | undefined> {
    return (await this.page.goto(IssuePage.path(iid)))?.status();
  }

  async expectRealtimeState(state: RealtimeState): Promise<void> {
    await expect(this.sidebar).toHaveAttribute('data-realtime-state', state);
  }

  /** The polling fallback is on and says so (cable unreachable, or real-time turned off). */
  async expectPollingFallback(): Promise<void> {
    await expect(this.polling).toContainText(/Checking for changes every \d+ s/);
    await expect(this.sidebar).not.toHaveAttribute('data-realtime-state', 'live');
  }

  /** The page is the app's 404 (as for any missing page) and shows nothing of the issue. */
  async expectNotFound(hidden: readonly string[]): Promise<void> {
    await expect(this.notFound).toContainText('404: Page not found');
    await expect(this.page).toHaveTitle('Not Found · GitLab');
    await expect(this.sidebar).toHaveCount(0);
    const text = await this.page.locator('body').innerText();
    for (const secret of hidden) expect(text).not.toContain(secret);
  }

  /**
   * Sets a marker on `window`: it survives only as long as the page is not reloaded, so a spec
   * that still finds it after an update proves the update arrived live.
   */
  async markNoReload(): Promise<void> {
    await this.page.evaluate((key) => {
      (window as unknown as Record<string, string>)[key] = 'still-here';
    }, MARKER);
  }

  async expectNotReloaded(): Promise<void> {
    const marker = await this.page.evaluate(
      (key) => (window as unknown as Record<string, string | undefined>)[key],
      MARKER,
    );
    expect(marker, 'the page was reloaded').toBe('still-here');
  }
}
