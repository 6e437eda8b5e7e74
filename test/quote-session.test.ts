import Decimal from 'decimal.js';
import type { RunningStack } from '../scripts/stack';
import { pinBusinessDay, SEEDED_TODAY } from './business-day';
import { graphqlAs, injectFault, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';

/**
 * "What can I sell" to a priced, submitted quote, end to end through the gateway: the catalog, the
 * quote mutations with their typed user errors, tenancy, the approval path, and what each costs in
 * legacy calls. P-00001 is a Gold partner (10% tier discount, 25% approval limit) in APAC (USD),
 * certified for NETWORK and CLOUD only.
 */
const QUERY = 'GET /services/data/v60.0/query';
const COMPOSITE = 'GET /services/data/v60.0/composite/sobjects/:sobject';
const CREATE = 'POST /services/data/v60.0/sobjects/:sobject';
const CALCULATE = 'POST /services/apexrest/quote/calculate';
const PRM = '/api/objects/v1';

const CATALOG = /* GraphQL */ `
  query Catalog($currency: Currency) {
    me {
      customers {
        id
        name
      }
      catalog(currency: $currency) {
        certifiedFamilies
        priceBook {
          id
          name
          currency
          tierDiscount
          entries {
            product {
              sku
              family
            }
            listPrice {
              amount
              currency
            }
            partnerPrice {
              amount
              currency
            }
          }
          freshness {
            stale
            ageSeconds
          }
        }
      }
    }
  }
`;

const QUOTE_FIELDS = /* GraphQL */ `
  fragment QuoteFields on Quote {
    id
    status
    listTotal {
      amount
    }
    netTotal {
      amount
      currency
    }
    customer {
      id
      name
    }
    dealRegistration {
      id
      status
      protectedDiscount
    }
    lines {
      id
      product {
        sku
      }
      quantity
      discount
      additionalDiscount
      netTotal {
        amount
      }
    }
  }
`;
const USER_ERRORS = 'userErrors { field message code }';

const CREATE_QUOTE = `${QUOTE_FIELDS}
  mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { quote { ...QuoteFields } ${USER_ERRORS} } }`;
const ADD_LINE = `${QUOTE_FIELDS}
  mutation ($quoteId: ID!, $input: AddQuoteLineInput!) {
    addQuoteLine(quoteId: $quoteId, input: $input) { quote { ...QuoteFields } quoteLine { id quantity } ${USER_ERRORS} }
  }`;
const UPDATE_LINE = `${QUOTE_FIELDS}
  mutation ($lineId: ID!, $input: UpdateQuoteLineInput!) {
    updateQuoteLine(lineId: $lineId, input: $input) { quote { ...QuoteFields } quoteLine { id quantity additionalDiscount } ${USER_ERRORS} }
  }`;
const REMOVE_LINE = `${QUOTE_FIELDS}
  mutation ($lineId: ID!) { removeQuoteLine(lineId: $lineId) { quote { ...QuoteFields } removedLineId ${USER_ERRORS} } }`;
const PRICE = `${QUOTE_FIELDS}
  mutation ($quoteId: ID!) {
    priceQuote(quoteId: $quoteId) {
      quote { ...QuoteFields }
      pricing {
        pricedOn
        lines { line { id } volumeDiscount tierDiscount dealRegistrationDiscount additionalDiscount totalDiscount needsApproval }
        listTotal { amount }
        netTotal { amount }
        approval { required limit }
        warnings
      }
      ${USER_ERRORS}
    }
  }`;
const SUBMIT = `${QUOTE_FIELDS}
  mutation ($quoteId: ID!) {
    submitQuote(quoteId: $quoteId) {
      quote { ...QuoteFields }
      approval { required limit reasons { line { id } discount limit message } }
      ${USER_ERRORS}
    }
  }`;

interface Line {
  id: string;
  product: { sku: string };
  quantity: number;
  discount: string;
  additionalDiscount: string;
  netTotal: { amount: string };
}
interface QuoteData {
  id: string;
  status: string;
  listTotal: { amount: string };
  netTotal: { amount: string; currency: string };
  customer: { id: string; name: string } | null;
  dealRegistration: { id: string; status: string; protectedDiscount: string } | null;
  lines: Line[];
}
interface UserError {
  field: string | null;
  message: string;
  code: string;
}
type Payload<T = object> = { quote: QuoteData | null; userErrors: UserError[] } & T;
type Mutation<K extends string, T = object> = Record<K, Payload<T> | null>;

interface CatalogData {
  me: {
    customers: Array<{ id: string; name: string }>;
    catalog: {
      certifiedFamilies: string[];
      priceBook: {
        id: string;
        name: string;
        currency: string;
        tierDiscount: string;
        entries: Array<{
          product: { sku: string; family: string };
          listPrice: { amount: string; currency: string };
          partnerPrice: { amount: string; currency: string };
        }>;
        freshness: { stale: boolean; ageSeconds: number };
      };
    };
  };
}

const CUSTOMER = '001000000000003AAA';
const OTHER_CUSTOMER = '001000000000001AAA';
const REGISTRATION = 'DR-000004';

describe('a quote session through the gateway', () => {
  let stack: RunningStack;
  let cpqUrl: string;
  let prmUrl: string;

  beforeAll(async () => {
    pinBusinessDay();
    stack = await startTestStack();
    cpqUrl = stack.urls.legacy.cpq!;
    prmUrl = stack.urls.legacy.prm!;
  });
  afterAll(async () => {
    await stack?.close();
    jest.useRealTimers();
  });
  beforeEach(async () => {
    await resetLegacy(cpqUrl);
    await resetLegacy(prmUrl);
  });

  const dataset = () => stack.legacy!.dataset;
  const listPrice = (sku: string) => dataset().products.find((p) => p.ProductCode === sku)!.prices.USD;
  const netPrice = (sku: string, discount: Decimal.Value) =>
    new Decimal(listPrice(sku))
      .times(new Decimal(1).minus(new Decimal(discount).div(100)))
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

  async function as<T>(
    query: string,
    variables: Record<string, unknown>,
    partnerId = 'P-00001',
    roles: Parameters<typeof tokenFor>[1] = ['partner_rep'],
  ) {
    return graphqlAs<T>(await tokenFor(partnerId, roles), stack.urls.gateway, query, variables);
  }

  async function newQuote(input: Record<string, unknown> = { customerAccountId: CUSTOMER }) {
    const response = await as<Mutation<'createQuote'>>(CREATE_QUOTE, { input });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createQuote!.userErrors).toEqual([]);
    return response.data!.createQuote!.quote!;
  }

  async function addLine(quoteId: string, input: Record<string, unknown>) {
    const response = await as<Mutation<'addQuoteLine', { quoteLine: { id: string } | null }>>(ADD_LINE, {
      quoteId,
      input,
    });
    expect(response.errors).toBeUndefined();
    return response.data!.addQuoteLine!;
  }

  describe('what can I sell', () => {
    it('lists my certified families and only their products, with my tier discount, from the CPQ', async () => {
      const response = await as<CatalogData>(CATALOG, {});

      expect(response.errors).toBeUndefined();
      const { customers, catalog } = response.data!.me;
      expect(customers.map((c) => c.id).sort()).toEqual(
        dataset()
          .customers.filter((c) => c.Partner__c === 'P-00001')
          .map((c) => c.Id)
          .sort(),
      );
      expect(catalog.certifiedFamilies).toEqual(['NETWORK', 'CLOUD']);
      const book = dataset().priceBooks.find((b) => b.Region__c === 'APAC')!;
      expect(catalog.priceBook).toMatchObject({
        id: book.Id,
        name: book.Name,
        currency: 'USD',
        tierDiscount: '10.00',
        freshness: { stale: false },
      });
      const sellable = dataset()
        .products.filter((p) => p.Family === 'Network' || p.Family === 'Cloud')
        .map((p) => p.ProductCode)
        .sort();
      expect(catalog.priceBook.entries.map((entry) => entry.product.sku)).toEqual(sellable);
      for (const entry of catalog.priceBook.entries) {
        expect(['NETWORK', 'CLOUD']).toContain(entry.product.family);
        expect(entry.listPrice).toEqual({ amount: listPrice(entry.product.sku), currency: 'USD' });
        expect(entry.partnerPrice).toEqual({
          amount: netPrice(entry.product.sku, 10).toFixed(2),
          currency: 'USD',
        });
      }
    });

    it('costs three PRM calls and four CPQ calls the first time, and no CPQ call while the cache is fresh', async () => {
      const query =
        '{ me { catalog { priceBook { entries { product { sku family } partnerPrice { amount } } } } } }';
      // A stack of its own, so that no earlier test has warmed the reference cache.
      const fresh = await startTestStack();
      try {
        const token = await tokenFor('P-00002');
        const first = await graphqlAs(token, fresh.urls.gateway, query);
        expect(first.errors).toBeUndefined();
        // The partner twice: once for `me` (partners subgraph), once for its tier and region (quoting).
        expect(await legacyCalls(fresh.urls.legacy.prm!)).toEqual({
          [`GET ${PRM}/Account`]: 2,
          [`GET ${PRM}/Certification`]: 1,
        });
        const cpqCalls = await legacyCalls(fresh.urls.legacy.cpq!);
        expect(cpqCalls[QUERY]).toBe(3);
        expect(cpqCalls[CALCULATE]).toBe(1);

        await resetLegacy(fresh.urls.legacy.cpq!);
        await injectFault(fresh.urls.legacy.cpq!, { down: true });
        const again = await graphqlAs(token, fresh.urls.gateway, query);
        expect(again.errors).toBeUndefined();
        expect(again.data).toEqual(first.data);
        expect(await legacyCalls(fresh.urls.legacy.cpq!)).toEqual({});
      } finally {
        await fresh.close();
      }
    });

    it('refuses a currency the APAC book does not hold with BAD_USER_INPUT on currency', async () => {
      const response = await as<CatalogData>(CATALOG, { currency: 'GBP' });

      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
    });

    it('refuses a malformed currency with BAD_USER_INPUT naming the variable', async () => {
      const response = await as<CatalogData>(CATALOG, { currency: 'usd' });

      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/\$currency.*Currency must be an ISO 4217 currency code/);
    });

    it("forbids another partner's catalog and customers", async () => {
      const response = await as(
        '{ partner(id: "P-00002") { id } other: partner(id: "P-00003") { catalog { certifiedFamilies } } }',
        {},
        'P-00002',
      );

      expect(response.data).toMatchObject({ partner: { id: 'P-00002' }, other: null });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('create -> add lines -> price -> submit', () => {
    it('prices with volume, tier and deal-registration discounts, and submits within the limit as APPROVED', async () => {
      const quote = await newQuote({ customerAccountId: CUSTOMER, dealRegistrationId: REGISTRATION });
      expect(quote).toMatchObject({
        status: 'DRAFT',
        netTotal: { amount: '0.00', currency: 'USD' },
        customer: { id: CUSTOMER },
        dealRegistration: { id: REGISTRATION, status: 'APPROVED', protectedDiscount: '6.00' },
        lines: [],
      });

      const first = await addLine(quote.id, { sku: 'NET-0001', quantity: 10 });
      expect(first.userErrors).toEqual([]);
      // volume 5 + tier 10 + deal registration 6
      expect(first.quote!.lines).toEqual([
        expect.objectContaining({ quantity: 10, discount: '21.00', additionalDiscount: '0.00' }),
      ]);
      expect(first.quote!.status).toBe('DRAFT');
      const second = await addLine(quote.id, { sku: 'CLO-0011', quantity: 1, additionalDiscount: '2.5' });
      expect(second.quote!.lines.map((line) => line.discount)).toEqual(['21.00', '18.50']);

      const updated = await as<Mutation<'updateQuoteLine', { quoteLine: { quantity: number } }>>(
        UPDATE_LINE,
        {
          lineId: first.quoteLine!.id,
          input: { quantity: 50 },
        },
      );
      expect(updated.data!.updateQuoteLine).toMatchObject({ quoteLine: { quantity: 50 }, userErrors: [] });

      const priced = await as<
        Mutation<
          'priceQuote',
          {
            pricing: {
              pricedOn: string;
              lines: Array<Record<string, unknown>>;
              netTotal: { amount: string };
              approval: { required: boolean; limit: string };
              warnings: string[];
            };
          }
        >
      >(PRICE, { quoteId: quote.id });
      expect(priced.errors).toBeUndefined();
      const pricing = priced.data!.priceQuote!.pricing;
      expect(pricing.lines).toEqual([
        {
          line: { id: first.quoteLine!.id },
          volumeDiscount: '8.00',
          tierDiscount: '10.00',
          dealRegistrationDiscount: '6.00',
          additionalDiscount: '0.00',
          totalDiscount: '24.00',
          needsApproval: false,
        },
        {
          line: { id: second.quoteLine!.id },
          volumeDiscount: '0.00',
          tierDiscount: '10.00',
          dealRegistrationDiscount: '6.00',
          additionalDiscount: '2.50',
          totalDiscount: '18.50',
          needsApproval: false,
        },
      ]);
      const expectedNet = netPrice('NET-0001', 24).times(50).plus(netPrice('CLO-0011', '18.5'));
      expect(pricing.netTotal.amount).toBe(expectedNet.toFixed(2));
      expect(pricing.pricedOn).toBe(SEEDED_TODAY);
      expect(pricing.approval).toEqual({ required: false, limit: '25.00' });
      expect(pricing.warnings).toEqual([]);
      expect(priced.data!.priceQuote!.quote!.netTotal.amount).toBe(expectedNet.toFixed(2));

      const submitted = await as<
        Mutation<'submitQuote', { approval: { required: boolean; reasons: unknown[] } }>
      >(SUBMIT, { quoteId: quote.id });
      expect(submitted.errors).toBeUndefined();
      expect(submitted.data!.submitQuote).toMatchObject({
        quote: { status: 'APPROVED', netTotal: { amount: expectedNet.toFixed(2) } },
        approval: { required: false, reasons: [] },
        userErrors: [],
      });

      const locked = await addLine(quote.id, { sku: 'NET-0002', quantity: 1 });
      expect(locked).toMatchObject({
        quote: null,
        userErrors: [{ code: 'NOT_EDITABLE', field: 'quoteId', message: expect.stringMatching(/APPROVED/) }],
      });
    });

    it('sends a discount above my tier limit to IN_REVIEW with the reason, and back once it is lowered', async () => {
      const quote = await newQuote();
      const line = await addLine(quote.id, { sku: 'CLO-0012', quantity: 1, additionalDiscount: '20' });
      expect(line.quote!.status).toBe('IN_REVIEW');

      const submitted = await as<
        Mutation<
          'submitQuote',
          {
            approval: {
              required: boolean;
              limit: string;
              reasons: Array<{ line: { id: string }; discount: string; limit: string; message: string }>;
            };
          }
        >
      >(SUBMIT, { quoteId: quote.id });

      expect(submitted.errors).toBeUndefined();
      expect(submitted.data!.submitQuote).toMatchObject({
        quote: { status: 'IN_REVIEW' },
        approval: {
          required: true,
          limit: '25.00',
          reasons: [
            {
              line: { id: line.quoteLine!.id },
              discount: '30.00',
              limit: '25.00',
              message: 'CLO-0012: a 30.00% discount exceeds the 25.00% your tier gives without approval',
            },
          ],
        },
        userErrors: [],
      });

      const lowered = await as<Mutation<'updateQuoteLine'>>(UPDATE_LINE, {
        lineId: line.quoteLine!.id,
        input: { additionalDiscount: '5' },
      });
      expect(lowered.data!.updateQuoteLine!.quote!.status).toBe('DRAFT');
      const resubmitted = await as<Mutation<'submitQuote'>>(SUBMIT, { quoteId: quote.id });
      expect(resubmitted.data!.submitQuote!.quote!.status).toBe('APPROVED');
    });

    it('removes a line and reprices the quote without it', async () => {
      const quote = await newQuote();
      const kept = await addLine(quote.id, { sku: 'NET-0005', quantity: 2 });
      const dropped = await addLine(quote.id, { sku: 'CLO-0013', quantity: 1 });

      const response = await as<Mutation<'removeQuoteLine', { removedLineId: string }>>(REMOVE_LINE, {
        lineId: dropped.quoteLine!.id,
      });

      expect(response.data!.removeQuoteLine).toMatchObject({
        removedLineId: dropped.quoteLine!.id,
        quote: {
          lines: [expect.objectContaining({ id: kept.quoteLine!.id })],
          netTotal: { amount: netPrice('NET-0005', 10).times(2).toFixed(2) },
        },
        userErrors: [],
      });
    });

    it('costs one CPQ write per mutation and never retries one', async () => {
      const quote = await newQuote();
      await resetLegacy(cpqUrl);
      await addLine(quote.id, { sku: 'NET-0003', quantity: 3 });
      expect((await legacyCalls(cpqUrl))[CREATE]).toBe(1);

      await injectFault(cpqUrl, { route: CREATE, errorRate: 1, errorStatus: 503 });
      const failed = await as<Mutation<'addQuoteLine'>>(ADD_LINE, {
        quoteId: quote.id,
        input: { sku: 'NET-0004', quantity: 1 },
      });

      expect(failed.data).toBeNull();
      expect(failed.errors?.[0]).toMatchObject({
        path: ['addQuoteLine'],
        extensions: {
          code: 'UPSTREAM_UNAVAILABLE',
          upstream: { system: 'cpq', operation: 'createQuoteLine' },
        },
      });
      expect((await legacyCalls(cpqUrl))[CREATE]).toBe(2);
    });
  });

  describe('typed user errors', () => {
    it.each([
      ['a SKU nobody sells', { sku: 'NOPE-0001', quantity: 1 }, 'UNKNOWN_SKU', 'sku'],
      ['a family I am not certified for', { sku: 'SEC-0006', quantity: 1 }, 'NOT_CERTIFIED', 'sku'],
      ['a quantity of 0', { sku: 'NET-0001', quantity: 0 }, 'BAD_USER_INPUT', 'quantity'],
      ['a negative quantity', { sku: 'NET-0001', quantity: -3 }, 'BAD_USER_INPUT', 'quantity'],
      [
        'a discount above 100%',
        { sku: 'NET-0001', quantity: 1, additionalDiscount: '101' },
        'BAD_USER_INPUT',
        'additionalDiscount',
      ],
      [
        'a negative discount',
        { sku: 'NET-0001', quantity: 1, additionalDiscount: '-5' },
        'BAD_USER_INPUT',
        'additionalDiscount',
      ],
      ['a quantity above 1,000,000', { sku: 'NET-0001', quantity: 1_000_001 }, 'BAD_USER_INPUT', 'quantity'],
    ])('addQuoteLine refuses %s, without writing', async (_case, input, code, field) => {
      const quote = await newQuote();
      await resetLegacy(cpqUrl);

      const response = await addLine(quote.id, input);

      expect(response).toMatchObject({ quote: null, quoteLine: null, userErrors: [{ code, field }] });
      expect((await legacyCalls(cpqUrl))[CREATE]).toBeUndefined();
    });

    it.each([
      [
        'an expired deal registration',
        { dealRegistrationId: 'DR-000005' },
        'DEAL_REGISTRATION_EXPIRED',
        'dealRegistrationId',
      ],
      [
        'a rejected deal registration',
        { dealRegistrationId: 'DR-000001' },
        'DEAL_REGISTRATION_INVALID',
        'dealRegistrationId',
      ],
      [
        "another customer's deal registration",
        { customerAccountId: OTHER_CUSTOMER, dealRegistrationId: REGISTRATION },
        'DEAL_REGISTRATION_INVALID',
        'dealRegistrationId',
      ],
      [
        "another partner's deal registration",
        { dealRegistrationId: 'DR-000006' },
        'NOT_FOUND',
        'dealRegistrationId',
      ],
      [
        "another partner's customer",
        { customerAccountId: '001000000000005AAA' },
        'NOT_FOUND',
        'customerAccountId',
      ],
      ['a currency outside my price book', { currency: 'EUR' }, 'BAD_USER_INPUT', 'currency'],
    ])('createQuote refuses %s', async (_case, overrides, code, field) => {
      const response = await as<Mutation<'createQuote'>>(CREATE_QUOTE, {
        input: { customerAccountId: CUSTOMER, ...overrides },
      });

      expect(response.errors).toBeUndefined();
      expect(response.data!.createQuote).toEqual({
        quote: null,
        userErrors: [{ code, field, message: expect.any(String) }],
      });
      expect((await legacyCalls(cpqUrl))[CREATE]).toBeUndefined();
    });

    it('reports every problem of a createQuote at once', async () => {
      const response = await as<Mutation<'createQuote'>>(CREATE_QUOTE, {
        input: { customerAccountId: '001000000000ZZZAAA', currency: 'JPY', dealRegistrationId: 'DR-999999' },
      });

      expect(response.data!.createQuote!.userErrors.map((error) => error.field)).toEqual([
        'currency',
        'customerAccountId',
        'dealRegistrationId',
      ]);
    });

    it.each([
      ['ACCEPTED', 'priceQuote'],
      ['PRESENTED', 'submitQuote'],
    ])('refuses to change a %s quote (%s) as NOT_EDITABLE', async (status, mutation) => {
      const seeded = dataset().quotes.find(
        (q) =>
          q.SBQQ__Partner__c === 'P-00001' &&
          q.SBQQ__Status__c === status.charAt(0) + status.slice(1).toLowerCase(),
      )!;

      const response = await as<Record<string, Payload>>(mutation === 'priceQuote' ? PRICE : SUBMIT, {
        quoteId: seeded.Id,
      });

      expect(response.data![mutation]).toMatchObject({
        quote: null,
        userErrors: [{ code: 'NOT_EDITABLE', field: 'quoteId' }],
      });
      expect(await legacyCalls(cpqUrl)).not.toHaveProperty([CALCULATE]);
    });

    it('refuses to submit a quote without lines', async () => {
      const quote = await newQuote();

      const response = await as<Mutation<'submitQuote'>>(SUBMIT, { quoteId: quote.id });

      expect(response.data!.submitQuote!.userErrors).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'quoteId' }),
      ]);
    });

    it('refuses to submit a quote holding a family I am no longer certified for', async () => {
      const uncertified = dataset().quotes.find((q) => q.Id === 'a0Q000000000003AAA')!;

      const response = await as<Mutation<'submitQuote'>>(SUBMIT, { quoteId: uncertified.Id });

      expect(response.data!.submitQuote!.quote).toBeNull();
      expect(new Set(response.data!.submitQuote!.userErrors.map((error) => error.code))).toEqual(
        new Set(['NOT_CERTIFIED']),
      );
      expect(await legacyCalls(cpqUrl)).not.toHaveProperty([CALCULATE]);
    });

    it.each([
      [
        'an unknown quote',
        ADD_LINE,
        { quoteId: 'a0Q00000000ZZZZAAA', input: { sku: 'NET-0001', quantity: 1 } },
        'addQuoteLine',
        'quoteId',
      ],
      ['an unknown line', REMOVE_LINE, { lineId: 'a0R00000000ZZZZAAA' }, 'removeQuoteLine', 'lineId'],
    ])('answers NOT_FOUND for %s', async (_case, query, variables, mutation, field) => {
      const response = await as<Record<string, Payload>>(query, variables);

      expect(response.data![mutation]!.userErrors).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field }),
      ]);
    });

    it('asks for something to change in updateQuoteLine', async () => {
      const quote = await newQuote();
      const line = await addLine(quote.id, { sku: 'NET-0001', quantity: 1 });

      const response = await as<Mutation<'updateQuoteLine'>>(UPDATE_LINE, {
        lineId: line.quoteLine!.id,
        input: {},
      });

      expect(response.data!.updateQuoteLine!.userErrors).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: null }),
      ]);
    });
  });

  describe('tenancy and roles', () => {
    it("refuses another partner's quote and line with FORBIDDEN, without writing to the CPQ", async () => {
      const quote = await newQuote();
      const line = await addLine(quote.id, { sku: 'NET-0001', quantity: 1 });
      await resetLegacy(cpqUrl);

      const [add, update, remove, price, submit] = await Promise.all([
        as<Mutation<'addQuoteLine'>>(
          ADD_LINE,
          { quoteId: quote.id, input: { sku: 'NET-0001', quantity: 1 } },
          'P-00002',
        ),
        as<Mutation<'updateQuoteLine'>>(
          UPDATE_LINE,
          { lineId: line.quoteLine!.id, input: { quantity: 9 } },
          'P-00002',
        ),
        as<Mutation<'removeQuoteLine'>>(REMOVE_LINE, { lineId: line.quoteLine!.id }, 'P-00002', [
          'partner_admin',
        ]),
        as<Mutation<'priceQuote'>>(PRICE, { quoteId: quote.id }, 'P-00002'),
        as<Mutation<'submitQuote'>>(SUBMIT, { quoteId: quote.id }, 'P-00002'),
      ]);

      for (const [response, field] of [
        [add.data!.addQuoteLine, 'quoteId'],
        [update.data!.updateQuoteLine, 'lineId'],
        [remove.data!.removeQuoteLine, 'lineId'],
        [price.data!.priceQuote, 'quoteId'],
        [submit.data!.submitQuote, 'quoteId'],
      ] as const) {
        expect(response).toMatchObject({ quote: null, userErrors: [{ code: 'FORBIDDEN', field }] });
      }
      const calls = await legacyCalls(cpqUrl);
      expect(Object.keys(calls).filter((route) => !route.startsWith('GET '))).toEqual([]);
    });

    it('lets a channel manager read the quote but change nothing', async () => {
      const quote = await newQuote();
      const manager: Parameters<typeof tokenFor>[1] = ['channel_manager'];

      const read = await as<{ quote: { id: string } }>(
        'query ($id: ID!) { quote(id: $id) { id } }',
        { id: quote.id },
        'P-00009',
        manager,
      );
      const create = await as(CREATE_QUOTE, { input: { customerAccountId: CUSTOMER } }, 'P-00001', manager);
      const submit = await as(SUBMIT, { quoteId: quote.id }, 'P-00001', manager);

      expect(read.data!.quote.id).toBe(quote.id);
      for (const response of [create, submit]) {
        expect(response.data).toBeNull();
        expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  it('batches the customers and deal registrations of a page of quotes', async () => {
    await newQuote({ customerAccountId: CUSTOMER, dealRegistrationId: REGISTRATION });
    await newQuote({ customerAccountId: OTHER_CUSTOMER, dealRegistrationId: 'DR-000002' });
    await resetLegacy(cpqUrl);
    await resetLegacy(prmUrl);

    const response = await as<{
      me: { quotes: { edges: Array<{ node: { dealRegistration: { id: string; status: string } | null } }> } };
    }>(
      '{ me { quotes(first: 50) { edges { node { id customer { name } dealRegistration { id status } } } } } }',
      {},
    );

    expect(response.errors).toBeUndefined();
    const registrations = response.data!.me.quotes.edges.flatMap((edge) => edge.node.dealRegistration ?? []);
    // Other tests of this file may have claimed the same registrations on quotes of their own.
    expect(new Set(registrations.map((registration) => registration.id))).toEqual(
      new Set(['DR-000002', REGISTRATION]),
    );
    const cpqCalls = await legacyCalls(cpqUrl);
    expect(cpqCalls[QUERY]).toBe(1);
    expect(cpqCalls[COMPOSITE]).toBe(1);
    // The viewer's own registrations answer every reference in one list call; none is read by id.
    expect(await legacyCalls(prmUrl)).toEqual({
      [`GET ${PRM}/Account`]: 1,
      [`GET ${PRM}/DealRegistration`]: 1,
    });
  });
});
