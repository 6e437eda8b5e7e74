import type { GraphQLFormattedError } from 'graphql';
import { GATEWAY_PASSED_THROUGH_CODES, INTERNAL } from '../runtime';
import { queryLimitRefusal } from './limits';

/**
 * What a client may act on besides the code: which legacy system failed and its breaker, the
 * input field at fault, whether a timed-out write was applied, which subgraph answered, and which
 * limit refused the query. Anything else a subgraph sends (a stack trace, a legacy body) is dropped.
 */
const PASSED_THROUGH_EXTENSIONS = [
  'upstream',
  'field',
  'outcome',
  'serviceName',
  'limit',
  'cost',
  'maxCost',
] as const;

/**
 * graphql-js appends " Did you mean ...?" to unknown fields, arguments, types, enum values and
 * input fields (its didYouMean). The names it suggests never contain a question mark.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export interface ClientErrorOptions {
  /** Drop every schema suggestion, so a probing client learns no name it did not already know. */
  hideSuggestions: boolean;
}

/**
 * The last word on what a client sees (Apollo Server's formatError): limit refusals get their
 * code, known codes pass with the extensions clients rely on, anything else becomes INTERNAL
 * without details. `serviceName` (which subgraph failed) stays even then: it tells a frontend
 * which part of the graph is missing, and nothing about why.
 */
export function clientErrorFormatter({
  hideSuggestions,
}: ClientErrorOptions): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const refusal = queryLimitRefusal(error);
    if (refusal) {
      // Its HTTP status was applied already; `http` is not for the client's body.
      const { http: _http, ...extensions } = refusal.extensions;
      return { message: refusal.message, locations: formatted.locations, extensions };
    }
    const given = formatted.extensions ?? {};
    const { code } = given;
    if (typeof code === 'string' && GATEWAY_PASSED_THROUGH_CODES.has(code)) {
      const extensions: Record<string, unknown> = { code };
      for (const name of PASSED_THROUGH_EXTENSIONS) {
        if (given[name] !== undefined) extensions[name] = given[name];
      }
      return {
        message: hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions,
      };
    }
    const serviceName = typeof given.serviceName === 'string' ? { serviceName: given.serviceName } : {};
    return {
      message: 'Internal error',
      path: formatted.path,
      extensions: { code: INTERNAL, ...serviceName },
    };
  };
}
