import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

/** A parsed document and its validation errors (empty when valid). */
export interface CheckedDocument {
  document: DocumentNode;
  errors: readonly GraphQLError[];
}

/**
 * Parses and validates query strings once: every client of the sidebar sends the same
 * document, so a reconnect storm should not re-parse it thousands of times. Bounded, with the
 * oldest entry evicted first; parse errors are not cached (they throw).
 */
export class DocumentCache {
  private readonly entries = new Map<string, CheckedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly maxEntries = 500,
    /** Longest query text cached; longer ones are checked every time. */
    private readonly maxQueryLength = 16 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** @throws GraphQLError on a syntax error */
  get(query: string): CheckedDocument {
    const cached = this.entries.get(query);
    if (cached) return cached;
    const document = parse(query);
    const checked = { document, errors: validate(this.schema, document) };
    if (query.length <= this.maxQueryLength) {
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(query, checked);
    }
    return checked;
  }
}
