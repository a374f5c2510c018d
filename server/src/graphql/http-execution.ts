import {
  execute,
  getOperationAST,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLSchema,
  type Source,
  type ValidationRule,
} from 'graphql';

import { InFlight } from '../domain/in-flight.js';
import { callerKey, type Caller } from '../permissions/principal.js';

import type { GraphQLContext } from './context.js';

/**
 * The per-request GraphQL work that can be shared, for graphql-http's `parse`, `validate` and
 * `execute` options: every sidebar sends the same few documents, so they are parsed and
 * validated once, and identical queries that are in flight at the same time for the same viewer
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

export function httpExecution(maxDocuments = 500, maxQueryLength = 16 * 1024): HttpExecution {
  const documents = new Map<string, DocumentNode>();
  /** Validation errors per document; only for the default rules (what graphql-http passes). */
  const validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  const inFlight = new InFlight<Awaited<ReturnType<typeof execute>>>();

  return {
    parse(source) {
      if (typeof source !== 'string') return parse(source);
      const cached = documents.get(source);
      if (cached) return cached;
      const document = parse(source); // a syntax error throws and is not cached
      if (source.length <= maxQueryLength) {
        if (documents.size >= maxDocuments) {
          const oldest = documents.keys().next();
          if (!oldest.done) documents.delete(oldest.value);
        }
        documents.set(source, document);
      }
      return document;
    },
    validate(schema, document, rules) {
      const cached = validated.get(document);
      if (cached) return cached;
      const errors = validate(schema, document, rules);
      validated.set(document, errors);
      return errors;
    },
    execute(args) {
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
