import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig, devices } from '@playwright/test';

import { freePort } from './e2e/support/own-server.js';

/**
 * E2E in Debian's Chromium (browser downloads are blocked on these machines).
 * By default the app is started on a free port with a throw-away data directory; the choice is
 * put in the environment so Playwright's worker processes, which load this file again, agree.
 * With E2E_BASE_URL the suite runs against that instance instead (see e2e/README.md).
 */

const remote = process.env.E2E_BASE_URL?.replace(/\/$/, '') || undefined;
if (!remote) {
  process.env.E2E_PORT ??= String(await freePort());
  process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'e2e-data-'));
}
const baseURL = remote ?? `http://127.0.0.1:${process.env.E2E_PORT}`;
/** At most one retry, and only in CI; a test that passes on it is reported as flaky. */
const retries = Math.min(1, Number(process.env.E2E_RETRIES ?? (process.env.CI ? 1 : 0)));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['./e2e/support/summary-reporter.ts'],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: remote
    ? undefined
    : {
        command: 'npx tsx server/src/main.ts',
        url: `${baseURL}/gitlab-org/gitlab-test/-/issues/1`,
        reuseExistingServer: false,
        timeout: 60_000,
        env: {
          PORT: process.env.E2E_PORT ?? '',
          HOST: '127.0.0.1',
          DATA_DIR: process.env.E2E_DATA_DIR ?? '',
          LOG_LEVEL: 'warn',
        },
      },
});
