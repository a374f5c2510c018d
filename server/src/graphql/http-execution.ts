import {
  execute,
  getOperationAST,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLSchema,
  type Source,
  type ValidationRule,
} from 'graphql';

import { InFlight } from '../domain/in-flight.js';
import { callerKey, type Caller } from '../permissions/principal.js';

import type { CheckedDocuments } from './checked-documents.js';
import type { GraphQLContext } from './context.js';

/**
 * The per-request GraphQL work that can be shared, for graphql-http's `parse`, `validate` and
 * `execute` options: documents are parsed, validated and held to the cost limits by the
 * {@link CheckedDocuments} the cable uses too, and identical queries that are in flight at the same time for the same viewer
 * share one execution (a page-load storm of one issue costs one set of reads, not one each).
 * Nothing is kept once an execution settles, so no answer is older than the request that asked.
 */
export interface HttpExecution {
  parse(this: void, source: string | Source): DocumentNode;
  validate(
    this: void,
    schema: GraphQLSchema,
    document: DocumentNode,
    rules?: readonly ValidationRule[],
  ): readonly GraphQLError[];
  execute(this: void, args: ExecutionArgs): ReturnType<typeof execute>;
}

export function httpExecution(documents: CheckedDocuments): HttpExecution {
  const inFlight = new InFlight<Awaited<ReturnType<typeof execute>>>();

  return {
    parse(source) {
      return documents.parse(typeof source === 'string' ? source : source.body);
    },
    // graphql-http passes the standard rules; the shared documents apply them and the limits.
    validate(_schema, document) {
      return documents.validate(document);
    },
    execute(args) {
      const refused = documents.executionErrors(
        args.document,
        args.operationName,
        args.variableValues,
      );
      if (refused.length > 0) return { errors: refused };
      const key = queryKey(args);
      if (key === null) return execute(args);
      return inFlight.run(key, () => Promise.resolve(execute(args)));
    },
  };
}

/**
 * The key under which a query may share its execution, or null when it may not (mutations,
 * custom root values). Who asks is part of it: what a query returns depends on the viewer.
 */
function queryKey(args: ExecutionArgs): string | null {
  if (args.rootValue !== undefined) return null;
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== OperationTypeNode.QUERY) return null;
  const context = args.contextValue as Partial<GraphQLContext> | undefined;
  if (!context || !('currentUser' in context)) return null;
  return `${callerKey(context as Caller)}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${documentId(args.document)}`;
}

/** A stable id per parsed document object (the parse cache returns the same object per text). */
const ids = new WeakMap<DocumentNode, number>();
let nextId = 0;
function documentId(document: DocumentNode): number {
  let id = ids.get(document);
  if (id === undefined) {
    nextId += 1;
    id = nextId;
    ids.set(document, id);
  }
  return id;
}
