import { GraphQLError } from 'graphql';

import { normalizeVariables } from '../../graphql/subscriptions/execute-payload.js';

/** The operation GitLab's own ActionCableLink puts inside the subscribe identifier. */
export interface IdentifierOperation {
  query: unknown;
  variables: Record<string, unknown>;
  operationName: unknown;
}

/**
 * GitLab's link (app/assets/javascripts/actioncable_link.js) subscribes with
 * `{"channel":"GraphqlChannel","query":…,"variables":…,"operationName":…,"nonce":<uuid>}` and
 * sends no `execute` action. graphql-ruby-client's link sends only `channelId`: no `query` key
 * at all, so the presence of the key tells the two styles apart.
 *
 * Returns null for graphql-ruby-client's style, the operation for GitLab's (the `nonce` is
 * dropped here: it only makes identifiers unique, and must never split a group), or the
 * message of a variables error, which GitLab answers as `{"errors":[{"message":…}]}`.
 */
export function operationOfIdentifier(
  params: Readonly<Record<string, unknown>>,
): IdentifierOperation | { variablesError: string } | null {
  if (!Object.hasOwn(params, 'query')) return null;
  let variables: Record<string, unknown>;
  try {
    variables = normalizeVariables(params.variables);
  } catch (error) {
    if (error instanceof GraphQLError) return { variablesError: error.message };
    throw error;
  }
  return { query: params.query, variables, operationName: params.operationName };
}
