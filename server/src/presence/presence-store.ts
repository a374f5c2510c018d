import type { ViewerField } from './local-viewers.js';

/** An issue's viewers as stored, across every live process. */
export interface StoredViewers {
  /** The issue's change number when read: orders pushes (never below an earlier one). */
  version: number;
  /** Distinct signed-in users, ascending. */
  userIds: number[];
  anonymousCount: number;
}

/** The answer to a push claim. */
export type PushClaim =
  | { kind: 'clean' } // a push that covered this change went out already
  | { kind: 'wait'; ms: number } // another push went out within the interval: try again then
  | { kind: 'push'; viewers: StoredViewers }; // this caller pushes `viewers` now

/**
 * Where every process keeps its viewer counts (in this process for the embedded default, in
 * Redis with expiring entries for several). Each process writes only its own entries, as
 * deltas (O(1) per change); entries of a process that stops renewing them expire.
 */
export interface PresenceStore {
  /** Adds this process's count changes for an issue; resolves with the issue's change number. */
  change(issueId: number, deltas: ReadonlyMap<ViewerField, number>): Promise<number>;
  /** Sets this process's counts for an issue outright (after its entries were lost). */
  replace(issueId: number, counts: ReadonlyMap<ViewerField, number>): Promise<number>;
  /**
   * Renews this process's entries of the issues it has viewers of, and looks for expired
   * processes on those and on the issues whose viewers it only watches. Resolves with the
   * issues that need a push because another process's entries expired (with their new change
   * number), and the issues whose entries of this process were gone (write them again).
   */
  renew(
    viewed: readonly number[],
    watched: readonly number[],
  ): Promise<{ expired: Map<number, number>; lost: number[] }>;
  /** Claims the issue's push if change `seq` was not pushed yet, at most one per interval. */
  claimPush(issueId: number, seq: number): Promise<PushClaim>;
  read(issueId: number): Promise<StoredViewers>;
  /** Removes this process's entries (flag off, shutdown). */
  clear(issueIds: readonly number[]): Promise<void>;
  close(): Promise<void>;
}
