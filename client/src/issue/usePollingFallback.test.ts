import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, shallowRef } from 'vue';

import type { RealtimeState } from '../apollo/realtime-state';
import { usePollingFallback } from './usePollingFallback';

afterEach(() => {
  vi.useRealTimers();
});

function setup(initial: RealtimeState) {
  vi.useFakeTimers();
  const state = shallowRef<RealtimeState>(initial);
  const refresh = vi.fn();
  const scope = effectScope();
  const result = scope.run(() => usePollingFallback(state, refresh))!;
  return { state, refresh, scope, ...result };
}

describe('usePollingFallback', () => {
  it('polls every 10 s while real-time is disabled', () => {
    const { refresh, polling, scope } = setup('disabled');
    expect(polling.value).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    scope.stop();
    vi.advanceTimersByTime(30_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('starts when the cable stays unreachable and stops once live', async () => {
    const { state, refresh, polling } = setup('connecting');
    vi.advanceTimersByTime(7_000);
    expect(polling.value).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(polling.value).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(1);

    state.value = 'live';
    await nextTick();
    expect(polling.value).toBe(false);
    vi.advanceTimersByTime(30_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('pauses while the tab is hidden and refreshes when it is shown again', () => {
    const { refresh } = setup('offline');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    vi.advanceTimersByTime(30_000);
    expect(refresh).not.toHaveBeenCalled();

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(refresh).toHaveBeenCalledTimes(1);
    visibility.mockRestore();
  });
});
