import {
  createRouter,
  createWebHistory,
  START_LOCATION,
  type RouteLocationNormalized,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';

import { pageTitles } from '@shared/page-titles';
import {
  ADMIN_FEATURE_FLAGS_PATH,
  matchPage,
  PERSONAL_ACCESS_TOKENS_PATH,
  SIGN_IN_PATH,
} from '@shared/pages';

import FeatureFlagsView from './admin/FeatureFlagsView.vue';
import IssueListView from './issue/IssueListView.vue';
import IssueView from './issue/IssueView.vue';
import NewIssueView from './issue/new/NewIssueView.vue';
import NotFoundView from './NotFoundView.vue';
import { DEFAULT_ISSUE_PATH } from './paths';
import PersonalAccessTokensView from './user/PersonalAccessTokensView.vue';
import SignInView from './user/SignInView.vue';
import UserView from './user/profile/UserView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** The document title of a page whose title needs no data (the others set theirs). */
    title?: string;
  }
}

function param(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

/** The not-found page at the same URL (the address bar keeps what the person typed). */
function notFound(to: RouteLocationNormalized) {
  return {
    name: 'not-found',
    params: { pathMatch: to.path.slice(1).split('/') },
    query: to.query,
    hash: to.hash,
  };
}

/** The pages of shared/pages.ts (the server's table): router.test.ts keeps the two in step. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: DEFAULT_ISSUE_PATH },
  {
    path: SIGN_IN_PATH,
    name: 'sign-in',
    component: SignInView,
    meta: { title: pageTitles.signIn() },
  },
  // Signed-in users only: the page sends anonymous visitors to sign in (the API answers 401).
  {
    path: PERSONAL_ACCESS_TOKENS_PATH,
    name: 'personal-access-tokens',
    component: PersonalAccessTokensView,
    meta: { title: pageTitles.personalAccessTokens() },
  },
  // Administrators only: the API answers 403 to others and the page says so.
  {
    path: ADMIN_FEATURE_FLAGS_PATH,
    name: 'admin-feature-flags',
    component: FeatureFlagsView,
    meta: { title: pageTitles.featureFlags() },
  },
  {
    path: '/:fullPath(.*)/-/issues',
    name: 'issues',
    component: IssueListView,
    props: (route) => ({ fullPath: param(route.params.fullPath) }),
  },
  // Before the issue route, and an iid is digits only: `new` is never taken for an iid.
  {
    path: '/:fullPath(.*)/-/issues/new',
    name: 'new-issue',
    component: NewIssueView,
    props: (route) => ({ fullPath: param(route.params.fullPath) }),
  },
  {
    path: '/:fullPath(.*)/-/issues/:iid(\\d+)',
    name: 'issue',
    component: IssueView,
    props: (route) => ({ fullPath: param(route.params.fullPath), iid: param(route.params.iid) }),
  },
  // GitLab's user page. Reserved first segments (`/admin`, `/users`, `/-`…) are no usernames.
  {
    path: '/:username',
    name: 'user',
    component: UserView,
    props: (route) => ({ username: param(route.params.username) }),
    beforeEnter: (to) => (matchPage(to.path).name === 'user' ? true : notFound(to)),
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes });
  router.afterEach((to, from) => {
    // The first page's title came with its HTML (the server knows it); later pages set theirs:
    // fixed ones here, the others once their data is there (usePageTitle).
    if (from === START_LOCATION) return;
    document.title = to.meta.title ?? pageTitles.home();
  });
  return router;
}

export const router = createAppRouter();
