import { inject, readonly, shallowRef, type InjectionKey, type Ref } from 'vue';

/** What the page knows about its live-update channel (Action Cable + GraphQL subscription). */
export type RealtimeState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'disabled';

/**
 * The parts of `consumer.connection` (an Action Cable `Connection`) this store reads.
 * @types/rails__actioncable does not declare them, see `cableConnection()` in cable.ts.
 */
export interface CableConnection {
  isActive(): boolean;
  isOpen(): boolean;
  reopen(): unknown;
  monitor: { isRunning(): unknown };
}

/** The callbacks graphql-ruby-client's ActionCableLink calls (its `callbacks` option). */
export interface RealtimeLinkCallbacks {
  connected(args?: { reconnected: boolean }): void;
  received(payload: unknown): void;
  disconnected(): void;
}

export interface RealtimeStore {
  /** False when the server turned real-time off: no subscriptions, state `disabled`. */
  readonly enabled: boolean;
  readonly state: Readonly<Ref<RealtimeState>>;
  /** Pass to `new ActionCableLink({ callbacks })`. */
  readonly callbacks: RealtimeLinkCallbacks;
  /**
   * Runs `listener` each time a subscription is confirmed again after the connection was lost,
   * so callers can refetch what they may have missed. Returns a function that removes it.
   */
  onReconnected(listener: () => void): () => void;
  /** Removes the window listeners. */
  dispose(): void;
}

type WindowEvents = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/**
 * Derives the connection state from real signals only:
 * - `connected` (the channel subscription is confirmed and the GraphQL subscription was sent):
 *   `connecting`, or `reconnecting` when the connection had been lost before;
 * - `received` (a subscription payload arrived, so the server has registered it): `live`;
 * - `disconnected` (the socket closed): `reconnecting` while Action Cable's connection monitor
 *   runs (it will reopen the socket), `offline` when it stopped (e.g. the server said not to);
 * - the browser's `offline` / `online` events.
 * With `enabled: false` (the server's feature flag) the state is `disabled` for good.
 */
export function createRealtimeState(
  connection: CableConnection,
  events: WindowEvents | null = typeof window === 'undefined' ? null : window,
  { enabled = true }: { enabled?: boolean } = {},
): RealtimeStore {
  const state = shallowRef<RealtimeState>(enabled ? 'connecting' : 'disabled');
  if (!enabled) {
    const ignore = () => undefined;
    return {
      enabled,
      state: readonly(state),
      callbacks: { connected: ignore, received: ignore, disconnected: ignore },
      onReconnected: () => ignore,
      dispose: ignore,
    };
  }
  const reconnectedListeners = new Set<() => void>();
  /** The socket closed and no subscription has been confirmed since. */
  let connectionLost = false;
  /** The state before the browser reported `offline`. */
  let beforeOffline: RealtimeState = 'connecting';

  const whenClosed = (): RealtimeState =>
    connection.monitor.isRunning() ? 'reconnecting' : 'offline';

  const callbacks: RealtimeLinkCallbacks = {
    connected(args) {
      const reconnected = args?.reconnected === true || connectionLost;
      connectionLost = false;
      // Not live yet: the GraphQL subscription is registered once its first payload arrives.
      state.value = reconnected ? 'reconnecting' : 'connecting';
      if (reconnected) {
        for (const listener of [...reconnectedListeners]) listener();
      }
    },
    received() {
      if (!connectionLost) state.value = 'live';
    },
    disconnected() {
      connectionLost = true;
      state.value = whenClosed();
    },
  };

  const onOffline = () => {
    if (state.value !== 'offline') beforeOffline = state.value;
    state.value = 'offline';
  };
  const onOnline = () => {
    if (state.value !== 'offline') return;
    if (!connectionLost && connection.isOpen()) {
      // The socket survived; Action Cable's monitor reopens it if it went stale meanwhile.
      state.value = beforeOffline;
      return;
    }
    state.value = whenClosed();
    if (state.value === 'reconnecting' && !connection.isActive()) connection.reopen();
  };
  events?.addEventListener('offline', onOffline);
  events?.addEventListener('online', onOnline);

  return {
    enabled,
    state: readonly(state),
    callbacks,
    onReconnected(listener) {
      reconnectedListeners.add(listener);
      return () => reconnectedListeners.delete(listener);
    },
    dispose() {
      events?.removeEventListener('offline', onOffline);
      events?.removeEventListener('online', onOnline);
    },
  };
}

export const realtimeStateKey: InjectionKey<RealtimeStore> = Symbol('realtime-state');

export function useRealtimeState(): RealtimeStore {
  const store = inject(realtimeStateKey, null);
  if (!store) throw new Error('No realtime state provided (app.provide(realtimeStateKey, …))');
  return store;
}
