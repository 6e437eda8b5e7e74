import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { clientErrorFormatter } from './client-errors';

/** What the gateway lets through of an error, wherever it was raised (here: as a subgraph sent it). */
describe('clientErrorFormatter', () => {
  const format = clientErrorFormatter({ hideSuggestions: false });
  const subgraphError = (extensions: Record<string, unknown>, message = 'The CPQ is unavailable') => {
    const formatted: GraphQLFormattedError = { message, path: ['me', 'quotes'], extensions };
    return format(formatted, new GraphQLError(message, { extensions }));
  };

  it('keeps the extensions clients act on for a passed-through code, and drops the rest', () => {
    expect(
      subgraphError({
        code: 'UPSTREAM_TIMEOUT',
        upstream: { system: 'cpq', operation: 'createQuote', breaker: 'closed' },
        outcome: 'UNKNOWN',
        field: 'input.customerAccountId',
        serviceName: 'quoting',
        stacktrace: ['at resolver (quoting.ts:1)'],
        response: { body: 'legacy body' },
      }),
    ).toEqual({
      message: 'The CPQ is unavailable',
      path: ['me', 'quotes'],
      extensions: {
        code: 'UPSTREAM_TIMEOUT',
        upstream: { system: 'cpq', operation: 'createQuote', breaker: 'closed' },
        outcome: 'UNKNOWN',
        field: 'input.customerAccountId',
        serviceName: 'quoting',
      },
    });
  });

  it.each(['INVALID_GRAPHQL', 'DOWNSTREAM_SERVICE_ERROR'])(
    "passes the gateway's own %s through with its serviceName",
    (code) => {
      expect(subgraphError({ code, serviceName: 'billing' }, 'Cannot return null')).toMatchObject({
        message: 'Cannot return null',
        extensions: { code, serviceName: 'billing' },
      });
    },
  );

  it('answers an unknown code as INTERNAL, with nothing of it but the service that failed', () => {
    expect(
      subgraphError({ code: 'ECONNRESET', serviceName: 'billing' }, 'socket hang up at 10.0.0.7'),
    ).toEqual({
      message: 'Internal error',
      path: ['me', 'quotes'],
      extensions: { code: 'INTERNAL', serviceName: 'billing' },
    });
  });

  it('takes suggestions out of every message when asked to, also those a subgraph sent', () => {
    const message =
      'Variable "$input" got invalid value "GOLDD" at "input.tier"; Value "GOLDD" does not exist in "Tier" enum. Did you mean the enum value "GOLD"?';
    const hiding = clientErrorFormatter({ hideSuggestions: true });
    const formatted = { message, extensions: { code: 'BAD_USER_INPUT', serviceName: 'partners' } };
    expect(hiding(formatted, new GraphQLError(message)).message).toBe(
      'Variable "$input" got invalid value "GOLDD" at "input.tier"; Value "GOLDD" does not exist in "Tier" enum.',
    );
    expect(format(formatted, new GraphQLError(message)).message).toBe(message);
  });
});
