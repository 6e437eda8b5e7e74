import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isListType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { QUERY_LIMIT_EXCEEDED, type QueryLimit } from '../runtime';
import type { GatewayContext } from './context';

/**
 * Query limits. Depth, aliases and directives come from graphql-armor, tokens from graphql-js's
 * parser (Apollo Server's parseOptions.maxTokens); the cost limit from graphql-query-complexity
 * with our estimator (operationCost below). Every refusal is a QueryLimitError
 * (`QUERY_LIMIT_EXCEEDED` with `extensions.limit` naming which limit, HTTP 400), before any
 * subgraph is called.
 */
export interface LimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 5000,
};

/**
 * How deep lists and objects may nest in a variable's value. Our input types nest a few levels;
 * anything deeper is refused before any code walks it (a 5000-deep array overflowed the stack of
 * whatever recursed over it first).
 */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * A refusal by one of the limits. Apollo Server wraps validation errors in its own
 * GRAPHQL_VALIDATION_FAILED; the gateway's formatter looks for this class under the wrapper.
 */
export class QueryLimitError extends GraphQLError {
  constructor(
    message: string,
    readonly limit: QueryLimit,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code: QUERY_LIMIT_EXCEEDED, limit, ...extra, http: { status: 400 } } });
  }
}

/** Items assumed in a list that does not say how many it wants (no `first`). */
const DEFAULT_LIST_SIZE = 10;

const isConnectionType = (name: string) => name.endsWith('Connection');

/**
 * The cost of a query is the number of objects it may make the graph build: what drives entity
 * fetches, resolver work and response size. An object field costs 1 plus its selection; a list
 * costs that for each of its items, `first` of them when the field takes it, else
 * DEFAULT_LIST_SIZE; a connection's `first` counts its edges, and its `totalCount` and `pageInfo`
 * come once per page. Scalar and enum fields are free: they arrive with their object, and the
 * token limit bounds how many a query can name. Introspection is free (and off in production).
 * (Objects 1, scalars and enums 0: the default weights of the GraphQL cost directives spec.)
 */
const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '__schema' || field.name === '__type') return 0;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  if (isConnectionType(type.name)) return field.name === 'edges' ? 1 + childComplexity : childComplexity;
  const first = args.first;
  const items = typeof first === 'number' && first >= 0 ? first : DEFAULT_LIST_SIZE;
  if (isConnectionType(named.name)) return 1 + items * childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + items * (1 + childComplexity);
  return 1 + childComplexity;
};

export interface CostedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

/** Throws the GraphQLError graphql-query-complexity reports (e.g. variables of the wrong type). */
export function operationCost({ schema, document, operationName, variables }: CostedOperation): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators: [costEstimator],
  });
}

/** Costs remembered in all, across documents and variables (least recently used go first). */
const REMEMBERED_COSTS = 5000;
/**
 * Variables longer than this (as JSON) are costed every time, never remembered: with the entry
 * bound above, what the memo holds stays under a few MB whatever clients send. The variables
 * reaching the memo are coerced and no deeper than MAX_VARIABLE_DEPTH, so JSON.stringify is safe.
 */
const MAX_REMEMBERED_KEY_LENGTH = 1024;

/**
 * Remembers operationCost per schema, parsed document and (operation name, variables): the cost is
 * a pure function of those, and Apollo Server hands the same parsed document to every request with
 * the same query text, so a client repeating its dashboard pays for the walk once. The variables
 * are part of the key because `first: $first` is. Schemas and documents are numbered through weak
 * maps (a reload or Apollo's document cache may drop them); one LRU bounds the whole memo.
 */
export function memoizedOperationCost(
  compute: (operation: CostedOperation) => number = operationCost,
  maxEntries = REMEMBERED_COSTS,
): (operation: CostedOperation) => number {
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (object: object) => {
    let id = ids.get(object);
    if (id === undefined) ids.set(object, (id = nextId += 1));
    return id;
  };
  const costs = new LRUCache<string, number>({ max: maxEntries });
  return (operation) => {
    const variables = JSON.stringify([operation.operationName ?? null, operation.variables ?? null]);
    if (variables.length > MAX_REMEMBERED_KEY_LENGTH) return compute(operation);
    const key = `${idOf(operation.schema)}:${idOf(operation.document)}:${variables}`;
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = compute(operation);
      costs.set(key, cost);
    }
    return cost;
  };
}

