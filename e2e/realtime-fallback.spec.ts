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

// The fallback polls every 10 s: allow a couple of rounds.
test.setTimeout(60_000);

test('polls the issue when the cable endpoint is refused, and says so', async ({
  page,
  request,
}) => {
  const errors = trackConsoleErrors(page);
  await page.routeWebSocket(/\/-\/cable/, (ws) => {
    void ws.close({ code: 1011, reason: 'refused by the test' });
  });
  await page.goto(`/${PROJECT}/-/issues/17`);
  await expect(page.getByTestId('issue-title')).toBeVisible();
  await markPage(page);

  const sidebar = page.getByTestId('issue-sidebar');
  await expect(page.getByTestId('realtime-polling')).toContainText(
    'Checking for changes every 10 s',
    { timeout: 15_000 },
  );
  await expect(sidebar).not.toHaveAttribute('data-realtime-state', 'live');

  await setAssigneesOverHttp(request, 17, ['dave']);
  await expect(assigneeItems(page)).toHaveCount(1, { timeout: 25_000 });
  await expect(assigneeItems(page).first()).toContainText('@dave');
  await expectNotReloaded(page);
  expect(errors).toEqual([]);
});

test('with real-time turned off by the server it polls and shows "Real-time off"', async ({
  page,
  request,
}) => {
  const errors = trackConsoleErrors(page);
  let cableRequests = 0;
  await page.routeWebSocket(/\/-\/cable/, (ws) => {
    cableRequests += 1;
    ws.connectToServer();
  });
  // The server will inject this tag itself; here the test adds it to the served page.
  await page.route(/\/-\/issues\/18$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '<head>',
      '<head><meta name="real-time-issue-sidebar" content="false">',
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto(`/${PROJECT}/-/issues/18`);
  await expect(page.getByTestId('issue-sidebar')).toHaveAttribute(
    'data-realtime-state',
    'disabled',
  );
  await expect(page.getByTestId('realtime-indicator')).toHaveText('Real-time off');
  await expect(page.getByTestId('realtime-polling')).toBeVisible();
  await markPage(page);

  await setAssigneesOverHttp(request, 18, ['alice']);
  await expect(assigneeItems(page).first()).toContainText('@alice', { timeout: 25_000 });
  await expectNotReloaded(page);
  expect(cableRequests).toBe(0);
  expect(errors).toEqual([]);
});
