import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { INTERNAL } from '../runtime';
import type { GatewayContext } from './context';
import type { SubgraphBreakerState } from './subgraph-data-source';

/**
 * The gateway's Prometheus metrics, served at /metrics. The operation name is the client's choice,
 * and each label value is a series kept for the process's life: only names the persisted-query
 * manifest knows are labels; any other is "other", anonymous operations "anonymous".
 */
export interface GatewayMetrics {
  plugin: ApolloServerPlugin<GatewayContext>;
  observeSubgraphFetch(subgraph: string, seconds: number, outcome: 'ok' | 'error'): void;
  setBreakerState(subgraph: string, state: SubgraphBreakerState): void;
}

const BREAKER_VALUES: Record<SubgraphBreakerState, number> = { closed: 0, halfOpen: 1, open: 2 };

export function createGatewayMetrics(
  registry: Registry,
  operationNames: ReadonlySet<string>,
): GatewayMetrics {
  const requests = new Counter({
    name: 'gateway_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok: no errors, error: any error).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'GraphQL request duration by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'gateway_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const subgraphFetch = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Duration of one fetch from the gateway to a subgraph.',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const breaker = new Gauge({
    name: 'gateway_subgraph_breaker_state',
    help: 'Breaker state per subgraph: 0 closed, 1 half-open, 2 open.',
    labelNames: ['subgraph'],
    registers: [registry],
  });

  return {
    plugin: {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ operationName, response, errors: requestErrors }) {
            const operation = !operationName
              ? 'anonymous'
              : operationNames.has(operationName)
                ? operationName
                : 'other';
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const sent = body?.errors ?? requestErrors ?? [];
            for (const error of sent) errors.inc({ code: String(error.extensions?.code ?? INTERNAL) });
            requests.inc({ operation, outcome: sent.length > 0 ? 'error' : 'ok' });
            duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    },
    observeSubgraphFetch: (subgraph, seconds, outcome) =>
      subgraphFetch.observe({ subgraph, outcome }, seconds),
    setBreakerState: (subgraph, state) => breaker.set({ subgraph }, BREAKER_VALUES[state]),
  };
}
