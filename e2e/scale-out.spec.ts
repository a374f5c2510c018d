import { request as playwrightRequest } from '@playwright/test';

import {
  assigneeItems,
  expect,
  expectNotReloaded,
  markPage,
  PROJECT,
  setAssigneesOverHttp,
  test,
  trackConsoleErrors,
} from './fixtures.js';
import { startSplitDeployment, type SplitDeployment } from './support/split-deployment.js';

/**
 * Scenario 6: the split deployment of docs/operations.md — nginx routing /-/cable to a
 * `ROLE=cable` process and everything else to a `ROLE=web` process, sharing PostgreSQL and
 * Redis. The page loads from web, subscribes on cable, and a change sent to web is pushed.
 */
test.skip(!!process.env.E2E_BASE_URL, 'starts its own processes: local runs only');
test.describe.configure({ timeout: 180_000 });

let deployment: SplitDeployment;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  deployment = await startSplitDeployment();
});
test.afterAll(async () => {
  await deployment.stop();
});

test('behind nginx, a change sent to the web tier is pushed by the cable tier', async ({
  page,
}) => {
  const errors = trackConsoleErrors(page);
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));

  await page.goto(`${deployment.url}/${PROJECT}/-/issues/3`);
  await expect(page.getByTestId('issue-title')).toBeVisible();
  await expect(page.getByTestId('issue-sidebar')).toHaveAttribute('data-realtime-state', 'live');
  await markPage(page);
  expect(sockets).toEqual([`${deployment.url.replace('http', 'ws')}/-/cable`]);

  const api = await playwrightRequest.newContext({ baseURL: deployment.url });
  await setAssigneesOverHttp(api, 3, ['carol', 'alice']);
  await expect(assigneeItems(page)).toHaveCount(2);
  await expect(assigneeItems(page).nth(0)).toContainText('@carol');
  await expect(assigneeItems(page).nth(1)).toContainText('@alice');
  await expectNotReloaded(page);
  await api.dispose();
  expect(errors).toEqual([]);
});
