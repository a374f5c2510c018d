import { computed, onScopeDispose, ref } from 'vue';

import { timeAgo } from '../../issue/timeAgo';

/**
 * "Last changed by Alice Liddell 2 minutes ago": who last changed the issue and how long ago,
 * the relative time re-rendered every 30 seconds. Null when the issue does not say who.
 */
export function useLastChanged(by: () => { name: string } | null, at: () => string) {
  const now = ref(Date.now());
  const clock = setInterval(() => {
    now.value = Date.now();
  }, 30_000);
  onScopeDispose(() => clearInterval(clock));
  return computed(() => {
    const who = by();
    return who ? { name: who.name, ago: timeAgo(at(), Math.max(now.value, Date.now())) } : null;
  });
}
