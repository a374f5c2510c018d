/** Calendar dates (`YYYY-MM-DD`, no time zone), as GitLab stores due dates. */

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30), years 1000 to 9999. */
export function isCalendarDate(value: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
