import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

/**
 * GraphQLErrors are answers (bad input, not found) and reach the caller as they are.
 * Any other exception inside a resolver is a server fault: it is logged with its stack and the
 * caller gets "Internal server error" at the same path, never the internal message.
 * Used by HTTP (graphql-http's formatError) and the cable alike.
 */
export function maskError(error: GraphQLError, logger: Logger): GraphQLError {
  const original = error.originalError;
  if (!original || original instanceof GraphQLError) return error;
  logger.error({ err: original, path: error.path }, 'GraphQL resolver failed');
  return new GraphQLError('Internal server error', { nodes: error.nodes, path: error.path });
}
