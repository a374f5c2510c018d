import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

import IssueView from './issue/IssueView.vue';
import NotFoundView from './NotFoundView.vue';
import { DEFAULT_ISSUE_PATH } from './paths';

function param(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: DEFAULT_ISSUE_PATH },
  {
    path: '/:fullPath(.*)/-/issues/:iid',
    name: 'issue',
    component: IssueView,
    props: (route) => ({ fullPath: param(route.params.fullPath), iid: param(route.params.iid) }),
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
];

export const router = createRouter({ history: createWebHistory(), routes });