function badVariable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/** The first variable whose value nests lists or objects deeper than maxDepth; walked without recursion. */
function tooDeepVariable(variables: Record<string, unknown>, maxDepth: number): string | undefined {
  for (const [name, value] of Object.entries(variables)) {
    const pending: Array<[unknown, number]> = [[value, 1]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [item, depth] = next;
      if (item === null || typeof item !== 'object') continue;
      if (depth > maxDepth) return name;
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** graphql-js's words for a document and operation name that do not pick one operation. */
function unresolvedOperation(document: DocumentNode, operationName: string | null | undefined): GraphQLError {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  const message = operationName
    ? `Unknown operation named "${operationName}".`
    : operations > 1
      ? 'Must provide operation name if query contains multiple operations.'
      : 'Must provide an operation.';
  return new GraphQLError(message, {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
  });
}

/**
 * Costs each operation before it is planned. The cost needs the operation and its variables, so
 * this is also where a request that names no operation of its document, or whose variables nest
 * too deep, is refused as the client's mistake (the gateway's executor would fail on the first
 * with a 500). Variables that do not coerce to their declared types are not costed here: the
 * gateway refuses them next, before planning, with BAD_USER_INPUT naming each variable.
 */
function costLimitPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  const costOf = memoizedOperationCost();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, contextValue }) {
          const tooDeep = tooDeepVariable(request.variables ?? {}, MAX_VARIABLE_DEPTH);
          if (tooDeep !== undefined) {
            throw badVariable(
              `Variable "$${tooDeep}" nests lists or objects deeper than ${MAX_VARIABLE_DEPTH} levels.`,
            );
          }
          if (!operation) throw unresolvedOperation(document, request.operationName);
          const variables = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (variables.errors) return;
          const cost = costOf({
            schema,
            document,
            operationName: request.operationName,
            variables: variables.coerced,
          });
          contextValue.cost = cost;
          if (cost > maxCost) {
            throw new QueryLimitError(`Query cost ${cost} exceeds the limit of ${maxCost}`, 'cost', {
              cost,
              maxCost,
            });
          }
        },
      };
    },
  };
}

const refusal = (limit: QueryLimit, n: number) =>
  new QueryLimitError(`Query exceeds the ${limit} limit of ${n}`, limit);

/** graphql-armor's options for one limit: its validation rule reports a QueryLimitError. */
function armorLimit(limit: QueryLimit, n: number) {
  return {
    n,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(refusal(limit, n))],
  };
}

/**
 * The parse failures that were the token limit, with their refusal. graphql-js's parser stops at
 * parseOptions.maxTokens, before building anything, with a syntax error like any other; Apollo
 * Server reports it as GRAPHQL_PARSE_FAILED with the parser's error as `originalError`.
 * (graphql-armor's own token plugin parses every document twice and, when it refuses, throws
 * from a hook, which Apollo Server answers with a 500.)
 */
const tokenLimitRefusals = new WeakMap<Error, QueryLimitError>();

function hasMoreTokensThan(source: string, maxTokens: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    for (let count = 1; lexer.advance().kind !== TokenKind.EOF; count += 1) {
      if (count > maxTokens) return true;
    }
  } catch {
    // A character the lexer refuses before the limit: an ordinary syntax error.
  }
  return false;
}

function tokenLimitPlugin(maxTokens: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error && source !== undefined && hasMoreTokensThan(source, maxTokens)) {
              tokenLimitRefusals.set(error, refusal('tokens', maxTokens));
            }
          };
        },
      };
    },
  };
}

/**
 * The limit refusal an error reports, however Apollo Server wrapped it: once, or twice for a parse
 * failure that was no GraphQLError (the parser's stack overflow on input nested thousands deep,
 * before it had counted the tokens).
 */
export function queryLimitRefusal(error: unknown): QueryLimitError | undefined {
  let cause: unknown = error;
  for (let wrappers = 0; wrappers <= 2 && cause instanceof Error; wrappers += 1) {
    if (cause instanceof QueryLimitError) return cause;
    const tokens = tokenLimitRefusals.get(cause);
    if (tokens) return tokens;
    cause = cause instanceof GraphQLError ? cause.originalError : undefined;
  }
  return undefined;
}

export function limitProtections(config: LimitsConfig): {
  plugins: ApolloServerPlugin<GatewayContext>[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: armorLimit('depth', config.maxDepth),
    maxAliases: armorLimit('aliases', config.maxAliases),
    maxDirectives: armorLimit('directives', config.maxDirectives),
    // graphql-js's parser counts tokens (parseOptions.maxTokens, set in server.ts): tokenLimitPlugin.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Suggestions are taken out of every message by the gateway's formatter (client-errors.ts).
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return {
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<GatewayContext>[]),
      tokenLimitPlugin(config.maxTokens),
      costLimitPlugin(config.maxCost),
    ],
    validationRules: protection.validationRules as ValidationRule[],
  };
}
