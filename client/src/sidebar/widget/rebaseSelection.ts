/**
 * Replays a change to a selection on another version of it: what `changed` removed from `base`
 * goes from `onto`, what it added is appended. Used to rebase a failed save on the state as it
 * is now (a retry), and to take someone else's change into an open draft.
 */
export function rebaseSelection<T>(
  base: readonly T[],
  changed: readonly T[],
  onto: readonly T[],
  key: (item: T) => string,
): T[] {
  const before = new Set(base.map(key));
  const after = new Set(changed.map(key));
  const kept = onto.filter((item) => !before.has(key(item)) || after.has(key(item)));
  const present = new Set(kept.map(key));
  return [...kept, ...changed.filter((item) => !before.has(key(item)) && !present.has(key(item)))];
}
