import { mkdirSync } from 'node:fs';

import { expect, test as base, type BrowserContextOptions, type Page } from '@playwright/test';

import { IssuePage } from './pages/issue-page.js';
import { ApiClient } from './support/api-client.js';
import { ConsoleErrors } from './support/console-errors.js';
import { signInOverHttp } from './support/api-client.js';
import { TestData, type TestUser } from './support/test-data.js';
import { adminCredentials } from './support/target.js';

export { expect };
export type { TestUser };

const SCREENSHOTS = 'e2e/screenshots';

interface Fixtures {
  /** Every page's console errors and Apollo warnings; asserted empty when the test ends. */
  consoleErrors: ConsoleErrors;
  /** Creates this test's own users and issues through the public API. */
  data: TestData;
  /** The default `page` as an issue page (anonymous unless signed in with `signIn`). */
  issuePage: IssuePage;
  /** A new browser context signed in as `user` (anonymous for null), its page as an issue page. */
  openAs: (user: TestUser | null, options?: BrowserContextOptions) => Promise<IssuePage>;
  /** A screenshot of a key state: attached to the report and kept in e2e/screenshots/. */
  saveScreenshot: (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;
}

interface WorkerFixtures {
  /** The admin's API client, one per worker. */
  adminApi: ApiClient;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  adminApi: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    async ({}, use) => {
      const client = await ApiClient.signIn(adminCredentials());
      await use(client);
      await client.dispose();
    },
    { scope: 'worker' },
  ],

  consoleErrors: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    async ({}, use) => {
      const errors = new ConsoleErrors();
      await use(errors);
      expect(errors.unexpected(), 'console errors or Apollo warnings').toEqual([]);
    },
    { auto: true },
  ],

  context: async ({ context, consoleErrors }, use) => {
    context.on('page', (page) => consoleErrors.track(page));
    await use(context);
  },

  data: async ({ adminApi }, use, testInfo) => {
    const data = new TestData(adminApi, `w${testInfo.workerIndex}-`);
    await use(data);
    await data.dispose();
  },

  issuePage: async ({ page }, use) => {
    await use(new IssuePage(page));
  },

  openAs: async ({ browser, consoleErrors }, use) => {
    const contexts: { close(): Promise<void> }[] = [];
    await use(async (user, options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      consoleErrors.track(page);
      if (user) await signIn(page, user);
      return new IssuePage(page);
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  saveScreenshot: async ({}, use, testInfo) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await use(async (page, name, options) => {
      const body = await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, ...options });
      await testInfo.attach(name, { body, contentType: 'image/png' });
    });
  },
});

/** Signs a page's browser context in (the context's cookie jar keeps the session). */
export async function signIn(page: Page, user: TestUser): Promise<void> {
  await signInOverHttp(page.request, user.username, user.password);
}
