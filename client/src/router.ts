import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

import { ADMIN_FEATURE_FLAGS_PATH } from './admin/featureFlags';
import FeatureFlagsView from './admin/FeatureFlagsView.vue';
import IssueListView from './issue/IssueListView.vue';
import IssueView from './issue/IssueView.vue';
import NotFoundView from './NotFoundView.vue';
import { DEFAULT_ISSUE_PATH } from './paths';
import { PERSONAL_ACCESS_TOKENS_PATH } from './user/personalAccessTokens';
import PersonalAccessTokensView from './user/PersonalAccessTokensView.vue';
import SignInView from './user/SignInView.vue';

function param(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: DEFAULT_ISSUE_PATH },
  { path: '/users/sign_in', name: 'sign-in', component: SignInView },
  // Signed-in users only: the page sends anonymous visitors to sign in (the API answers 401).
  {
    path: PERSONAL_ACCESS_TOKENS_PATH,
    name: 'personal-access-tokens',
    component: PersonalAccessTokensView,
  },
  // Administrators only: the API answers 403 to others and the page says so.
  { path: ADMIN_FEATURE_FLAGS_PATH, name: 'admin-feature-flags', component: FeatureFlagsView },
  {
    path: '/:fullPath(.*)/-/issues',
    name: 'issues',
    component: IssueListView,
    props: (route) => ({ fullPath: param(route.params.fullPath) }),
  },
  {
    path: '/:fullPath(.*)/-/issues/:iid',
    name: 'issue',
    component: IssueView,
    props: (route) => ({ fullPath: param(route.params.fullPath), iid: param(route.params.iid) }),
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
];

export const router = createRouter({ history: createWebHistory(), routes });
