import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNullableType,
  GraphQLError,
  isListType,
  type GraphQLFormattedError,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { GatewayContext } from './context';

/**
 * Query limits. Depth, aliases and directives come from graphql-armor, tokens from graphql-js's
 * parser (Apollo Server's parseOptions.maxTokens); the cost limit from
 * graphql-query-complexity, with one estimator of ours so that list sizes count: a field asking
 * for `first: 50` costs 50 times its selection, and a list without `first` counts as
 * DEFAULT_LIST_SIZE items. Every refusal is `QUERY_LIMIT_EXCEEDED` with `extensions.limit` naming
 * which limit, before any subgraph is called.
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

const DEFAULT_LIST_SIZE = 10;

/** Introspection costs what the schema's size makes it, not data; it is off in production anyway. */
const introspectionEstimator: ComplexityEstimator = ({ field }) =>
  field.name === '__schema' || field.name === '__type' ? 0 : undefined;

const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const first = args.first;
  if (typeof first === 'number' && first >= 0) return 1 + first * childComplexity;
  // A connection's edges are as many as its `first`, already counted on the connection field.
  if (type.name.endsWith('Connection') && field.name === 'edges') return 1 + childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + DEFAULT_LIST_SIZE * childComplexity;
  return undefined;
};

function limitExceeded(message: string, limit: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, ...extra, http: { status: 400 } },
  });
}

function costLimitPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [
              introspectionEstimator,
              listSizeEstimator,
              simpleEstimator({ defaultComplexity: 1 }),
            ],
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
