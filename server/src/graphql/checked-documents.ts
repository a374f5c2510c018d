import {
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';

import {
  DEFAULT_DOCUMENT_LIMITS,
  executionLimitErrors,
  limitRules,
  nestedDeeperThan,
  scanSource,
  type DocumentLimits,
} from './document-limits.js';

/** Longest operation name + variables (as JSON) whose cost is kept. */
const MAX_COST_KEY_LENGTH = 2048;
/** Operation and variable combinations whose cost is kept per document, the oldest going first. */
const COSTS_PER_DOCUMENT = 64;

/** A parsed document and its validation errors (empty when valid). */
export interface CheckedDocument {
  document: DocumentNode;
  errors: readonly GraphQLError[];
}

/**
 * The one place GraphQL documents are parsed and validated, for HTTP and the cable alike:
 * every client of the sidebar sends the same few documents, so each text is parsed once and
 * each document validated once (bounded, oldest evicted first). The cost limits
 * (document-limits.ts) apply on the way: tokens and nesting before parsing, depth and aliases
 * before the standard rules, variables and estimated cost before each execution.
 */
export class CheckedDocuments {
  readonly limits: DocumentLimits;
  private readonly parsed = new Map<string, DocumentNode>();
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  /** Execution limit errors by document, then operation name and variables. */
  private readonly costs = new WeakMap<DocumentNode, Map<string, readonly GraphQLError[]>>();
  private readonly rules: ReturnType<typeof limitRules>;

  constructor(
    private readonly schema: GraphQLSchema,
    limits: Partial<DocumentLimits> = {},
    private readonly maxEntries = 500,
    /** Longest query text cached; longer ones are checked every time. */
    private readonly maxQueryLength = 16 * 1024,
  ) {
    this.limits = { ...DEFAULT_DOCUMENT_LIMITS, ...limits };
    this.rules = limitRules(this.limits);
  }

  get size(): number {
    return this.parsed.size;
  }

  /** Parsed and validated. @throws GraphQLError on a syntax error or a document over a limit */
  get(query: string): CheckedDocument {
    const document = this.parse(query);
    return { document, errors: this.validate(document) };
  }

  /** @throws GraphQLError on a syntax error, too many tokens or too deep nesting (not cached) */
  parse(query: string): DocumentNode {
    const cached = this.parsed.get(query);
    if (cached) return cached;
    scanSource(query, this.limits);
    const document = parse(query, { maxTokens: this.limits.maxTokens });
    if (query.length <= this.maxQueryLength) {
      if (this.parsed.size >= this.maxEntries) {
        const oldest = this.parsed.keys().next();
        if (!oldest.done) this.parsed.delete(oldest.value);
      }
      this.parsed.set(query, document);
    }
    return document;
  }

  /** Depth and aliases first; only a document within them meets the standard rules. */
  validate(document: DocumentNode): readonly GraphQLError[] {
    const cached = this.validated.get(document);
    if (cached) return cached;
    let errors = validate(this.schema, document, this.rules);
    if (errors.length === 0) errors = validate(this.schema, document, specifiedRules);
    this.validated.set(document, errors);
    return errors;
  }

  /**
   * What stops this execution before it starts (deep variables, cost); empty when none. The
   * cost of a document depends on its operation and variables only, and every viewer of an
   * issue sends the same: it is estimated once per document, operation and variables (a few
   * per document at most, small variables only).
   */
  executionErrors(
    document: DocumentNode,
    operationName: string | undefined | null,
    variables: Readonly<Record<string, unknown>> | undefined | null,
  ): readonly GraphQLError[] {
    const { schema, limits } = this;
    if (variables && nestedDeeperThan(variables, limits.maxVariableDepth))
      return executionLimitErrors(schema, document, operationName, variables, limits);
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
    let costs = this.costs.get(document);
    const known = costs?.get(key);
    if (known) return known;
    const errors = executionLimitErrors(schema, document, operationName, variables, limits);
    if (key.length > MAX_COST_KEY_LENGTH) return errors;
    if (!costs) {
      costs = new Map();
      this.costs.set(document, costs);
    }
    if (costs.size >= COSTS_PER_DOCUMENT) {
      const oldest = costs.keys().next();
      if (!oldest.done) costs.delete(oldest.value);
    }
    costs.set(key, errors);
    return errors;
  }
}
