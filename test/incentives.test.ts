import Decimal from 'decimal.js';
import { XMLParser } from 'fast-xml-parser';
import { DEV_IDENTITY_SECRET } from '../config';
import { businessDay } from '../domain';
import { DEFAULT_CPQ_OPTIONS, DEFAULT_INCENTIVES_OPTIONS, type Dataset } from '../legacy';
import { IDENTITY_HEADER, signIdentity } from '../runtime';
import type { RunningStack } from '../scripts/stack';
import {
  graphqlAs,
  injectFault,
  legacyCalls,
  postGraphQL,
  resetLegacy,
  startTestStack,
  tokenFor,
  type GraphQLResponse,
} from './stack';

/**
 * Incentives through the gateway: Quote.incentiveEstimate computed from the quoting subgraph's data
 * (@requires), the PRM's tier and quota and the incentive system's ledger, programs and batch queue;
 * and the promise behind it: after the nightly batch, the ledger's accrual equals the estimate.
 */

const STACK_ENV = {
  // Programs go stale at once, so that a read while the incentive system is down falls back to the cache.
  INCENTIVES_PROGRAMS_TTL_MS: '1',
  // A page of 100 quotes with estimates and accruals is a legitimate query here.
  LIMIT_MAX_COST: '50000',
  // Faults injected by one test must not leave a breaker open for the next.
  BREAKER_VOLUME_THRESHOLD: '1000',
};

const ESTIMATE_FIELDS = /* GraphQL */ `
  incentiveEstimate {
    total { amount currency }
    breakdown { kind description amount { amount currency } }
    closeDate
    quarter
    dealAmount { amount }
    bookedBeforeInQuarter { amount }
    quarterlyQuota { amount }
    ineligibleReason
    program { id }
    freshness { stale }
  }
  incentiveAccrual {
    id
    closeDate
    amount { amount currency }
    baseAmount { amount }
    spiffAmount { amount }
    acceleratorAmount { amount }
    capAdjustment { amount }
  }
`;

interface Amount {
  amount: string;
  currency?: string;
}
interface Estimate {
  total: Required<Amount>;
  breakdown: Array<{ kind: string; description: string; amount: Required<Amount> }>;
  closeDate: string;
  quarter: string;
  dealAmount: Amount;
  bookedBeforeInQuarter: Amount;
  quarterlyQuota: Amount;
  ineligibleReason: string | null;
  program: { id: string } | null;
  freshness: { stale: boolean };
}
interface AccrualFields {
  id: string;
  closeDate: string;
  amount: Required<Amount>;
  baseAmount: Amount;
  spiffAmount: Amount;
  acceleratorAmount: Amount;
  capAdjustment: Amount;
}
interface QuoteWithIncentives {
  id: string;
  incentiveEstimate: Estimate | null;
  incentiveAccrual: AccrualFields | null;
}
interface Incentives {
  quarter: string;
  earned: Amount;
  pending: Amount;
  projected: Amount;
  booked: Amount;
  quarterlyQuota: Amount;
  quotaAttainment: string;
  lastBatchRunAt: string | null;
  accruals: {
    totalCount: number;
    edges: Array<{ node: { id: string; amount: Amount; quote: { id: string } } }>;
  };
}

const INCENTIVES_FIELDS = /* GraphQL */ `
  quarter
  earned { amount }
  pending { amount }
  projected { amount }
  booked { amount }
  quarterlyQuota { amount }
  quotaAttainment
  lastBatchRunAt
  accruals(first: 100) { totalCount edges { node { id amount { amount } quote { id } } } }
`;

/** An estimate's components as the ledger records them: one amount per rule, zero where none paid. */
function estimatedParts(estimate: Estimate) {
  const part = (kind: string) => estimate.breakdown.find((c) => c.kind === kind)?.amount.amount ?? '0.00';
  return {
    base: part('BASE'),
    spiff: part('SPIFF'),
    accelerator: part('ACCELERATOR'),
    cap: part('CAP'),
    total: estimate.total.amount,
  };
}

