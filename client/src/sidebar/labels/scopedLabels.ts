/** The scope of a scoped label (`priority` of `priority::high`), or null for a plain label. */
export function scopeOf(title: string): string | null {
  const at = title.lastIndexOf('::');
  return at > 0 ? title.slice(0, at) : null;
}

/**
 * The selection after the user toggles `label`, as GitLab's dropdown does it: a selected label
 * goes; a new scoped label replaces any selected label of the same scope (one per scope).
 */
export function toggleLabel<L extends { id: string; title: string }>(
  selection: readonly L[],
  label: L,
): L[] {
  if (selection.some((item) => item.id === label.id)) {
    return selection.filter((item) => item.id !== label.id);
  }
  const scope = scopeOf(label.title);
  const kept =
    scope === null ? selection : selection.filter((item) => scopeOf(item.title) !== scope);
  return [...kept, label];
}

/** A comparable key of a set of labels (order does not matter). */
export const labelSetKey = (labels: readonly { id: string }[]) =>
  labels
    .map((label) => label.id)
    .sort()
    .join(',');
