import { describe, expect, it } from 'vitest';

import { matchPage } from './pages.js';

describe('matchPage', () => {
  it.each([
    ['/', { name: 'home' }],
    ['/users/sign_in', { name: 'sign-in' }],
    ['/users/sign_in/', { name: 'sign-in' }],
    ['/-/user_settings/personal_access_tokens', { name: 'personal-access-tokens' }],
    ['/admin/feature_flags', { name: 'admin-feature-flags' }],
    ['/gitlab-org/gitlab-test/-/issues', { name: 'issues', fullPath: 'gitlab-org/gitlab-test' }],
    ['/a/b/c/-/issues/', { name: 'issues', fullPath: 'a/b/c' }],
    [
      '/gitlab-org/gitlab-test/-/issues/new',
      { name: 'new-issue', fullPath: 'gitlab-org/gitlab-test' },
    ],
    [
      '/gitlab-org/gitlab-test/-/issues/12',
      { name: 'issue', fullPath: 'gitlab-org/gitlab-test', iid: '12' },
    ],
    ['/alice', { name: 'user', username: 'alice' }],
    ['/alice.smith_2', { name: 'user', username: 'alice.smith_2' }],
  ])('%s', (path, route) => {
    expect(matchPage(path)).toEqual(route);
  });

  it.each([
    '/admin',
    '/users',
    '/-',
    '/api',
    '/users/sign_in/extra',
    '/gitlab-test/-/issues', // a project path has a namespace
    '/gitlab-org/gitlab-test/-/issues/abc',
    '/gitlab-org/gitlab-test/-/issues/1234567890',
    '/gitlab-org/gitlab-test/-/issues/1/extra',
    '/gitlab-org/gitlab-test',
    '/-/issues',
    '/.hidden',
    '/a%2Fb',
    '//evil.example',
    `/${'a'.repeat(300)}`,
  ])('%s is no page', (path) => {
    expect(matchPage(path)).toEqual({ name: 'not-found' });
  });
});
