import { describe, expect, it } from 'vitest';

import { openViewer, viewersIn, watchViewers } from '../../test/presence-clients.js';
import { graphqlAs, signIn } from '../../test/sign-in.js';
import { graphqlRequest, startTestServer } from '../../test/start-test-server.js';

/**
 * Presence in one process (the embedded default, counted in memory), through the real cable:
 * who views an issue, who may see that list, the coalescing, and the `issue_presence` flag.
 * Issue ids of the seed: #1 is public (id 1), #10 confidential (id 10), both in gitlab-test.
 */
const server = await startTestServer({ presenceTiming: { pushIntervalMs: 400 } });
const session = (username: string) => signIn(server, username);

describe('presence (one process)', () => {
  it('lists the signed-in viewers and counts the anonymous ones, live', async () => {
    const watcher = await watchViewers(server.url, 3, { auth: await session('carol') });
    expect(viewersIn(watcher.first)).toEqual({ usernames: [], userCount: 0, anonymousCount: 0 });

    const alice = await openViewer(server.url, 3, { auth: await session('alice') });
    const bob = await openViewer(server.url, 3, { auth: await session('bob') });
    const anonymous = await openViewer(server.url, 3);
    expect(await watcher.until((v) => v?.usernames.length === 2 && v.anonymousCount === 1)).toEqual(
      { usernames: ['alice', 'bob'], userCount: 2, anonymousCount: 1 },
    );

    bob.close();
    anonymous.close();
    expect(await watcher.until((v) => v?.usernames.length === 1 && v.anonymousCount === 0)).toEqual(
      { usernames: ['alice'], userCount: 1, anonymousCount: 0 },
    );
    alice.close();
    await watcher.until((v) => v?.userCount === 0);
    watcher.client.close();
  });

  it('counts a user with two pages once in the list', async () => {
    const auth = await session('dave');
    const watcher = await watchViewers(server.url, 4, { auth });
    const first = await openViewer(server.url, 4, { auth });
    const second = await openViewer(server.url, 4, { auth });
    expect(await watcher.until((v) => v?.userCount === 1)).toMatchObject({ usernames: ['dave'] });
    first.close();
    // dave still views it in his second page: no push drops him.
    second.close();
    await watcher.until((v) => v?.userCount === 0);
    const lists = watcher
      .pushes()
      .map(viewersIn)
      .map((v) => v?.usernames.join());
    expect(lists.filter((list) => list === '').length).toBeLessThanOrEqual(2); // initial and last
    watcher.client.close();
  });

  it('coalesces a burst of joins into at most one push per interval', async () => {
    const watcher = await watchViewers(server.url, 5);
    const started = Date.now();
    const viewers = await Promise.all(Array.from({ length: 30 }, () => openViewer(server.url, 5)));
    await watcher.until((v) => v?.anonymousCount === 30, 10_000); // the watcher does not count
    const elapsedIntervals = (Date.now() - started) / 400;
    expect(watcher.pushes().length).toBeLessThanOrEqual(Math.ceil(elapsedIntervals) + 1);
    expect(watcher.pushes().length).toBeLessThan(30);
    for (const viewer of viewers) viewer.close();
    await watcher.until((v) => v?.anonymousCount === 0, 10_000);
    watcher.client.close();
  });

  it("never discloses a confidential issue's viewers to someone who may not read it", async () => {
    const alice = await openViewer(server.url, 10, { auth: await session('alice') });
    // erin is no member: the confidential issue is hidden from her, and so are its viewers.
    const erin = await watchViewers(server.url, 10, { auth: await session('erin') });
    expect(erin.first.message).toEqual({
      result: { data: { issuableViewersUpdated: null }, errors: [expect.anything()] },
      more: false,
    });
    const anonymous = await watchViewers(server.url, 10);
    expect((anonymous.first.message as { more: boolean }).more).toBe(false);
    const { body } = await graphqlAs(
      server,
      await session('erin'),
      '{ project(fullPath: "gitlab-org/gitlab-test") { issue(iid: "10") { viewers { anonymousCount } } } }',
    );
    expect(body.data).toEqual({ project: { issue: null } });
    // A reporter sees alice.
    const carol = await watchViewers(server.url, 10, { auth: await session('carol') });
    expect(viewersIn(carol.first)).toMatchObject({ usernames: ['alice'] });
    for (const client of [alice, erin.client, anonymous.client, carol.client]) client.close();
  });

  it('answers Issue.viewers by query, and null with the issue_presence flag off', async () => {
    const viewer = await openViewer(server.url, 6);
    const watcher = await watchViewers(server.url, 6);
    await watcher.until((v) => v?.anonymousCount === 1);
    const query =
      '{ project(fullPath: "gitlab-org/gitlab-test") { issue(iid: "6") { viewers { anonymousCount users { count } } } } }';
    expect(await graphqlRequest(server, query)).toEqual({
      data: { project: { issue: { viewers: { anonymousCount: 1, users: { count: 0 } } } } },
    });

    await server.features.set('issue_presence', false, null);
    expect(await watcher.until((v) => v === null)).toBeNull(); // open pages are told
    expect(await graphqlRequest(server, query)).toEqual({
      data: { project: { issue: { viewers: null } } },
    });

    await server.features.set('issue_presence', true, null);
    expect(await watcher.until((v) => v !== null)).toEqual({
      usernames: [],
      userCount: 0,
      anonymousCount: 1,
    });
    viewer.close();
    watcher.client.close();
  });
});
