import { describe, expect, it, vi } from 'vitest';

import { fakeConnection } from '../test-utils/apollo-test-context';
import { createRealtimeState } from './realtime-state';

function setup() {
  const connection = fakeConnection();
  const events = new EventTarget();
  const store = createRealtimeState(connection, events);
  const onReconnected = vi.fn();
  store.onReconnected(onReconnected);
  return { connection, events, store, onReconnected };
}

describe('createRealtimeState', () => {
  it('is connecting until the first subscription payload arrives, then live', () => {
    const { store, onReconnected } = setup();
    expect(store.state.value).toBe('connecting');

    store.callbacks.connected({ reconnected: false });
    expect(store.state.value).toBe('connecting');

    store.callbacks.received({ result: { data: {} }, more: true });
    expect(store.state.value).toBe('live');
    expect(onReconnected).not.toHaveBeenCalled();
  });

  it('is reconnecting after a disconnect while the monitor runs, and live again after a payload', () => {
    const { store, onReconnected } = setup();
    store.callbacks.connected({ reconnected: false });
    store.callbacks.received({});

    store.callbacks.disconnected();
    expect(store.state.value).toBe('reconnecting');
    // A late payload from before the drop does not make it live.
    store.callbacks.received({});
    expect(store.state.value).toBe('reconnecting');

    store.callbacks.connected({ reconnected: true });
    expect(store.state.value).toBe('reconnecting');
    expect(onReconnected).toHaveBeenCalledTimes(1);

    store.callbacks.received({});
    expect(store.state.value).toBe('live');
  });

  it('treats a confirmation after a disconnect as a reconnect even without the flag', () => {
    const { store, onReconnected } = setup();
    store.callbacks.connected({ reconnected: false });
    store.callbacks.disconnected();

    store.callbacks.connected({ reconnected: false });
    expect(onReconnected).toHaveBeenCalledTimes(1);

    // A later, ordinary confirmation (another subscription) is not a reconnect.
    store.callbacks.connected({ reconnected: false });
    expect(onReconnected).toHaveBeenCalledTimes(1);
  });

  it('is offline when the socket closed and Action Cable will not reconnect', () => {
    const { connection, store } = setup();
    store.callbacks.connected({ reconnected: false });
    store.callbacks.received({});
    connection.running = false;

    store.callbacks.disconnected();
    expect(store.state.value).toBe('offline');
  });

  it('follows the browser going offline and back online with the socket still open', () => {
    const { connection, events, store } = setup();
    store.callbacks.connected({ reconnected: false });
    store.callbacks.received({});

    events.dispatchEvent(new Event('offline'));
    expect(store.state.value).toBe('offline');

    events.dispatchEvent(new Event('online'));
    expect(store.state.value).toBe('live');
    expect(connection.reopen).not.toHaveBeenCalled();
  });

  it('reopens a closed socket when the browser comes back online', () => {
    const { connection, events, store } = setup();
    store.callbacks.connected({ reconnected: false });
    store.callbacks.received({});
    connection.opened = false;
    store.callbacks.disconnected();
    expect(store.state.value).toBe('reconnecting');
    events.dispatchEvent(new Event('offline'));

    events.dispatchEvent(new Event('online'));
    expect(store.state.value).toBe('reconnecting');
    expect(connection.reopen).toHaveBeenCalledTimes(1);
  });

  it('stops calling removed listeners and window events after dispose', () => {
    const { events, store, onReconnected } = setup();
    const other = vi.fn();
    const remove = store.onReconnected(other);
    remove();
    store.dispose();

    store.callbacks.disconnected();
    store.callbacks.connected({ reconnected: true });
    expect(other).not.toHaveBeenCalled();
    expect(onReconnected).toHaveBeenCalledTimes(1);

    events.dispatchEvent(new Event('offline'));
    expect(store.state.value).toBe('reconnecting');
  });
});

describe('createRealtimeState when real-time is turned off', () => {
  it('is disabled and ignores connection callbacks', () => {
    const store = createRealtimeState(fakeConnection(), null, { enabled: false });
    expect(store.enabled).toBe(false);
    expect(store.state.value).toBe('disabled');
    store.callbacks.connected({ reconnected: false });
    store.callbacks.received({});
    expect(store.state.value).toBe('disabled');
  });
});
