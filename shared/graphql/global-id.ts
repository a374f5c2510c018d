/**
 * GitLab-style global IDs: `gid://gitlab/<Type>/<id>`.
 * Topics are keyed on the exact string, so every GID is built here.
 */

const APP = 'gitlab';
export type GlobalIdType = 'Issue' | 'User' | 'Project' | 'ProjectLabel' | 'Milestone';

/** Builds `gid://gitlab/<type>/<id>`. */
export function toGlobalId(type: GlobalIdType, id: number | string): string {
  return `gid://${APP}/${type}/${id}`;
}

const GID_PATTERN = /^gid:\/\/([a-z0-9_-]+)\/([A-Za-z][A-Za-z0-9:]*)\/(\d{1,15})$/;

/**
 * Parses a GID of the expected type into its numeric id.
 * Returns null for anything else (another type, another app, not a GID, out of range),
 * so callers can answer "not found" without revealing why.
 */
export function parseGlobalId(gid: string, type: GlobalIdType): number | null {
  const match = GID_PATTERN.exec(gid);
  if (!match || match[1] !== APP || match[2] !== type) return null;
  const id = Number(match[3]);
  // Past PostgreSQL's `integer` no record exists, and the query itself would fail.
  return Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}
