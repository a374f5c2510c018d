/**
 * Issues are versioned by `updatedAt`: every change moves it forward (by at least 1 ms), and the
 * server never pushes an older state after a newer one. As defence in depth the client also
 * refuses to go back: a state older than the one shown is ignored, in the normalized cache (a
 * pushed result is written there by `id` before any `updateQuery` runs) and when a push is
 * merged into the issue query. An equal version is applied: a change beside the issue's own
 * fields (an assignee's status) keeps it.
 */
export function isOlderVersion(shown: unknown, incoming: unknown): boolean {
  const [shownAt, incomingAt] = [timeOf(shown), timeOf(incoming)];
  return shownAt !== undefined && incomingAt !== undefined && incomingAt < shownAt;
}

/** Milliseconds of an ISO 8601 `updatedAt`; undefined when absent or unreadable (not compared). */
function timeOf(updatedAt: unknown): number | undefined {
  if (typeof updatedAt !== 'string') return undefined;
  const time = Date.parse(updatedAt);
  return Number.isNaN(time) ? undefined : time;
}
