/**
 * Said when an edit based on an older version of the issue is refused (`expectedUpdatedAt`):
 * someone saved in between, and saving now could remove their change. Server and client share it,
 * so the client can tell this refusal from others.
 */
export const CONCURRENT_EDIT_MESSAGE =
  'Someone edited the issue at the same time you did, so nothing was saved. Check their changes, then save again.';
