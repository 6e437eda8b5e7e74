import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Kind, parse } from 'graphql';
import CircuitBreaker from 'opossum';
import { IDENTITY_HEADER, signIdentity } from '../runtime';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';

/**
 * The gateway's fetcher to one subgraph. Per subgraph: a timeout (bounded by the client request's
 * deadline), an opossum breaker, and the verified viewer forwarded in a signed header with the
 * request id, deadline and trace context. A dead, slow or open subgraph does not throw: its fetch
 * answers with one coded error, so the gateway nulls only the fields that subgraph owns and the
 * rest of the query still returns.
 */
export interface SubgraphResilienceOptions {
  timeoutMs: number;
  errorThresholdPercentage: number;
  volumeThreshold: number;
  resetTimeoutMs: number;
}

export type SubgraphBreakerState = 'closed' | 'open' | 'halfOpen';

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;

class SubgraphTimeoutError extends Error {
  override readonly name = 'SubgraphTimeoutError';
}

export const DEADLINE_HEADER = 'x-request-deadline';

/** Node's own fetch (undici, keep-alive pooled), aborted at the deadline header's time. */
function deadlineFetcher(timeoutMs: number): Fetcher {
  return (async (url: string, init: RequestInit & { headers: Record<string, string> }) => {
    const deadline = Number(init.headers[DEADLINE_HEADER]);
    const remaining = Number.isFinite(deadline) ? deadline - Date.now() : timeoutMs;
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(Math.max(1, remaining)) });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new SubgraphTimeoutError('subgraph timed out');
      throw error;
    }
  }) as unknown as Fetcher;
}

/**
 * Where a failed fetch leaves holes, as subgraph-relative paths the gateway maps onto the client's
 * response: each root field of the fetch, or each entity of an `_entities` fetch.
 */
function affectedPaths({ request }: ProcessOptions): Array<Array<string | number> | undefined> {
  const representations = request.variables?.representations;
  if (Array.isArray(representations)) return representations.map((_entity, index) => ['_entities', index]);
  try {
    const operation = parse(request.query ?? '').definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION,
    );
    const fields = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections : [];
    const paths = fields.flatMap((field) =>
      field.kind === Kind.FIELD ? [[(field.alias ?? field.name).value]] : [],
    );
    return paths.length > 0 ? paths : [undefined];
  } catch {
    return [undefined];
  }
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly breaker: CircuitBreaker<[ProcessOptions], GatewayGraphQLResponse>;

  constructor(
    readonly subgraph: string,
    url: string,
    private readonly identitySecret: string,
    private readonly resilience: SubgraphResilienceOptions,
    private readonly metrics?: Pick<GatewayMetrics, 'observeSubgraphFetch'>,
  ) {
    super({ url });
    this.fetcher = deadlineFetcher(resilience.timeoutMs);
    this.breaker = new CircuitBreaker((options: ProcessOptions) => super.process(options), {
      name: `subgraph.${subgraph}`,
      // The fetcher aborts at the deadline; a second timer here would leave the socket busy.
      timeout: false,
      errorThresholdPercentage: resilience.errorThresholdPercentage,
      volumeThreshold: resilience.volumeThreshold,
      resetTimeout: resilience.resetTimeoutMs,
    });
  }

  get breakerState(): SubgraphBreakerState {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'halfOpen';
    return 'closed';
  }

  /** Subscribes to breaker state changes (opossum events), for metrics and logs. */
  onBreakerChange(listener: (state: SubgraphBreakerState) => void): void {
    this.breaker.on('open', () => listener('open'));
    this.breaker.on('halfOpen', () => listener('halfOpen'));
    this.breaker.on('close', () => listener('closed'));
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    const headers = request.http?.headers;
    if (!headers) return;
    const { viewer, requestId, deadline, traceparent } = context as Partial<GatewayContext>;
    if (viewer) headers.set(IDENTITY_HEADER, signIdentity(viewer, this.identitySecret));
    if (requestId) headers.set('x-request-id', requestId);
    if (traceparent) headers.set('traceparent', traceparent);
    const subgraphDeadline = Math.min(deadline ?? Infinity, Date.now() + this.resilience.timeoutMs);
    headers.set(DEADLINE_HEADER, String(subgraphDeadline));
  }

  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await this.breaker.fire(options);
      this.metrics?.observeSubgraphFetch(this.subgraph, seconds(), 'ok');
      return response;
    } catch (error) {
      this.metrics?.observeSubgraphFetch(this.subgraph, seconds(), 'error');
      const timedOut = error instanceof SubgraphTimeoutError;
      const message = timedOut
        ? `The ${this.subgraph} service did not answer in time`
        : `The ${this.subgraph} service is unavailable`;
      const extensions = {
        code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE',
        upstream: { subgraph: this.subgraph, breaker: this.breakerState },
      };
      return {
        errors: affectedPaths(options).map((path) =>
          path ? { message, path, extensions } : { message, extensions },
        ),
      };
    }
  }
}
