/**
 * graphql-ruby's GraphqlChannel contract as ActionCableLink speaks it
 * (rmosolgo/graphql-ruby: javascript_client/src/subscriptions/ActionCableLink.ts).
 */

/** The channel class name clients put in the identifier. */
export const GRAPHQL_CHANNEL = 'GraphqlChannel';

/** The action ActionCableLink performs with each operation. */
export const EXECUTE_ACTION = 'execute';

/** The decoded `data` of an `execute` message. `variables` may arrive as an object, a JSON string, '' or null. */
export interface ExecutePayload {
  query?: string | null;
  variables?: Record<string, unknown> | string | null;
  operationName?: string | null;
  operationId?: string | null;
  action: typeof EXECUTE_ACTION;
}

/** A GraphQL error as JSON (graphql-js' GraphQLFormattedError). */
export interface GraphQLErrorJson {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: Readonly<Record<string, unknown>>;
}

/** A GraphQL response as JSON. */
export interface GraphQLResultJson {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLErrorJson[];
  extensions?: Record<string, unknown>;
}

/** What the channel transmits: `more: false` completes the client's observable. */
export interface ChannelResult {
  result?: GraphQLResultJson;
  more: boolean;
}
