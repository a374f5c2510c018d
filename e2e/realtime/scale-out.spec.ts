import { expect, test } from '../fixtures.js';
import { ApiClient } from '../support/api-client.js';
import { startSplitDeployment, type SplitDeployment } from '../support/split-deployment.js';
import { adminCredentials, REMOTE_BASE_URL } from '../support/target.js';
import { TestData } from '../support/test-data.js';

/**
 * Scenario 6: the split deployment of docs/operations.md. nginx routes /-/cable to a ROLE=cable
 * process and everything else to a ROLE=web process; they share PostgreSQL and Redis. The page
 * loads from web and subscribes on cable, and a change sent to web is pushed by cable.
 */
test.describe('scale-out behind nginx', () => {
  test.skip(!!REMOTE_BASE_URL, 'starts its own processes: local runs only');
  test.describe.configure({ timeout: 120_000 });

  let deployment: SplitDeployment;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    deployment = await startSplitDeployment();
  });
  test.afterAll(async () => {
    await deployment.stop();
  });

  test('a change sent to the web tier is pushed by the cable tier', async ({ openAs }) => {
    const admin = await ApiClient.signIn(adminCredentials(), deployment.url);
    const data = new TestData(admin, 'split-');
    const [before, after] = [await data.user('developer'), await data.user('developer')];
    const issue = await data.issue({ title: 'Split deployment', assignees: [before] });

    const viewer = await openAs(null, { baseURL: deployment.url });
    const sockets: string[] = [];
    viewer.page.on('websocket', (socket) => sockets.push(socket.url()));
    await viewer.open(issue.iid);
    await viewer.assignees.expectAssignees([before.username]);
    await viewer.markNoReload();
    expect(sockets).toEqual([`${deployment.url.replace('http', 'ws')}/-/cable`]);

    await admin.updateIssue(issue.iid, { assignee_ids: [after.id] });
    await viewer.assignees.expectAssignees([after.username]);
    await viewer.expectNotReloaded();
    await data.dispose();
    await admin.dispose();
  });
});
