import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';

import { builtClient } from './client-assets.js';

/** Page HTML as the server answers it, with a stand-in build (the tests need no `npm run build`). */
const dir = mkdtempSync(join(tmpdir(), 'page-status-'));
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><html><head><title>Issues · GitLab</title></head><body><div id="app"></div></body></html>',
);
afterAll(() => rmSync(dir, { recursive: true }));
const server = await startTestServer({ clientAssets: () => Promise.resolve(builtClient(dir)) });
const sessions = new Map<string, SignedIn>();

async function page(path: string, username: string | null = null) {
  let session = username ? sessions.get(username) : undefined;
  if (username && !session) {
    session = await signIn(server, username);
    sessions.set(username, session);
  }
  const response = await fetch(`${server.url}${path}`, {
    redirect: 'manual',
    headers: session ? { cookie: session.cookie } : {},
  });
  const body = await response.text();
  const title = /<title>([^<]*)<\/title>/.exec(body)?.[1];
  return { status: response.status, body, title, location: response.headers.get('location') };
}

const ISSUES = '/gitlab-org/gitlab-test/-/issues';

describe('page status and title', () => {
  it.each([
    '/gitlab-org/gitlab-test/-/issues/1',
    ISSUES,
    `${ISSUES}/`,
    '/alice',
    '/users/sign_in',
    '/-/user_settings/personal_access_tokens',
    '/admin/feature_flags',
    '/',
  ])('answers 200 for the real page %s', async (path) => {
    expect((await page(path)).status).toBe(200);
  });

  it("writes GitLab's document titles into the HTML", async () => {
    const issue = await server.database.repository.findIssue(1, 1);
    expect((await page(`${ISSUES}/1`)).title).toBe(
      `${issue?.title} (#1) · Issues · GitLab Test · GitLab`,
    );
    expect((await page(ISSUES)).title).toBe('Issues · GitLab Test · GitLab');
    expect((await page('/alice')).title).toBe('Alice Liddell (alice) · GitLab');
    expect((await page('/users/sign_in')).title).toBe('Sign in · GitLab');
    expect((await page(`${ISSUES}/new`, 'carol')).title).toBe('New Issue · GitLab Test · GitLab');
    expect((await page('/no/such/page/-/here')).title).toBe('Not Found · GitLab');
  });

  it('escapes an issue title in the HTML', async () => {
    const issue = await server.services.issueCreator.create({
      project: (await server.database.repository.findProjectById(1))!,
      actor: (await server.database.identity.findAccountByUsername('alice'))!,
      title: '</title><script>alert(1)</script> & "more"',
      description: null,
      confidential: false,
      assigneeIds: [],
    });
    const iid = issue.kind === 'created' ? issue.issue.iid : 0;
    const { body, title } = await page(`${ISSUES}/${iid}`);
    expect(body).not.toContain('<script>alert');
    expect(title).toBe(
      `&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot; (#${iid}) · Issues · GitLab Test · GitLab`,
    );
  });

  it.each([
    '/no/such/page/-/here',
    '/gitlab-org/gitlab-test/-/issues/99999',
    '/gitlab-org/gitlab-test/-/issues/abc',
    '/gitlab-org/no-such-project/-/issues',
    '/gitlab-org/no-such-project/-/issues/1',
    '/no-such-user',
    '/-/unknown',
    '/users/nobody',
    '/assets/missing.js',
  ])('answers 404 with the Not Found title for %s', async (path) => {
    expect(await page(path)).toMatchObject({ status: 404, title: 'Not Found · GitLab' });
  });

  it('answers a confidential issue to those who may not read it exactly like a missing one', async () => {
    const missing = `${ISSUES}/99999`;
    // #21 is confidential, authored by bob and assigned to carol; dave is a guest, erin a stranger.
    for (const viewer of [null, 'erin', 'dave']) {
      const hidden = await page(`${ISSUES}/21`, viewer);
      const absent = await page(missing, viewer);
      expect(hidden.status, String(viewer)).toBe(404);
      expect(hidden.body, String(viewer)).toBe(absent.body);
    }
    // Those who may read it get the page.
    for (const viewer of ['carol', 'bob', 'alice', 'root'])
      expect((await page(`${ISSUES}/21`, viewer)).status, viewer).toBe(200);
  });

  it('hides a private project from strangers and anonymous visitors, not from members', async () => {
    const path = '/gitlab-org/secret-project/-/issues';
    const missing = await page('/gitlab-org/no-such-project/-/issues');
    expect(await page(path)).toEqual(missing);
    expect((await page(path, 'erin')).body).toBe(
      (await page('/gitlab-org/nope/-/issues', 'erin')).body,
    );
    expect((await page(path, 'erin')).status).toBe(404);
    expect((await page(`${path}/1`, 'dave')).status).toBe(200); // a guest reads its issues
    expect((await page(`${path}/1`, 'bob')).status).toBe(404); // bob is no member there
  });

  it('sends anonymous visitors of the new issue page to sign in, and a guest gets 403', async () => {
    const anonymous = await page(`${ISSUES}/new`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(
      `/users/sign_in?redirect_to=${encodeURIComponent(`${ISSUES}/new`)}`,
    );
    expect((await page(`${ISSUES}/new`, 'dave')).status).toBe(403);
    expect((await page(`${ISSUES}/new`, 'carol')).status).toBe(200);
    expect((await page('/gitlab-org/secret-project/-/issues/new', 'erin')).status).toBe(404);
  });

  it("sends the sidebar's milestone link to the milestone's issues; a hidden or unknown one is a 404", async () => {
    const [v11] = await server.database.repository.listMilestones(1, { search: 'v1.1' });
    if (!v11) throw new Error('seed milestone v1.1 missing');
    const path = `/gitlab-org/gitlab-test/-/milestones/${v11.id}`;
    for (const viewer of [null, 'erin', 'alice']) {
      expect(await page(path, viewer), String(viewer)).toMatchObject({
        status: 302,
        location: `${ISSUES}?milestone_title=v1.1`,
      });
    }
    // Another project's milestone, an unknown id, and a project the caller may not read.
    for (const [other, viewer] of [
      [`/gitlab-org/secret-project/-/milestones/${v11.id}`, 'dave'],
      ['/gitlab-org/gitlab-test/-/milestones/999999', null],
      [`/gitlab-org/secret-project/-/milestones/${v11.id}`, null],
      [`/gitlab-org/secret-project/-/milestones/${v11.id}`, 'erin'],
    ] as const) {
      const answer = await page(other, viewer);
      expect(answer.status, other).toBe(404);
      expect(answer.body, other).toBe((await page('/no/such/page/-/here', viewer)).body);
    }
  });

  it('answers malformed milestone page paths, and an overlong project path, with the 404 page', async () => {
    const missing = (await page('/no/such/page/-/here')).body;
    for (const path of [
      '/gitlab-org/gitlab-test/-/milestones/abc',
      '/gitlab-org/gitlab-test/-/milestones/1234567890', // beyond the route's 9 digits
      '/gitlab-org/gitlab-test/-/milestones/-1',
      '/gitlab-org/gitlab-test/-/milestones/',
      `/${'a/'.repeat(2_000)}-/milestones/1`, // a 4 KB project path: one failed lookup
    ]) {
      expect(await page(path), path.slice(0, 60)).toMatchObject({ status: 404, body: missing });
    }
  });

  it('keeps the API and the cable out of the page routes', async () => {
    const api = await fetch(`${server.url}/api/v4/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${server.url}/-/cable`)).status).toBe(404);
  });
});
