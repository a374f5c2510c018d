import { Lexer, print, Source, TokenKind, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import * as operations from '@shared/graphql/generated/operations.js';

import { CheckedDocuments } from './checked-documents.js';
import { DEFAULT_DOCUMENT_LIMITS } from './document-limits.js';
import { buildSchema } from './schema.js';

const schema = buildSchema();
const documents = new CheckedDocuments(schema);

const appDocuments = Object.entries(operations)
  .filter(([name]) => name.endsWith('Document'))
  .map(([name, document]) => [name, print(document as DocumentNode)] as const);

function tokenCount(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** What a document costs against a set of limits with one of them set to `value`. */
function refusalWith(text: string, limit: keyof typeof DEFAULT_DOCUMENT_LIMITS, value: number) {
  const tight = new CheckedDocuments(schema, { [limit]: value });
  try {
    const { document, errors } = tight.get(text);
    return [...errors, ...tight.executionErrors(document, undefined, {})].map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

describe('document limits', () => {
  it.each(appDocuments)('the app document %s is far within every default', (_name, text) => {
    const { document, errors } = documents.get(text);
    expect(errors).toEqual([]);
    expect(documents.executionErrors(document, undefined, {})).toEqual([]);
    // "Far within": a tenth of the token and alias limits, a third of depth and cost (depth counts fields, not fragments).
    expect(tokenCount(text)).toBeLessThan(DEFAULT_DOCUMENT_LIMITS.maxTokens / 10);
    expect(refusalWith(text, 'maxDepth', 7)).toEqual([]);
    expect(refusalWith(text, 'maxCost', DEFAULT_DOCUMENT_LIMITS.maxCost / 3)).toEqual([]);
  });

  it('refuses too many tokens before parsing, naming the limit', () => {
    const bomb = `{ ${Array.from({ length: 6000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(() => documents.parse(bomb)).toThrow(/more than 5000 tokens \(limit maxTokens\)/);
  });

  it('refuses deep nesting before parsing, at any depth, without overflowing the stack', () => {
    for (const depth of [41, 5_000, 20_000]) {
      const deep = `{${'project(fullPath: "x") {'.repeat(depth)}${'}'.repeat(depth + 1)}`;
      expect(() => documents.parse(deep)).toThrow(/more than 40 deep \(limit maxDepth 20\)/);
    }
  });

  it('refuses depth through fragments and too many aliases in validation', () => {
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on Issue { author { id } updatedBy { ...F${i + 1} } }`,
    ).join('\n');
    const chain = `{ project(fullPath: "x") { issue(iid: "1") { ...F0 } } }\n${fragments}\nfragment F20 on UserCore { id }`;
    expect(refusalWith(chain.replaceAll('on Issue', 'on Issue'), 'maxDepth', 15)).toEqual(
      expect.arrayContaining([expect.stringMatching(/depth limit of 15 exceeded.*maxDepth/)]),
    );
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: currentUser { id }`).join(' ')} }`;
    expect(refusalWith(aliases, 'maxAliases', 30)).toEqual([
      expect.stringMatching(/Aliases limit of 30 exceeded, found 31.*maxAliases/),
    ]);
  });

  it('estimates cost from list sizes and nesting, variables included', () => {
    const query = `query($n: Int) { project(fullPath: "x") { issues(first: $n) { nodes { assignees { nodes { id } } } } } }`;
    const { document, errors } = documents.get(query);
    expect(errors).toEqual([]);
    expect(documents.executionErrors(document, undefined, { n: 10 })).toEqual([]);
    expect(documents.executionErrors(document, undefined, { n: 10_000 })[0]?.message).toMatch(
      /Query cost \d+ exceeds the limit of 250000 \(limit maxCost\)/,
    );
  });

  it('estimates the cost once per document, operation and variables, and again for others', () => {
    const query = `query($n: Int) { project(fullPath: "x") { issues(first: $n) { nodes { id } } } }`;
    const { document } = documents.get(query);
    const refused = documents.executionErrors(document, undefined, { n: 100_000 });
    expect(refused).toHaveLength(1);
    // The same answer object: nothing was estimated again.
    expect(documents.executionErrors(document, undefined, { n: 100_000 })).toBe(refused);
    expect(documents.executionErrors(document, undefined, { n: 5 })).toEqual([]);
    expect(documents.executionErrors(document, undefined, { n: 100_000 })).toBe(refused);
  });

  it('refuses deeply nested variables without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i += 1) deep = [deep];
    const { document } = documents.get('query($id: IssueID!) { __typename }');
    expect(documents.executionErrors(document, undefined, { id: deep })[0]?.message).toBe(
      'Variables are nested more than 16 deep (limit maxVariableDepth)',
    );
  });
});
