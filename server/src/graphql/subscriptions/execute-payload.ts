import { GraphQLError } from 'graphql';

import type { ExecutePayload } from '@shared/graphql/channel.js';
import { parseJsonObject } from '@shared/json-object.js';

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
  if (typeof value === 'string') {
    const parsed = parseJsonObject(value);
    if (parsed.ok) return parsed.value;
    throw new GraphQLError(
      parsed.problem === 'not-json' ? 'Variables are invalid JSON' : 'Variables must be an object',
    );
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new GraphQLError('Variables must be an object');
  }
  return value as Record<string, unknown>;
}
