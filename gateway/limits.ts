import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './context';

/**
 * Query limits. Depth, aliases and directives come from graphql-armor, tokens from graphql-js's
 * parser (Apollo Server's parseOptions.maxTokens); the cost limit from graphql-query-complexity
 * with our estimator (operationCost below). Every refusal is `QUERY_LIMIT_EXCEEDED` with
 * `extensions.limit` naming which limit, before any subgraph is called.
 */
export interface LimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Hide field suggestions ("did you mean ...") that reveal the schema. */
  blockFieldSuggestions: boolean;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 5000,
  blockFieldSuggestions: false,
};

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
 * bound above, what the memo holds stays under a few MB whatever clients send.
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

function limitExceeded(message: string, limit: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, ...extra, http: { status: 400 } },
  });
}

function costLimitPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  const costOf = memoizedOperationCost();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = costOf({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
          });
          if (cost > maxCost) {
            throw limitExceeded(`Query cost ${cost} exceeds the limit of ${maxCost}`, 'cost', {
              cost,
              maxCost,
            });
          }
        },
      };
    },
  };
}

export function limitProtections(config: LimitsConfig): {
  plugins: ApolloServerPlugin<GatewayContext>[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxDepth },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: config.maxDirectives },
    // graphql-armor's token plugin throws where Apollo Server answers 500; graphql-js's own parser
    // limit (parseOptions.maxTokens, set in server.ts) refuses the same documents with a 400.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.blockFieldSuggestions },
  });
  const protection = armor.protect();
  return {
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<GatewayContext>[]),
      costLimitPlugin(config.maxCost),
    ],
    validationRules: protection.validationRules as ValidationRule[],
  };
}

/** graphql-armor reports its refusals as syntax/validation errors; these give them their code. */
const ARMOR_REFUSALS: Array<[RegExp, string]> = [
  [/Query depth limit of \d+ exceeded/, 'depth'],
  [/Aliases limit of \d+ exceeded/, 'aliases'],
  [/Directives limit of \d+ exceeded/, 'directives'],
  [/Document contains more that? \d+ tokens/, 'tokens'],
];

export function formatLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  for (const [pattern, limit] of ARMOR_REFUSALS) {
    if (pattern.test(formatted.message)) {
      return {
        message: formatted.message.replace(/^Syntax Error: /, ''),
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit },
      };
    }
  }
  return undefined;
}
