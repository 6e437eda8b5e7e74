import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetPicks } from './servers/stack';

/**
 * What the bench asks, and how it judges an answer. A scenario is a sequence of GraphQL operations
 * (one for most; the quote session is nine) taken from schema/operations/, the checked-in examples
 * that the tests run too, so the bench grows with them: to change what the dashboard asks, edit
 * schema/operations/PartnerDashboard.graphql (and, for a fair comparison, the status quo's legacy
 * calls in contenders/status-quo.ts).
 */
const OPERATIONS_DIR = path.join(__dirname, '..', 'schema', 'operations');
const operation = (name: string) => readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), 'utf8');

/** Legacy latency for every call of every system in every scenario: 20 ms plus 0..60 ms. */
export const LEGACY_LATENCY = { latencyMs: 20, jitterMs: 60 };

/** The system taken down in the degraded scenario. */
export const DEGRADED_SYSTEM = 'billing';

/** Quotes on the dashboard: the page a portal shows (the partner's quotes, up to the page size). */
export const DASHBOARD_PAGE = 50;

export type ContenderId = 'ours' | 'apollo-stock' | 'hive' | 'status-quo-sequential' | 'status-quo-parallel';
export const GATEWAYS: ContenderId[] = ['ours', 'apollo-stock', 'hive'];

export type Outcome = 'complete' | 'partial' | 'failed';