function postedParts(accrual: AccrualFields) {
  return {
    base: accrual.baseAmount.amount,
    spiff: accrual.spiffAmount.amount,
    accelerator: accrual.acceleratorAmount.amount,
    cap: accrual.capAdjustment.amount,
    total: accrual.amount.amount,
  };
}

function sum(amounts: string[]): string {
  return amounts.reduce((total, amount) => total.plus(amount), new Decimal(0)).toFixed(2);
}

function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

async function asManager<T>(stack: RunningStack, query: string, variables?: Record<string, unknown>) {
  return graphqlAs<T>(await tokenFor('P-00001', ['channel_manager']), stack.urls.gateway, query, variables);
}

async function quoteAs(stack: RunningStack, partnerId: string, quoteId: string) {
  const response = await graphqlAs<{ quote: QuoteWithIncentives }>(
    await tokenFor(partnerId),
    stack.urls.gateway,
    `query ($id: ID!) { quote(id: $id) { id ${ESTIMATE_FIELDS} } }`,
    { id: quoteId },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.quote;
}

async function incentivesOf(stack: RunningStack, partnerId: string, quarter: string): Promise<Incentives> {
  const response = await graphqlAs<{ partner: { incentives: Incentives } }>(
    await tokenFor(partnerId),
    stack.urls.gateway,
    `query ($id: ID!, $quarter: String) { partner(id: $id) { incentives(quarter: $quarter) { ${INCENTIVES_FIELDS} } } }`,
    { id: partnerId, quarter },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.partner.incentives;
}

/** The CPQ's REST API, as a partner's CRM or a sales rep's browser would use it. */
async function cpqSession(stack: RunningStack) {
  const base = stack.urls.legacy.cpq!;
  const tokenResponse = await fetch(`${base}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEFAULT_CPQ_OPTIONS.clientId,
      client_secret: DEFAULT_CPQ_OPTIONS.clientSecret,
    }).toString(),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  return async (method: 'POST' | 'PATCH', path: string, body: Record<string, unknown>) => {
    const response = await fetch(`${base}/services/data/v60.0/sobjects/${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`CPQ ${method} ${path}: ${await response.text()}`);
    return response.status === 204 ? undefined : ((await response.json()) as { id: string });
  };
}

const xmlParser = new XMLParser({ parseTagValue: false });

/** The incentive system's own API, as the CRM feed and the nightly scheduler use it. */
async function incentivesSystem(stack: RunningStack, method: 'GET' | 'POST', path: string, body?: string) {
  const { username, password } = DEFAULT_INCENTIVES_OPTIONS;
  const response = await fetch(`${stack.urls.legacy.incentives}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
      ...(body ? { 'content-type': 'application/xml' } : {}),
    },
    body,
  });
  return xmlParser.parse(await response.text()) as Record<string, Record<string, unknown>>;
}

describe('incentives through the gateway', () => {
  let stack: RunningStack;
  let dataset: Dataset;

  beforeAll(async () => {
    stack = await startTestStack(STACK_ENV);
    dataset = stack.legacy!.dataset;
  });
  afterAll(async () => {
    await stack?.close();
  });
  beforeEach(async () => {
    for (const url of Object.values(stack.urls.legacy)) await resetLegacy(url);
  });

  it('estimates every posted accrual of the seeded ledger to the cent, rule by rule', async () => {
    const pending = new Set(dataset.incentives.pendingTransactions.map((t) => t.quoteId));
    const discrepancies = new Map(
      dataset.discrepancies.filter((d) => d.system === 'incentives').map((d) => [d.quoteId, d]),
    );
    const seen = { agreeing: 0, discrepancies: 0, pending: 0 };
    for (const { id: partnerId } of dataset.partners) {
      const response = await asManager<{
        partner: { quotes: { edges: Array<{ node: QuoteWithIncentives }> } };
      }>(
        stack,
        `query ($id: ID!) { partner(id: $id) { quotes(first: 100, status: [ACCEPTED]) { edges { node { id ${ESTIMATE_FIELDS} } } } } }`,
        { id: partnerId },
      );
      expect(response.errors).toBeUndefined();
      for (const { node: quote } of response.data!.partner.quotes.edges) {
        const estimate = quote.incentiveEstimate!;
        expect(estimate.ineligibleReason).toBeNull();
        expect(sum(estimate.breakdown.map((c) => c.amount.amount))).toBe(estimate.total.amount);
        const discrepancy = discrepancies.get(quote.id);
        if (discrepancy) {
          // The ledger is wrong here on purpose; the estimate says what it should have posted.
          expect({
            quote: quote.id,
            estimate: estimate.total.amount,
            posted: quote.incentiveAccrual?.amount.amount ?? null,
          }).toEqual({
            quote: quote.id,
            estimate: discrepancy.expected,
            posted: discrepancy.actual,
          });
          seen.discrepancies += 1;
        } else if (pending.has(quote.id)) {
          expect(quote.incentiveAccrual).toBeNull();
          seen.pending += 1;
        } else {
          expect({ quote: quote.id, ...estimatedParts(estimate) }).toEqual({
            quote: quote.id,
            ...postedParts(quote.incentiveAccrual!),
          });
          expect(estimate.closeDate).toBe(quote.incentiveAccrual!.closeDate);
          seen.agreeing += 1;
        }
      }
    }
    expect(seen).toEqual({
      agreeing: dataset.incentives.accruals.filter((a) => !discrepancies.has(a.quoteId)).length,
      discrepancies: discrepancies.size,
      pending: dataset.incentives.pendingTransactions.length,
    });
  });

  it("reports a partner's quarter as the ledger has it", async () => {
    const byPartnerQuarter = new Map<string, typeof dataset.incentives.accruals>();
    for (const accrual of dataset.incentives.accruals) {
      const key = `${accrual.partnerId} ${accrual.quarter}`;
      byPartnerQuarter.set(key, [...(byPartnerQuarter.get(key) ?? []), accrual]);
    }
    const [key, accruals] = [...byPartnerQuarter].sort((a, b) => b[1].length - a[1].length)[0]!;
    const [partnerId, quarter] = key.split(' ') as [string, string];
    const queued = dataset.incentives.pendingTransactions.filter(
      (t) => t.partnerId === partnerId && quarterOf(t.closeDate) === quarter,
    );
    expect(queued).toEqual([]);
    const account = dataset.partners.find((p) => p.id === partnerId)!;
    const quota = new Decimal(account.annualQuota).div(4);
    const booked = sum(accruals.map((a) => a.dealAmount));

    const incentives = await incentivesOf(stack, partnerId, quarter);

    expect(incentives).toEqual({
      quarter,
      earned: { amount: sum(accruals.map((a) => a.amount)) },
      pending: { amount: '0.00' },
      projected: { amount: sum(accruals.map((a) => a.amount)) },
      booked: { amount: booked },
      quarterlyQuota: { amount: quota.toFixed(2) },
      quotaAttainment: new Decimal(booked)
        .div(quota)
        .times(100)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toFixed(2),
      lastBatchRunAt: dataset.incentives.lastBatchRunAt,
      accruals: {
        totalCount: accruals.length,
        edges: accruals.map((a) => ({
          node: { id: a.id, amount: { amount: a.amount }, quote: { id: a.quoteId } },
        })),
      },
    });
  });

  it('estimates an open quote for its expected close date, or today once that has passed', async () => {
    const quote = dataset.quotes.find(
      (q) =>
        q.SBQQ__Partner__c === 'P-00001' && ['Draft', 'Approved', 'Presented'].includes(q.SBQQ__Status__c),
    )!;
    const expected = dataset.opportunities.find((o) => o.SBQQ__PrimaryQuote__c === quote.Id)!.CloseDate;
    const today = businessDay();
    const closeDate = expected < today ? today : expected;
    const program = dataset.incentives.programs.find(
      (p) => p.startDate <= closeDate && closeDate <= p.endDate,
    );

    const { incentiveEstimate: estimate, incentiveAccrual } = await quoteAs(stack, 'P-00001', quote.Id);

    expect(incentiveAccrual).toBeNull();
    expect(estimate).toMatchObject({
      closeDate,
      quarter: quarterOf(closeDate),
      dealAmount: { amount: quote.SBQQ__NetAmount__c },
      program: program ? { id: program.id } : null,
      freshness: { stale: false },
    });
    expect(sum(estimate!.breakdown.map((c) => c.amount.amount))).toBe(estimate!.total.amount);
    expect(estimate!.breakdown[0]?.kind ?? 'none (no program)').toBe(program ? 'BASE' : 'none (no program)');
  });

  it('answers a null estimate, without an error, for a rejected quote', async () => {
    const rejected = dataset.quotes.find(
      (q) => q.SBQQ__Partner__c === 'P-00001' && q.SBQQ__Status__c === 'Rejected',
    )!;
    expect(await quoteAs(stack, 'P-00001', rejected.Id)).toEqual({
      id: rejected.Id,
      incentiveEstimate: null,
      incentiveAccrual: null,
    });
  });

  it('lists the programs with their rules', async () => {
    const response = await graphqlAs<{
      incentivePrograms: Array<{
        id: string;
        baseRates: unknown[];
        spiffs: Array<{ product: { sku: string; name: string } }>;
        dealCaps: Amount[];
      }>;
    }>(
      await tokenFor('P-00002'),
      stack.urls.gateway,
      '{ incentivePrograms { id baseRates { productFamily partnerTier ratePercent } spiffs { product { sku name } } dealCaps { amount currency } } }',
    );
    expect(response.errors).toBeUndefined();
    const products = new Map(dataset.products.map((p) => [p.ProductCode, p.Name]));
    expect(response.data!.incentivePrograms).toEqual(
      dataset.incentives.programs.map((program) => ({
        id: program.id,
        baseRates: program.baseRates.map((r) => ({
          productFamily: r.productFamily.toUpperCase(),
          partnerTier: r.partnerTier.toUpperCase(),
          ratePercent: r.ratePercent,
        })),
        // The product's name comes from the quoting subgraph, joined through the Product entity.
        spiffs: program.spiffs.map((s) => ({
          product: { sku: s.productCode, name: products.get(s.productCode) },
        })),
        dealCaps: program.dealCaps.map((c) => ({ amount: c.amount, currency: c.currency })),
      })),
    );
  });

  it('rejects a malformed quarter with BAD_USER_INPUT naming it', async () => {
    const response = await graphqlAs(
      await tokenFor('P-00001'),
      stack.urls.gateway,
      '{ me { id incentives(quarter: "Q4-2026") { earned { amount } } } }',
    );
    expect(response.data).toEqual({ me: { id: 'P-00001', incentives: null } });
    expect(response.errors?.[0]).toMatchObject({
      path: ['me', 'incentives'],
      extensions: { code: 'BAD_USER_INPUT', field: 'quarter' },
    });
  });

  describe('tenancy', () => {
    const foreignQuote = () => dataset.incentives.accruals.find((a) => a.partnerId === 'P-00002')!.quoteId;

    it("forbids another partner's estimate and incentives, without asking the incentive system", async () => {
      const token = await tokenFor('P-00001');
      const quote = await graphqlAs(
        token,
        stack.urls.gateway,
        `{ quote(id: "${foreignQuote()}") { id ${ESTIMATE_FIELDS} } }`,
      );
      const partner = await graphqlAs(
        token,
        stack.urls.gateway,
        '{ partner(id: "P-00002") { id incentives(quarter: "2026-Q4") { earned { amount } } } }',
      );

      expect(quote.data).toEqual({ quote: null });
      expect(quote.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(partner.data).toEqual({ partner: null });
      expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await legacyCalls(stack.urls.legacy.incentives!)).toEqual({});
    });

    it('refuses, in the subgraph itself, representations of another partner forged past the gateway', async () => {
      const quoteId = foreignQuote();
      const line = dataset.quoteLines.find((l) => l.SBQQ__Quote__c === quoteId)!;
      const representation = {
        __typename: 'Quote',
        id: quoteId,
        status: 'ACCEPTED',
        closeDate: '2026-06-01',
        netTotal: { currency: line.CurrencyIsoCode },
        partner: { id: 'P-00002' },
        lines: [
          {
            netTotal: { amount: line.SBQQ__NetTotal__c, currency: line.CurrencyIsoCode },
            product: { sku: line.SBQQ__ProductCode__c, family: 'NETWORK' },
          },
        ],
      };
      const identity = signIdentity(
        { sub: 'user@P-00001', partnerId: 'P-00001', roles: ['partner_admin'] },
        DEV_IDENTITY_SECRET,
      );
      const entities = (representation: Record<string, unknown>): Promise<GraphQLResponse> =>
        postGraphQL(
          stack.urls.subgraphs.incentives!,
          undefined,
          {
            query: /* GraphQL */ `
              query ($representations: [_Any!]!) {
                _entities(representations: $representations) {
                  ... on Quote {
                    incentiveEstimate {
                      total {
                        amount
                      }
                    }
                    incentiveAccrual {
                      amount {
                        amount
                      }
                    }
                  }
                  ... on Partner {
                    incentives(quarter: "2026-Q4") {
                      earned {
                        amount
                      }
                    }
                  }
                }
              }
            `,
            variables: { representations: [representation] },
          },
          { [IDENTITY_HEADER]: identity },
        );

      const quote = await entities(representation);
      const partner = await entities({ __typename: 'Partner', id: 'P-00002' });

      expect(quote.data).toEqual({ _entities: [{ incentiveEstimate: null, incentiveAccrual: null }] });
      expect(quote.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
        ['_entities.0.incentiveAccrual', 'FORBIDDEN'],
        ['_entities.0.incentiveEstimate', 'FORBIDDEN'],
      ]);
      expect(partner.data).toBeNull();
      expect(partner.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
        [['_entities'], 'FORBIDDEN'],
      ]);
    });
  });

  it('costs a bounded number of legacy calls for a page of 50 quotes with estimates', async () => {
    const partnerId = 'P-00009';
    const seeded = dataset.quotes.filter((q) => q.SBQQ__Partner__c === partnerId).length;
    const customer = dataset.customers.find((c) => c.Partner__c === partnerId)!;
    const cpq = await cpqSession(stack);
    for (let n = seeded; n < 50; n += 1) {
      const { id } = (await cpq('POST', 'SBQQ__Quote__c', {
        SBQQ__Partner__c: partnerId,
        SBQQ__Account__c: customer.Id,
      }))!;
      const product = dataset.products[n % dataset.products.length]!;
      await cpq('POST', 'SBQQ__QuoteLine__c', {
        SBQQ__Quote__c: id,
        SBQQ__Product__c: product.Id,
        SBQQ__Quantity__c: 1 + (n % 7),
      });
    }
    const query = `query ($id: ID!) { partner(id: $id) { quotes(first: 50) { totalCount edges { node { id status incentiveEstimate { total { amount } breakdown { kind } } } } } } }`;
    const token = await tokenFor(partnerId);
    // The first request also fetches tokens and the product catalog, which later requests reuse.
    await graphqlAs(token, stack.urls.gateway, query, { id: partnerId });
    for (const url of Object.values(stack.urls.legacy)) await resetLegacy(url);

    const response = await graphqlAs<{
      partner: {
        quotes: {
          totalCount: number;
          edges: Array<{ node: { status: string; incentiveEstimate: Estimate | null } }>;
        };
      };
    }>(token, stack.urls.gateway, query, { id: partnerId });

    expect(response.errors).toBeUndefined();
    const edges = response.data!.partner.quotes.edges;
    expect(edges).toHaveLength(50);
    expect(
      edges.filter((e) => e.node.status !== 'REJECTED').every((e) => e.node.incentiveEstimate !== null),
    ).toBe(true);
    // One call per incentive endpoint (programs are re-read because this stack keeps them fresh for
    // 1 ms), except the pending queue: the first request's listing serves every request for 30 s.
    expect(await legacyCalls(stack.urls.legacy.incentives!)).toEqual({
      'GET /ics/v1/programs': 1,
      'GET /ics/v1/partners/:partnerId/accruals': 1,
    });
    // Quotes, their lines and their opportunities: one query each; products come from the cache.
    expect(await legacyCalls(stack.urls.legacy.cpq!)).toEqual({ 'GET /services/data/v60.0/query': 3 });
    // The partner for `partner(id:)`, and its tier and quota for the estimates.
    expect(await legacyCalls(stack.urls.legacy.prm!)).toEqual({ 'GET /api/objects/v1/Account': 2 });
  });

  it('answers the quote without its estimate, and stale programs, while the incentive system is down', async () => {
    const quote = dataset.incentives.accruals.find((a) => a.partnerId === 'P-00001')!.quoteId;
    const query = `{ quote(id: "${quote}") { id number netTotal { amount } incentiveEstimate { total { amount } } } incentivePrograms { id freshness { stale } } }`;
    const token = await tokenFor('P-00001');
    const healthy = await graphqlAs<{ incentivePrograms: Array<{ freshness: { stale: boolean } }> }>(
      token,
      stack.urls.gateway,
      query,
    );
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data!.incentivePrograms.map((p) => p.freshness.stale)).toEqual(
      dataset.incentives.programs.map(() => false),
    );
    await injectFault(stack.urls.legacy.incentives!, { down: true });

    const response = await graphqlAs<{
      quote: { id: string; number: string; netTotal: Amount; incentiveEstimate: null };
      incentivePrograms: Array<{ id: string; freshness: { stale: boolean } }>;
    }>(token, stack.urls.gateway, query);

    const seeded = dataset.quotes.find((q) => q.Id === quote)!;
    expect(response.data!.quote).toEqual({
      id: quote,
      number: seeded.Name,
      netTotal: { amount: seeded.SBQQ__NetAmount__c },
      incentiveEstimate: null,
    });
    expect(response.data!.incentivePrograms).toEqual(
      dataset.incentives.programs.map((p) => ({ id: p.id, freshness: { stale: true } })),
    );
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({
      path: ['quote', 'incentiveEstimate'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'incentives' } },
    });
  });
});

describe('the estimate before the nightly batch is the accrual after it', () => {
  /** A seed whose batch queue holds deals that, between them, pay every rule: base, SPIFF, accelerator, cap. */
  const SEED = '102';
  let stack: RunningStack;
  let dataset: Dataset;
  let acceptedHere: string;
  const before = new Map<string, QuoteWithIncentives>();
  const after = new Map<string, QuoteWithIncentives>();
  const quartersBefore = new Map<string, Incentives>();
  const quartersAfter = new Map<string, Incentives>();
  let batch: { Posted: string; Rejected: string };
  let deals: Array<{ quoteId: string; partnerId: string }>;

  beforeAll(async () => {
    stack = await startTestStack({ ...STACK_ENV, LEGACY_SEED: SEED });
    dataset = stack.legacy!.dataset;
    deals = dataset.incentives.pendingTransactions.map(({ quoteId, partnerId }) => ({ quoteId, partnerId }));

    // One more deal, closed today: a partner accepts its largest open quote in the CPQ, and the
    // CRM feeds the accepted deal to the incentive system, as it does every evening.
    const partners = new Set(deals.map((deal) => deal.partnerId));
    const open = dataset.quotes
      .filter(
        (q) =>
          partners.has(q.SBQQ__Partner__c) && ['Draft', 'Approved', 'Presented'].includes(q.SBQQ__Status__c),
      )
      .sort((a, b) => new Decimal(b.SBQQ__NetAmount__c).cmp(a.SBQQ__NetAmount__c))[0]!;
    acceptedHere = open.Id;
    await (
      await cpqSession(stack)
    )('PATCH', `SBQQ__Quote__c/${open.Id}`, { SBQQ__Status__c: 'Accepted' });
    const closed = await graphqlAs<{ quote: { closeDate: string; status: string } }>(
      await tokenFor(open.SBQQ__Partner__c),
      stack.urls.gateway,
      `{ quote(id: "${open.Id}") { status closeDate } }`,
    );
    expect(closed.data!.quote).toEqual({ status: 'ACCEPTED', closeDate: businessDay() });
    const lines = dataset.quoteLines
      .filter((l) => l.SBQQ__Quote__c === open.Id)
      .map(
        (l) =>
          `<Line><LineId>${l.Id}</LineId><ProductCode>${l.SBQQ__ProductCode__c}</ProductCode><Quantity>${l.SBQQ__Quantity__c}</Quantity><NetTotal>${l.SBQQ__NetTotal__c}</NetTotal></Line>`,
      );
    const receipt = await incentivesSystem(
      stack,
      'POST',
      '/ics/v1/transactions',
      `<?xml version="1.0" encoding="UTF-8"?><Transaction><PartnerId>${open.SBQQ__Partner__c}</PartnerId><QuoteId>${open.Id}</QuoteId><CloseDate>${closed.data!.quote.closeDate}</CloseDate><Currency>${open.CurrencyIsoCode}</Currency><Lines>${lines.join('')}</Lines></Transaction>`,
    );
    expect(receipt.TransactionReceipt).toMatchObject({ Status: 'Pending' });
    deals.push({ quoteId: open.Id, partnerId: open.SBQQ__Partner__c });

    for (const deal of deals) before.set(deal.quoteId, await quoteAs(stack, deal.partnerId, deal.quoteId));
    const quarters = new Map(
      deals.map((deal) => [
        `${deal.partnerId} ${before.get(deal.quoteId)!.incentiveEstimate!.quarter}`,
        deal,
      ]),
    );
    for (const key of quarters.keys()) {
      const [partnerId, quarter] = key.split(' ') as [string, string];
      quartersBefore.set(key, await incentivesOf(stack, partnerId, quarter));
    }

    batch = (await incentivesSystem(stack, 'POST', '/__batch/run')).BatchRun as typeof batch;

    for (const deal of deals) after.set(deal.quoteId, await quoteAs(stack, deal.partnerId, deal.quoteId));
    for (const key of quarters.keys()) {
      const [partnerId, quarter] = key.split(' ') as [string, string];
      quartersAfter.set(key, await incentivesOf(stack, partnerId, quarter));
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('posts, for every deal waiting for the batch, exactly the estimated commission, rule by rule', () => {
    const eligible = deals.filter(
      (deal) => before.get(deal.quoteId)!.incentiveEstimate!.ineligibleReason === null,
    );
    // The deal accepted today is eligible while a program covers today; the seeded ones always are.
    expect(eligible.map((d) => d.quoteId)).toEqual(
      expect.arrayContaining(dataset.incentives.pendingTransactions.map((t) => t.quoteId)),
    );
    expect(batch).toMatchObject({
      Posted: String(eligible.length),
      Rejected: String(deals.length - eligible.length),
    });
    for (const { quoteId } of deals) {
      const estimate = before.get(quoteId)!.incentiveEstimate!;
      expect(before.get(quoteId)!.incentiveAccrual).toBeNull();
      const accrual = after.get(quoteId)!.incentiveAccrual;
      if (estimate.ineligibleReason !== null) {
        expect({ quoteId, accrual }).toEqual({ quoteId, accrual: null });
        continue;
      }
      expect({ quoteId, ...estimatedParts(estimate) }).toEqual({ quoteId, ...postedParts(accrual!) });
      expect(accrual!.closeDate).toBe(estimate.closeDate);
      expect(accrual!.amount.currency).toBe(estimate.total.currency);
    }
  });

  it('covers every rule: deals paid the base only, a SPIFF, the accelerator and the cap', () => {
    const posted = deals.map((deal) => after.get(deal.quoteId)!.incentiveAccrual).filter((a) => a !== null);
    const paid = (part: keyof ReturnType<typeof postedParts>) =>
      posted.filter((a) => postedParts(a)[part] !== '0.00').length;
    expect({
      baseOnly:
        posted.filter((a) =>
          ['spiff', 'accelerator', 'cap'].every((p) => postedParts(a)[p as 'cap'] === '0.00'),
        ).length > 0,
      spiff: paid('spiff') > 0,
      accelerator: paid('accelerator') > 0,
      cap: paid('cap') > 0,
    }).toEqual({ baseOnly: true, spiff: true, accelerator: true, cap: true });
  });

  it("counts toward the quota the partner's deals ahead of it in the quarter, posted and queued", () => {
    const partnerId = deals.find((deal) => deal.quoteId === acceptedHere)!.partnerId;
    const { closeDate, quarter, bookedBeforeInQuarter } = before.get(acceptedHere)!.incentiveEstimate!;
    const ahead = (deal: { closeDate: string; quoteId: string; partnerId: string }) =>
      deal.partnerId === partnerId &&
      quarterOf(deal.closeDate) === quarter &&
      (deal.closeDate < closeDate || (deal.closeDate === closeDate && deal.quoteId < acceptedHere));
    const posted = dataset.incentives.accruals.filter(ahead).map((a) => a.dealAmount);
    const queued = dataset.incentives.pendingTransactions
      .filter(ahead)
      .map((t) => sum(t.lines.map((line) => line.netTotal)));
    expect(queued.length).toBeGreaterThan(0);
    expect(bookedBeforeInQuarter.amount).toBe(sum([...posted, ...queued]));
  });

  it("moves each partner quarter's pending commission into earned, to the cent", () => {
    for (const [key, was] of quartersBefore) {
      const now = quartersAfter.get(key)!;
      const quoteIds = deals.filter((d) => key.startsWith(`${d.partnerId} `)).map((d) => d.quoteId);
      const postedNow = quoteIds.flatMap((id) => {
        const accrual = after.get(id)!.incentiveAccrual;
        return accrual && quarterOf(accrual.closeDate) === was.quarter ? [accrual.amount.amount] : [];
      });
      expect({ key, pendingBefore: was.pending.amount }).toEqual({ key, pendingBefore: sum(postedNow) });
      expect({
        key,
        earned: now.earned.amount,
        pending: now.pending.amount,
        booked: now.booked.amount,
      }).toEqual({
        key,
        earned: was.projected.amount,
        pending: '0.00',
        booked: was.booked.amount,
      });
      expect(now.accruals.totalCount).toBe(was.accruals.totalCount + postedNow.length);
      expect(now.lastBatchRunAt).not.toBe(was.lastBatchRunAt);
    }
  });

  it('estimates the posted deals, after the batch, as the ledger posted them', () => {
    for (const { quoteId } of deals) {
      const accrual = after.get(quoteId)!.incentiveAccrual;
      if (!accrual) continue;
      expect({ quoteId, ...estimatedParts(after.get(quoteId)!.incentiveEstimate!) }).toEqual({
        quoteId,
        ...postedParts(accrual),
      });
    }
  });
});
