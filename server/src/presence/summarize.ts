import { ANONYMOUS_FIELD } from './local-viewers.js';

/** Distinct user ids (ascending) and the anonymous total of field counts (`u:<id>`, `anon`). */
export function summarize(counts: Iterable<[string, number]>): {
  userIds: number[];
  anonymousCount: number;
} {
  const userIds = new Set<number>();
  let anonymousCount = 0;
  for (const [field, count] of counts) {
    if (count <= 0) continue;
    if (field === ANONYMOUS_FIELD) anonymousCount += count;
    else if (field.startsWith('u:')) userIds.add(Number(field.slice(2)));
  }
  return { userIds: [...userIds].sort((a, b) => a - b), anonymousCount };
}
