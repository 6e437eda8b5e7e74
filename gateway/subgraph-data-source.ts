import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';
import CircuitBreaker from 'opossum';
import {
  DEADLINE_HEADER,
  IDENTITY_HEADER,
  USAGE_HEADER,
  type IdentitySigner,
  type PartnerUsage,
} from '../runtime';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';
import { SubgraphTimeoutError } from './subgraph-fetcher';

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

export interface SubgraphDataSourceOptions {
  resilience: SubgraphResilienceOptions;
  /** Sends the request; aborts it at its deadline header with SubgraphTimeoutError (subgraph-fetcher.ts). */
  fetcher: Fetcher;
  /** Signs the viewer forwarded in IDENTITY_HEADER. */
  signIdentity: IdentitySigner;
  /** Signs the partner's budget usage forwarded in USAGE_HEADER (runtime/usage.ts), when budgets are on. */
  signUsage?: (usage: PartnerUsage) => string;
  metrics?: Pick<GatewayMetrics, 'observeSubgraphFetch'>;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;

/**
 * A subgraph's 400 with GraphQL errors: it refused the request as the client's mistake (a variable
 * the gateway's looser schema let through, e.g. a Decimal given as a number). Its errors are the
 * answer, not a failure of the subgraph, so they reach the client and the breaker never counts them.
 */
class SubgraphRefusal extends GraphQLError {
  constructor(readonly errors: GraphQLFormattedError[]) {
    super('The subgraph refused the request');
  }
}

function graphQLErrorsOf(body: unknown): GraphQLFormattedError[] | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const { errors } = body;
  return Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error) => typeof error === 'object' && error !== null && typeof error.message === 'string')
    ? (errors as GraphQLFormattedError[])
    : undefined;
}

/** The fetch's query as a document, parsed once for a failed fetch; undefined when it does not parse. */
function parsedQuery({ request }: ProcessOptions): DocumentNode | undefined {
  try {
    return parse(request.query ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Where a failed fetch leaves holes, as subgraph-relative paths the gateway maps onto the client's
 * response: each root field of the fetch, or each field an `_entities` fetch asked of each entity
 * (`['_entities', i, 'quotes']` becomes `['me', 'quotes']`), so every error sits at the field that
 * came back null rather than at the entity that still returned.
 */
function affectedPaths(
  document: DocumentNode | undefined,
  { request }: ProcessOptions,
): Array<Array<string | number> | undefined> {
  if (!document) return [undefined];
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const fields = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections : [];
  const representations = request.variables?.representations;
  if (Array.isArray(representations)) {
    const fragments = new Map(
      document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
    );
    const entities = fields.find((field) => field.kind === Kind.FIELD && field.name.value === '_entities');
    return representations.flatMap((representation: { __typename?: string }, index) => {
      const keys =
        entities?.kind === Kind.FIELD && entities.selectionSet
          ? responseKeysFor(entities.selectionSet, representation.__typename, fragments)
          : [];
      return keys.length > 0 ? keys.map((key) => ['_entities', index, key]) : [['_entities', index]];
    });
  }
  const paths = fields.flatMap((field) =>
    field.kind === Kind.FIELD ? [[(field.alias ?? field.name).value]] : [],
  );
  return paths.length > 0 ? paths : [undefined];
}

/** The response keys a selection asks of an entity of one type, through its inline and named fragments. */
function responseKeysFor(
  selectionSet: SelectionSetNode,
  typename: string | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
): string[] {
  const keys = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add((selection.alias ?? selection.name).value);
      continue;
    }
    const fragment =
      selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    const condition = fragment?.typeCondition?.name.value;
    if (fragment && (condition === undefined || condition === typename)) {
      for (const key of responseKeysFor(fragment.selectionSet, typename, fragments)) keys.add(key);
    }
  }
  return [...keys];
}

/**
 * What a mutation that failed here did, as the adapters say of a legacy write (`extensions.outcome`,
 * see runtime/upstream-error.ts): NOT_APPLIED when the breaker or the connection refused it before it
 * reached the subgraph, UNKNOWN once it may have (a timeout, a dropped connection), so the client
 * retries with the same idempotency key. A query has none.
 */
function mutationOutcome(
  document: DocumentNode | undefined,
  error: unknown,
): 'UNKNOWN' | 'NOT_APPLIED' | undefined {
  const mutation = document?.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
  );
  if (!mutation) return undefined;
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'EOPENBREAKER' || code === 'ECONNREFUSED' ? 'NOT_APPLIED' : 'UNKNOWN';
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly breaker: CircuitBreaker<[ProcessOptions], GatewayGraphQLResponse>;

  constructor(
    readonly subgraph: string,
    url: string,
    private readonly config: SubgraphDataSourceOptions,
  ) {
    super({ url, fetcher: config.fetcher });
    const { resilience } = config;
    const processRefusalsIncluded = async (options: ProcessOptions): Promise<GatewayGraphQLResponse> => {
      try {
        return await super.process(options);
      } catch (error) {
        if (error instanceof SubgraphRefusal) return { errors: error.errors };
        throw error;
      }
    };
    this.breaker = new CircuitBreaker(processRefusalsIncluded, {
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

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status !== 400) return super.errorFromResponse(response);
    const errors = graphQLErrorsOf(await this.parseBody(response));
    return errors ? new SubgraphRefusal(errors) : new GraphQLError(`400: ${response.statusText}`);
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    const headers = request.http?.headers;
    if (!headers) return;
    const { viewer, requestId, deadline, traceparent, usage } = context as Partial<GatewayContext>;
    if (viewer) headers.set(IDENTITY_HEADER, this.config.signIdentity(viewer));
    if (usage && this.config.signUsage) headers.set(USAGE_HEADER, this.config.signUsage(usage));
    if (requestId) headers.set('x-request-id', requestId);
    if (traceparent) headers.set('traceparent', traceparent);
    const subgraphDeadline = Math.min(deadline ?? Infinity, Date.now() + this.config.resilience.timeoutMs);
    headers.set(DEADLINE_HEADER, String(subgraphDeadline));
  }

  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await this.breaker.fire(options);
      this.config.metrics?.observeSubgraphFetch(this.subgraph, seconds(), 'ok');
      return response;
    } catch (error) {
      this.config.metrics?.observeSubgraphFetch(this.subgraph, seconds(), 'error');
      const timedOut = error instanceof SubgraphTimeoutError;
      const message = timedOut
        ? `The ${this.subgraph} service did not answer in time`
        : `The ${this.subgraph} service is unavailable`;
      const document = parsedQuery(options);
      const outcome = mutationOutcome(document, error);
      const extensions = {
        code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE',
        upstream: { subgraph: this.subgraph, breaker: this.breakerState },
        ...(outcome ? { outcome } : {}),
      };
      return {
        errors: affectedPaths(document, options).map((path) =>
          path ? { message, path, extensions } : { message, extensions },
        ),
      };
    }
  }
}
