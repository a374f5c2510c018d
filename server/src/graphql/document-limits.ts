import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  isListType,
  getNamedType,
  getNullableType,
  getOperationAST,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What one GraphQL document may cost, on every entry point (HTTP and cable). The defaults are
 * far above what the app's and GitLab's sidebar documents need (largest: about 160 tokens,
 * depth 5, no aliases, cost 31,000 for the project's issue list); see docs/operations.md.
 */
export interface DocumentLimits {
  /** Lexical tokens; counted before parsing, so a huge document costs one scan, no tree. */
  maxTokens: number;
  /** Field depth (fragments followed); brackets nested deeper than twice this are refused unparsed. */
  maxDepth: number;
  /** Aliased fields in one operation (fragments included). */
  maxAliases: number;
  /** Estimated cost: each field 1 plus its children, times its list size (`first`, else 100). */
  maxCost: number;
  /** Nesting of the variables' JSON. */
  maxVariableDepth: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxTokens: 5_000,
  maxDepth: 20,
  maxAliases: 30,
  maxCost: 250_000,
  maxVariableDepth: 16,
};

/** Size assumed for a list whose field takes no `first` (assignees, autocomplete): a page. */
const UNBOUNDED_LIST_SIZE = 100;

/**
 * Refuses a document whose text is over the token limit or nests brackets too deeply, before
 * graphql-js parses it: its parser recurses per level (about 3,000 levels overflow the stack)
 * and builds a node per token. The lexer is a loop, so this costs one pass and stops early.
 * @throws GraphQLError naming the limit
 */
export function scanSource(source: string, limits: DocumentLimits): void {
  const lexer = new Lexer(new Source(source));
  const maxNesting = limits.maxDepth * 2;
  let tokens = 0;
  let nesting = 0;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    tokens += 1;
    if (tokens > limits.maxTokens) {
      throw new GraphQLError(`Query has more than ${limits.maxTokens} tokens (limit maxTokens)`);
    }
    if (OPENING.has(token.kind)) nesting += 1;
    else if (CLOSING.has(token.kind)) nesting -= 1;
    if (nesting > maxNesting) {
      throw new GraphQLError(
        `Query nests brackets more than ${maxNesting} deep (limit maxDepth ${limits.maxDepth})`,
      );
    }
  }
}

const OPENING: ReadonlySet<string> = new Set([
  TokenKind.BRACE_L,
  TokenKind.BRACKET_L,
  TokenKind.PAREN_L,
]);
const CLOSING: ReadonlySet<string> = new Set([
  TokenKind.BRACE_R,
  TokenKind.BRACKET_R,
  TokenKind.PAREN_R,
]);

/**
 * Validation rules for depth and aliases (graphql-armor's, fragment-aware), reporting through
 * the validation context instead of throwing; run before the standard rules, whose own
 * recursion a document over these limits should never reach.
 */
export function limitRules(limits: DocumentLimits): ValidationRule[] {
  const report = (context: ValidationContext | null, error: GraphQLError | undefined) => {
    if (error) context?.reportError(new GraphQLError(withoutPrefix(error.message)));
  };
  const common = { propagateOnRejection: false, onReject: [report] };
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...common }),
    maxAliasesRule({ n: limits.maxAliases, ...common }),
  ];
}

/** graphql-armor prefixes its messages with "Syntax Error: ", which they are not. */
function withoutPrefix(message: string): string {
  const clean = message.replace(/^Syntax Error: /, '');
  return clean.startsWith('Query depth')
    ? `${clean} (limit maxDepth)`
    : clean.startsWith('Aliases')
      ? `${clean} (limit maxAliases)`
      : clean;
}

/**
 * The errors that stop an execution before it starts: variables nested too deep (graphql-js
 * coerces them recursively), or an estimated cost over the limit. Needs the variables, so it
 * runs per execution, after validation.
 */
export function executionLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Readonly<Record<string, unknown>> | undefined | null,
  limits: DocumentLimits,
): readonly GraphQLError[] {
  if (variables && nestedDeeperThan(variables, limits.maxVariableDepth)) {
    return [
      new GraphQLError(
        `Variables are nested more than ${limits.maxVariableDepth} deep (limit maxVariableDepth)`,
      ),
    ];
  }
  // An unknown operation: execution reports it in its own words.
  if (!getOperationAST(document, operationName)) return [];
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [listSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Invalid variables: execution reports them in its own words.
    if (error instanceof GraphQLError) return [];
    throw error;
  }
  if (cost <= limits.maxCost) return [];
  return [
    new GraphQLError(`Query cost ${cost} exceeds the limit of ${limits.maxCost} (limit maxCost)`),
  ];
}

/**
 * A list costs (1 + its children) per item: `first` items when the field takes it, else a page
 * of 100. A connection is the list (its `nodes` are not counted again).
 */
const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (typeof args.first === 'number') return (1 + childComplexity) * Math.max(0, args.first);
  const fieldType = getNamedType(field.type).name;
  const isConnection = fieldType.endsWith('Connection');
  const isPageOfConnection = type.name.endsWith('Connection');
  const isList = isListType(getNullableType(field.type));
  if (isConnection || (isList && !isPageOfConnection)) {
    return (1 + childComplexity) * UNBOUNDED_LIST_SIZE;
  }
  return undefined;
};

/** True when `value` nests objects or arrays more than `max` deep; a loop, never recursion. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return false;
}
