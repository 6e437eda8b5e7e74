import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BadResponseError, INTERNAL, isUpstreamError, SUBGRAPH_PASSED_THROUGH_CODES } from '../../runtime';

/** A client mistake, naming the argument at fault so a form can show it next to the field. */
export function badUserInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/**
 * Apollo Server's formatError for every subgraph: adapter errors, and the BadResponseError a
 * resolver raises for legacy data it cannot use (e.g. a product of an unknown family), become
 * their stable code with `extensions.upstream`; errors with a code of SUBGRAPH_PASSED_THROUGH_CODES
 * pass as they are; unexpected errors become INTERNAL with a generic message, so no stack trace,
 * legacy body or SQL ever reaches a client.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isUpstreamError(original) || original instanceof BadResponseError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        upstream: original.upstream,
        ...(isUpstreamError(original) && original.outcome ? { outcome: original.outcome } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && SUBGRAPH_PASSED_THROUGH_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: INTERNAL },
  };
}
