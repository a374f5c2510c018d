import { GraphQLError } from 'graphql';

import type { AccountRecord } from '../domain/identity.js';

/** Who is asking: the account (or null) and whether its credentials may only read. */
export interface Principal {
  account: AccountRecord | null;
  /** True for `read_api` tokens. Anonymous visitors are not read-only: permissions decide. */
  readOnly: boolean;
}

export const ANONYMOUS: Principal = { account: null, readOnly: false };

/** What the checks read of a request's or a subscriber's GraphQL context. */
// A type alias (not an interface) so GraphQLContext stays Record-shaped for graphql-http.
export type Caller = {
  /** Null for anonymous visitors. */
  readonly currentUser: AccountRecord | null;
  /** False for `read_api` tokens: they may read and subscribe, not change anything. */
  readonly canWrite: boolean;
};

/**
 * The caller as a key: equal for two callers to whom every answer is the same (same user, same
 * scope). Shared executions of viewer-dependent results are keyed by it.
 */
export function callerKey({ currentUser, canWrite }: Caller): string {
  return `${currentUser ? `user:${currentUser.id}` : 'anonymous'}:${canWrite ? 'rw' : 'ro'}`;
}

/** `read_api` tokens may read and subscribe, never change anything (GitLab's scope rule). */
export function assertCanWrite({ canWrite }: Caller): void {
  if (!canWrite) {
    throw new GraphQLError('Insufficient scope: this token has read_api and cannot change data', {
      extensions: { code: 'insufficient_scope' },
    });
  }
}
