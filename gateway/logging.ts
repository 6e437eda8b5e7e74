import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { INTERNAL } from '../runtime';
import type { GatewayContext } from './context';

/**
 * One structured log line per GraphQL request: request id, operation name, partner id, duration
 * and error codes. Never the query text, variables, token or anything personal.
 */
export function requestLoggingPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, operationName, response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (body?.errors ?? errors ?? []).map((error) =>
            String(error.extensions?.code ?? INTERNAL),
          );
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              partnerId: contextValue.viewer?.partnerId,
              durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
              errorCodes: codes.length > 0 ? codes : undefined,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
