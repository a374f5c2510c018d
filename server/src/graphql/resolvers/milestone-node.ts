import type { MilestoneRecord } from '../../domain/types.js';

/** A milestone as the API resolves it: with its project's path, for `webPath`. */
export interface MilestoneNode extends MilestoneRecord {
  projectFullPath: string;
}

/** Today's date in UTC, `YYYY-MM-DD` (dates have no time zone; the server's day is UTC's). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
