import type { ExecutionResult } from 'graphql';
import type { Logger } from 'pino';

import type { GraphQLResultJson } from '@shared/graphql/channel.js';

import { maskError } from '../mask-error.js';

/** An execution result as it goes on the wire: server faults masked (and logged), data as is. */
export function resultJson(result: ExecutionResult, logger: Logger): GraphQLResultJson {
  const json: GraphQLResultJson = {};
  if (result.data !== undefined) json.data = result.data;
  if (result.errors) json.errors = result.errors.map((error) => maskError(error, logger).toJSON());
  return json;
}
