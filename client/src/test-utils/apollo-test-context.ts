import { ApolloClient, type NormalizedCacheObject } from '@apollo/client/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

import { createCache } from '../apollo/client';
import {
  createRealtimeState,
  realtimeStateKey,
  type CableConnection,
  type RealtimeStore,
} from '../apollo/realtime-state';
import { ControllableLink } from './controllable-link';

/** A stand-in for Action Cable's connection; `opened` and `running` drive its answers. */
export function fakeConnection() {
  const state = { opened: true, running: true };
  return Object.assign(state, {
    isActive: () => state.opened,
    isOpen: () => state.opened,
    reopen: vi.fn(),
    monitor: { isRunning: () => state.running },
  }) satisfies CableConnection;
}

export interface ApolloTestContext {
  link: ControllableLink;
  client: ApolloClient<NormalizedCacheObject>;
  realtime: RealtimeStore;
  /** `global` mounting options providing the client and the realtime state. */
  global: { provide: Record<symbol, unknown> };
}

/** An ApolloClient over a {@link ControllableLink}, with the app's cache configuration. */
export function createApolloTestContext(): ApolloTestContext {
  const link = new ControllableLink();
  const client = new ApolloClient({ link, cache: createCache() });
  const realtime = createRealtimeState(fakeConnection(), null);
  return {
    link,
    client,
    realtime,
    global: { provide: { [DefaultApolloClient]: client, [realtimeStateKey]: realtime } },
  };
}

/** Fails the test when anything (Vue, Apollo) logs a warning or an error. */
export function failOnConsoleWarnings(): void {
  let warn: MockInstance<typeof console.warn>;
  let error: MockInstance<typeof console.error>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
    error = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
}