export interface Judgement {
  outcome: Outcome;
  /** The first error's extensions.code (or a user error's code), or HTTP_<status> / UNPARSEABLE. */
  errorCode?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** What one connection carries from one step of a sequence to the next (the quote being built). */
export type StepContext = Record<string, unknown>;

export interface Step {
  name: string;
  query: string;
  variables(context: StepContext): Record<string, unknown> | undefined;
  /** The part of the answer that must be there for it to count as usable. */
  healthyPart(data: Json): boolean;
  /** Keeps what later steps need (e.g. the id of the quote just created). */
  remember?(data: Json, context: StepContext): void;
}

export interface Scenario {
  id: 'dashboard' | 'catalog' | 'session' | 'degraded';
  title: string;
  description: string;
  steps(picks: DatasetPicks): Step[];
  /** Faults per legacy system on top of LEGACY_LATENCY. */
  faults: Record<string, Array<Record<string, unknown>>>;
  contenders: ContenderId[];
}

const field = (data: unknown, ...names: string[]): unknown =>
  names.reduce<unknown>((value, name) => (isObject(value) ? value[name] : undefined), data);

function partnerFieldsPresent(data: Json): boolean {
  return ['id', 'name', 'tier'].every((name) => typeof field(data, 'me', name) === 'string');
}

/** The partner and its page of quotes; invoices and incentive estimates may be missing (nullable). */
function partnerAndQuotesPresent(data: Json): boolean {
  return partnerFieldsPresent(data) && Array.isArray(field(data, 'me', 'quotes', 'edges'));
}

const dashboardStep: Step = {
  name: 'PartnerDashboard',
  query: operation('PartnerDashboard'),
  variables: () => ({ first: DASHBOARD_PAGE }),
  healthyPart: partnerFieldsPresent,
};

/** A mutation answered with its payload and no user errors. */
function mutationStep(
  name: string,
  payload: string,
  variables: Step['variables'],
  remember?: Step['remember'],
): Step {
  return {
    name,
    query: operation(name),
    variables,
    healthyPart: (data) => {
      const answer = field(data, payload);
      return isObject(answer) && Array.isArray(answer.userErrors) && answer.userErrors.length === 0;
    },
    remember,
  };
}

/**
 * The quote session: create a quote for one of the partner's customers, add 5 lines from products it
 * is certified to sell, price it, read its incentive estimate, submit it. Each connection repeats it.
 */
function sessionSteps(picks: DatasetPicks): Step[] {
  const quoteId = (context: StepContext) => ({ quoteId: context.quoteId });
  return [
    mutationStep(
      'QuoteCreate',
      'createQuote',
      () => ({ input: { customerAccountId: picks.customerId } }),
      (data, context) => {
        context.quoteId = field(data, 'createQuote', 'quote', 'id');
      },
    ),
    ...picks.sessionSkus.map((sku, index) =>
      mutationStep('QuoteLineAdd', 'addQuoteLine', (context) => ({
        quoteId: context.quoteId,
        input: { sku, quantity: 5 + index * 5 },
      })),
    ),
    mutationStep('QuotePrice', 'priceQuote', quoteId),
    {
      name: 'QuoteEstimate',
      query: operation('QuoteEstimate'),
      variables: (context) => ({ id: context.quoteId }),
      healthyPart: (data) => isObject(field(data, 'quote', 'incentiveEstimate')),
    },
    mutationStep('QuoteSubmit', 'submitQuote', quoteId),
  ];
}

/**
 * In the order they run. The session comes last: every session creates a quote for the dashboard's
 * partner, so a dashboard measured after it would read more quotes (up to its page of 50) than the
 * one measured before it, and the degraded dashboard must be compared with the healthy one.
 */
export const SCENARIOS: Scenario[] = [
  {
    id: 'dashboard',
    title: 'Partner dashboard',
    description: `schema/operations/PartnerDashboard.graphql with first: ${DASHBOARD_PAGE}: me, quotes with lines, incentive estimates and invoices, across the four subgraphs; every system healthy`,
    steps: () => [dashboardStep],
    faults: {},
    contenders: [...GATEWAYS, 'status-quo-sequential', 'status-quo-parallel'],
  },
  {
    id: 'degraded',
    title: 'Degraded dashboard',
    description: `the dashboard while ${DEGRADED_SYSTEM} is down (connections reset, its breaker opens): the partner, its quotes, lines and estimates must still come back`,
    steps: () => [{ ...dashboardStep, healthyPart: partnerAndQuotesPresent }],
    faults: { [DEGRADED_SYSTEM]: [{ down: true }] },
    contenders: GATEWAYS,
  },
  {
    id: 'catalog',
    title: 'Catalog browse',
    description:
      "schema/operations/Catalog.graphql: the partner's customers, certified families and price book (reference data, cached)",
    steps: () => [
      {
        name: 'Catalog',
        query: operation('Catalog'),
        variables: () => undefined,
        healthyPart: (data) => Array.isArray(field(data, 'me', 'catalog', 'priceBook', 'entries')),
      },
    ],
    faults: {},
    contenders: GATEWAYS,
  },
  {
    id: 'session',
    title: 'Quote session',
    description:
      'create a quote, add 5 lines, price it, read its incentive estimate, submit it: 9 operations in a row per connection (QuoteCreate, QuoteLineAdd ×5, QuotePrice, QuoteEstimate, QuoteSubmit)',
    steps: sessionSteps,
    faults: {},
    contenders: GATEWAYS,
  },
];

/** A GraphQL request body for a step. */
export function requestBody(step: Step, context: StepContext): string {
  return JSON.stringify({ query: step.query, variables: step.variables(context) });
}

function userErrorCode(data: Json): string | undefined {
  for (const value of Object.values(data)) {
    const errors = isObject(value) && Array.isArray(value.userErrors) ? value.userErrors : [];
    const code = (errors[0] as { code?: unknown } | undefined)?.code;
    if (errors.length > 0) return typeof code === 'string' ? `userError:${code}` : 'userError';
  }
  return undefined;
}

/**
 * complete: HTTP 200, data, no errors. partial: errors, but the step's healthy part is there.
 * failed: anything else (non-200, no data, the healthy part or the mutation's result missing,
 * unparseable). Keeps what later steps need.
 */
export function judge(step: Step, status: number, body: string, context: StepContext = {}): Judgement {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { outcome: 'failed', errorCode: status === 200 ? 'UNPARSEABLE' : `HTTP_${status}` };
  }
  const response = isObject(parsed) ? parsed : {};
  const errors = Array.isArray(response.errors) ? response.errors : [];
  const first = errors[0] as { extensions?: { code?: unknown } } | undefined;
  const errorCode =
    errors.length === 0
      ? undefined
      : typeof first?.extensions?.code === 'string'
        ? first.extensions.code
        : 'NO_CODE';
  if (status !== 200) return { outcome: 'failed', errorCode: errorCode ?? `HTTP_${status}` };
  const data = isObject(response.data) ? response.data : undefined;
  if (data) step.remember?.(data, context);
  if (!data || !step.healthyPart(data))
    return { outcome: 'failed', errorCode: errorCode ?? (data && userErrorCode(data)) ?? 'NO_DATA' };
  return errors.length === 0 ? { outcome: 'complete' } : { outcome: 'partial', errorCode };
}
