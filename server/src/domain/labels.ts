/**
 * Label rules as GitLab has them: scoped labels (`priority::high`) are exclusive within their
 * scope, and a label's text colour is derived from its background.
 */
import type { LabelRecord } from './types.js';

/** The scope of a scoped label (the title before its last `::`), or null. */
export function labelScope(title: string): string | null {
  const at = title.lastIndexOf('::');
  return at > 0 ? title.slice(0, at) : null;
}

/**
 * The label ids an issue ends with: `set` (or the current ones) plus `add`, minus `remove`; then
 * at most one label per scope, the one just added winning over one the issue had (and the last
 * of several added in one request), as GitLab keeps it.
 */
export function nextLabelIds(
  current: readonly LabelRecord[],
  change: { set?: readonly number[]; add?: readonly number[]; remove?: readonly number[] },
  known: ReadonlyMap<number, LabelRecord>,
): number[] {
  const before = new Set(current.map((label) => label.id));
  const removed = new Set(change.remove ?? []);
  const ids = [...new Set([...(change.set ?? before), ...(change.add ?? [])])].filter(
    (id) => !removed.has(id),
  );
  const titleOf = (id: number) =>
    known.get(id)?.title ?? current.find((label) => label.id === id)?.title ?? '';
  // Per scope, the winner: the last new label of the scope, else the last one it already had.
  const winner = new Map<string, number>();
  for (const id of ids) {
    const scope = labelScope(titleOf(id));
    if (scope === null) continue;
    const held = winner.get(scope);
    if (held === undefined || !before.has(id) || before.has(held)) winner.set(scope, id);
  }
  return ids.filter((id) => {
    const scope = labelScope(titleOf(id));
    return scope === null || winner.get(scope) === id;
  });
}

/**
 * The text colour for a label: white or black, whichever contrasts more with the background.
 * GitLab's helper splits at a perceived-luminance threshold instead, which leaves mid-tones such
 * as `#d9534f` with white text at 4:1; the larger WCAG contrast of the two is always 4.5:1 or
 * more (axe's `color-contrast` rule for the 12 px chips).
 */
export function labelTextColor(color: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return '#FFFFFF';
  const luminance = relativeLuminance(match.slice(1).map((hex) => parseInt(hex, 16) / 255));
  const onWhite = 1.05 / (luminance + 0.05);
  const onBlack = (luminance + 0.05) / 0.05;
  return onWhite >= onBlack ? '#FFFFFF' : '#000000';
}

/** WCAG 2's relative luminance of an sRGB colour (channels 0..1). */
export function relativeLuminance([r = 0, g = 0, b = 0]: readonly number[]): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The named labels the project has, by id, or the error naming those it has not. */
export function resolveLabels(
  found: readonly LabelRecord[],
  request: { set?: readonly number[]; add?: readonly number[]; remove?: readonly number[] },
): Map<number, LabelRecord> | string[] {
  const byId = new Map(found.map((label) => [label.id, label]));
  const unknown = namedLabelIds(request).filter((id) => !byId.has(id));
  return unknown.length > 0 ? [`Labels not found: ${unknown.join(', ')}`] : byId;
}

/** Every label id a request names, once each. */
export function namedLabelIds(request: {
  set?: readonly number[];
  add?: readonly number[];
  remove?: readonly number[];
}): number[] {
  return [...new Set([...(request.set ?? []), ...(request.add ?? []), ...(request.remove ?? [])])];
}
