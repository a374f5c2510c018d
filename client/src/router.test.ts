import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';

import { matchPage } from '@shared/pages';

import { DEFAULT_ISSUE_PATH } from './paths';
import { createAppRouter } from './router';

/** Paths of every kind, and some that look like pages but are none. */
const PATHS = [
  '/users/sign_in',
  '/-/user_settings/personal_access_tokens',
  '/admin/feature_flags',
  '/gitlab-org/gitlab-test/-/issues',
  '/gitlab-org/gitlab-test/-/issues/new',
  '/gitlab-org/gitlab-test/-/issues/7',
  '/a/b/c/-/issues/12',
  '/alice',
  '/alice.smith_2',
  '/admin',
  '/users',
  '/-',
  '/api',
  '/.hidden',
  '/gitlab-org/gitlab-test/-/issues/abc',
  '/gitlab-org/gitlab-test/-/issues/7/extra',
  '/no/such/page',
  '/gitlab-org/gitlab-test',
];

describe('the client router and the server table (shared/pages.ts)', () => {
  it.each(PATHS)('agree on %s', async (path) => {
    const router = createAppRouter(createMemoryHistory());
    await router.push(path);
    const route = router.currentRoute.value;
    expect(route.name).toBe(matchPage(path).name);
    // A page that is none keeps its address: the 404 shows where the person wanted to go.
    expect(route.path).toBe(path);
  });

  it('never takes `new` for an iid', async () => {
    const router = createAppRouter(createMemoryHistory());
    await router.push('/gitlab-org/gitlab-test/-/issues/new');
    expect(router.currentRoute.value.params).toEqual({ fullPath: 'gitlab-org/gitlab-test' });
  });

  it('sends / to the demo issue', async () => {
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    expect(router.currentRoute.value.path).toBe(DEFAULT_ISSUE_PATH);
  });

  it('sets the title of pages that need no data on navigation, not on the first load', async () => {
    const router = createAppRouter(createMemoryHistory());
    document.title = 'From the server';
    await router.push('/users/sign_in');
    expect(document.title).toBe('From the server');
    await router.push('/-/user_settings/personal_access_tokens');
    expect(document.title).toBe('Personal access tokens · User Settings · GitLab');
  });
});
