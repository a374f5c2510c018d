import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';

import { setCsrfToken } from '../bootstrap';

/**
 * For pages that talk to the REST API with fetch: answers queued per `METHOD path` (a call with
 * no answer queued fails the test), a CSRF token on the page, and a mount inside a router that
 * also knows the sign-in page (where a 401 sends the visitor).
 */
export function useRestMock() {
  const state: { fetch: Mock<typeof fetch>; answers: Map<string, Response[]> } = {
    fetch: vi.fn<typeof fetch>(),
    answers: new Map(),
  };
  beforeEach(() => {
    state.answers = new Map();
    state.fetch = vi.fn<typeof fetch>((input, init) => {
      const key = `${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()}`;
      const next = state.answers.get(key)?.shift();
      return next ? Promise.resolve(next) : Promise.reject(new Error(`unexpected ${key}`));
    });
    vi.stubGlobal('fetch', state.fetch);
    setCsrfToken('csrf-123');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return {
    /** Queues the response to the next `method path` call. */
    answer: (method: string, path: string, status: number, body?: unknown): void => {
      const key = `${method} ${path}`;
      const response = new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
      state.answers.set(key, [...(state.answers.get(key) ?? []), response]);
    },
    /** The fetch calls made so far to `method path`. */
    calls: (method: string, path: string) =>
      state.fetch.mock.calls.filter(
        ([url, init]) => url === path && (init?.method ?? 'GET') === method,
      ),
    get fetch() {
      return state.fetch;
    },
  };
}

/** Mounts `page` at `path` in a memory router, and waits for its first requests to settle. */
export async function mountRestPage(path: string, page: Component) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path, component: page },
      { path: '/users/sign_in', component: { template: '<p>sign in</p>' } },
    ],
  });
  await router.push(path);
  const wrapper = mount(page, { global: { plugins: [router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}
