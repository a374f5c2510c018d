import { GraphQLError } from 'graphql';

import type { ExecutePayload } from '@shared/graphql/channel.js';

/** An `execute` payload checked field by field, with variables normalised to an object. */
export interface ParsedExecute {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

/**
 * Reads an `execute` payload as every graphql-ruby-client transport sends it:
 * `variables` as an object, a JSON string, '' or null/missing (→ `{}`).
 * @throws GraphQLError with a message fit for `result.errors`.
 */
export function parseExecutePayload(data: Readonly<Record<string, unknown>>): ParsedExecute {
  const { query, variables, operationName } = data as Partial<ExecutePayload>;
  if (typeof query !== 'string' || query.trim() === '') {
    throw new GraphQLError('No query string was present');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw new GraphQLError('operationName must be a string');
  }
  return {
    query,
    variables: normalizeVariables(variables),
    operationName: operationName ?? undefined,
  };
}

/** @throws GraphQLError when `value` is not an object, a JSON object string, '' or null. */
export function normalizeVariables(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null || value === '') return {};
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      throw new GraphQLError('Variables are invalid JSON');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new GraphQLError('Variables must be an object');
  }
  return parsed as Record<string, unknown>;
}
