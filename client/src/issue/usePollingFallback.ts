import { onScopeDispose, shallowRef, watch, type Ref } from 'vue';

import type { RealtimeState } from '../apollo/realtime-state';

export const POLL_INTERVAL_MS = 10_000;
/** How long `connecting` may last before the page stops waiting for the cable and polls. */
export const CONNECT_GRACE_MS = 8_000;

/**
 * Keeps the page fresh without pushes: while real-time is off, lost (reconnecting / offline) or
 * still not connected after a grace period, calls `refresh` every 10 s, paused while the tab is
 * hidden and once more as soon as it becomes visible again.
 */
export function usePollingFallback(
  state: Readonly<Ref<RealtimeState>>,
  refresh: () => void,
  { intervalMs = POLL_INTERVAL_MS, graceMs = CONNECT_GRACE_MS } = {},
) {
  const polling = shallowRef(false);
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
  const tick = () => {
    if (visible()) refresh();
  };
  const onVisibilityChange = () => {
    if (polling.value && visible()) refresh();
  };

  function stop() {
    clearTimeout(graceTimer);
    clearInterval(pollTimer);
    graceTimer = undefined;
    pollTimer = undefined;
    polling.value = false;
  }

  function start() {
    if (pollTimer !== undefined) return;
    clearTimeout(graceTimer);
    polling.value = true;
    pollTimer = setInterval(tick, intervalMs);
  }

  watch(
    state,
    (current) => {
      if (current === 'live') stop();
      else if (current === 'connecting') {
        if (pollTimer === undefined && graceTimer === undefined) {
          graceTimer = setTimeout(start, graceMs);
        }
      } else start();
    },
    { immediate: true },
  );

  document.addEventListener('visibilitychange', onVisibilityChange);
  onScopeDispose(() => {
    stop();
    document.removeEventListener('visibilitychange', onVisibilityChange);
  });

  return { polling, intervalSeconds: Math.round(intervalMs / 1000) };
}
