import { generateDataset } from '../legacy';
import type { RunningStack } from '../scripts/stack';
import { encodeCursor, identifierProblem, type IdentifierKind } from '../subgraphs/host';
import { graphqlAs, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';

/**
 * Malformed ids and codes from one partner never reach a legacy system: each is answered
 * BAD_USER_INPUT naming the argument (a user error where the mutation answers userErrors), no
 * legacy call is made for it, no breaker opens, and another partner's reads go on as before. Once,
 * five 20 KB quote ids made the CPQ answer 431, which opened the getQuotes breaker every partner shares.
 */
const HUGE = 'a'.repeat(20_000);
const MALFORMED_IDS = [
  HUGE,
  "a0Q000000000001AA'",
  'a0Q000000000001AAA,a0Q000000000002AAA',
  '../../x?y=1#',
  ' ',
  'a0Q00000000é001AAA',
];
const QUOTE_ID = 'a0Q000000000001AAA';
const CUSTOMER_ID = '001000000000003AAA';

interface MalformedCase {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  field: string;
  /** Set for mutations that answer `userErrors`: the payload's root field. */
  userErrorsOf?: string;
  /** Under `me`, whose PRM read of the signed-in partner is the one legacy call such a request makes. */
  underMe?: boolean;
}

const USER_ERRORS = 'userErrors { field code message }';

const CASES: MalformedCase[] = [
  ...MALFORMED_IDS.map((id) => ({
    name: `quote(id: ${id.slice(0, 20)})`,
    query: 'query ($id: ID!) { quote(id: $id) { id } }',
    variables: { id },
    field: 'id',
  })),
  ...[HUGE, 'P-1', "P-00001' OR 1=1", '../../x?y=1#'].map((id) => ({
    name: `partner(id: ${id.slice(0, 20)})`,
    query: 'query ($id: ID!) { partner(id: $id) { id name } }',
    variables: { id },
    field: 'id',
  })),
  ...[HUGE, "001000000000003AA'"].map((customerAccountId) => ({
    name: 'createQuote(customerAccountId)',
    query: `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } ${USER_ERRORS} } }`,
    variables: { input: { customerAccountId } },
    field: 'customerAccountId',
    userErrorsOf: 'createQuote',
  })),
  {
    name: 'createQuote(dealRegistrationId)',
    query: `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } ${USER_ERRORS} } }`,
    variables: { input: { customerAccountId: CUSTOMER_ID, dealRegistrationId: HUGE } },
    field: 'dealRegistrationId',
    userErrorsOf: 'createQuote',
  },
  ...[
    { quoteId: HUGE, sku: 'NET-0001', field: 'quoteId' },
    { quoteId: QUOTE_ID, sku: HUGE, field: 'sku' },
    { quoteId: QUOTE_ID, sku: "NET-0001' OR ProductCode != '", field: 'sku' },
  ].map(({ quoteId, sku, field }) => ({
    name: `addQuoteLine(${field})`,
    query: `mutation ($quoteId: ID!, $input: AddQuoteLineInput!) { addQuoteLine(quoteId: $quoteId, input: $input) { quote { id } ${USER_ERRORS} } }`,
    variables: { quoteId, input: { sku, quantity: 1 } },
    field,
    userErrorsOf: 'addQuoteLine',
  })),
  {
    name: 'updateQuoteLine(lineId)',
    query: `mutation ($lineId: ID!) { updateQuoteLine(lineId: $lineId, input: { quantity: 2 }) { quote { id } ${USER_ERRORS} } }`,
    variables: { lineId: HUGE },
    field: 'lineId',
    userErrorsOf: 'updateQuoteLine',
  },
  {
    name: 'removeQuoteLine(lineId)',
    query: `mutation ($lineId: ID!) { removeQuoteLine(lineId: $lineId) { removedLineId ${USER_ERRORS} } }`,
    variables: { lineId: 'a0R000000000001AAA,a0R000000000002AAA' },
    field: 'lineId',
    userErrorsOf: 'removeQuoteLine',
  },
  ...['priceQuote', 'submitQuote'].map((mutation) => ({
    name: `${mutation}(quoteId)`,
    query: `mutation ($quoteId: ID!) { ${mutation}(quoteId: $quoteId) { quote { id } ${USER_ERRORS} } }`,
    variables: { quoteId: HUGE },
    field: 'quoteId',
    userErrorsOf: mutation,
  })),
  {
    name: 'registerDeal(customerAccountId)',
    query: `mutation ($input: RegisterDealInput!) { registerDeal(input: $input) { dealRegistration { id } ${USER_ERRORS} } }`,
    variables: {
      input: {
        customerName: 'Malformed Input Ltd',
        customerAccountId: HUGE,
        productFamily: 'NETWORK',
        estimatedAmount: '1000.00',
      },
    },
    field: 'customerAccountId',
    userErrorsOf: 'registerDeal',
  },
  ...[
    ['quotes', 'totalCount'],
    ['dealRegistrations', 'totalCount'],
    ['invoices', 'totalCount'],
    ['payouts', 'totalCount'],
  ].flatMap(([connection, selection]) =>
    [HUGE, '!!not-a-cursor!!'].map((after) => ({
      name: `me.${connection}(after)`,
      query: `query ($after: String) { me { id ${connection}(after: $after) { ${selection} } } }`,
      variables: { after },
      field: 'after',
      underMe: true,
    })),
  ),
  ...[HUGE, '2026-Q5', "2026-Q4' "].map((quarter) => ({
    name: `me.incentives(quarter: ${quarter.slice(0, 20)})`,
    query: 'query ($quarter: String) { me { id incentives(quarter: $quarter) { quarter } } }',
    variables: { quarter },
    field: 'quarter',
    underMe: true,
  })),
];

const SYSTEMS = ['cpq', 'billing', 'incentives', 'prm'] as const;
const REQUESTS = 200;

describe('malformed ids and codes', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function legacyBreakers(): Promise<Record<string, string>> {
    const ready = await fetch(stack.urls.gateway.replace('/graphql', '/readyz'));
    const body = (await ready.json()) as {
      subgraphs: Array<{ name: string; legacy?: Record<string, Record<string, string>> }>;
    };
    return Object.fromEntries(
      body.subgraphs.flatMap((subgraph) =>
        Object.entries(subgraph.legacy ?? {}).flatMap(([system, operations]) =>
          Object.entries(operations).map(([operation, state]) => [
            `${subgraph.name}/${system}.${operation}`,
            state,
          ]),
        ),
      ),
    );
  }

  it(`answers ${REQUESTS} malformed requests BAD_USER_INPUT with the field, without a legacy call, and no breaker opens`, async () => {
    const other = await tokenFor('P-00002');
    const ownQuotes = await graphqlAs<{ me: { quotes: { edges: Array<{ node: { id: string } }> } } }>(
      other,
      stack.urls.gateway,
      '{ me { quotes(first: 1) { edges { node { id } } } } }',
    );
    const otherQuoteId = ownQuotes.data!.me.quotes.edges[0]!.node.id;
    const meCost = async () => {
      await Promise.all(SYSTEMS.map((system) => resetLegacy(stack.urls.legacy[system]!)));
      await graphqlAs(await tokenFor(), stack.urls.gateway, '{ me { id } }');
      return legacyCalls(stack.urls.legacy.prm!);
    };
    const callsPerMe = await meCost();
    await Promise.all(SYSTEMS.map((system) => resetLegacy(stack.urls.legacy[system]!)));

    const token = await tokenFor('P-00001', ['partner_rep']);
    const sent = Array.from({ length: REQUESTS }, (_, index) => CASES[index % CASES.length]!);
    const unexpected: string[] = [];
    for (let start = 0; start < sent.length; start += 10) {
      await Promise.all(
        sent.slice(start, start + 10).map(async (malformed) => {
          const response = await graphqlAs<Record<string, { userErrors?: unknown[] }>>(
            token,
            stack.urls.gateway,
            malformed.query,
            malformed.variables,
          );
          const found = malformed.userErrorsOf
            ? response.data?.[malformed.userErrorsOf]?.userErrors?.[0]
            : response.errors?.[0]?.extensions;
          const answered = found as { code?: unknown; field?: unknown } | undefined;
          if (answered?.code !== 'BAD_USER_INPUT' || answered.field !== malformed.field) {
            unexpected.push(`${malformed.name}: ${JSON.stringify(response).slice(0, 300)}`);
          }
        }),
      );
    }

    expect(unexpected).toEqual([]);
    const underMe = sent.filter((malformed) => malformed.underMe).length;
    const expectedPrm = Object.fromEntries(
      Object.entries(callsPerMe).map(([route, calls]) => [route, calls * underMe]),
    );
    expect(await legacyCalls(stack.urls.legacy.cpq!)).toEqual({});
    expect(await legacyCalls(stack.urls.legacy.billing!)).toEqual({});
    expect(await legacyCalls(stack.urls.legacy.incentives!)).toEqual({});
    expect(await legacyCalls(stack.urls.legacy.prm!)).toEqual(expectedPrm);
    const breakers = await legacyBreakers();
    expect(Object.entries(breakers).filter(([, state]) => state !== 'closed')).toEqual([]);

    const unaffected = await graphqlAs<{ quote: { id: string } | null }>(
      other,
      stack.urls.gateway,
      'query ($id: ID!) { quote(id: $id) { id number } }',
      { id: otherQuoteId },
    );
    expect(unaffected.errors).toBeUndefined();
    expect(unaffected.data?.quote?.id).toBe(otherQuoteId);
  });

  it('still answers a well-formed id that names nothing with null, after asking the CPQ', async () => {
    await resetLegacy(stack.urls.legacy.cpq!);
    const response = await graphqlAs(
      await tokenFor(),
      stack.urls.gateway,
      '{ quote(id: "a0QZZZZZZZZZZZZAAA") { id } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ quote: null });
    expect(Object.keys(await legacyCalls(stack.urls.legacy.cpq!)).length).toBeGreaterThan(0);
  });
});

describe('the id formats', () => {
  const dataset = generateDataset({ seed: 42, scale: 'small' });

  it.each<[IdentifierKind, string[]]>([
    ['partnerId', dataset.partners.map((partner) => partner.id)],
    ['quoteId', dataset.quotes.map((quote) => quote.Id)],
    ['quoteLineId', dataset.quoteLines.map((line) => line.Id)],
    ['customerAccountId', dataset.customers.map((customer) => customer.Id)],
    ['dealRegistrationId', dataset.dealRegistrations.map((registration) => registration.id)],
    ['sku', dataset.products.map((product) => product.ProductCode)],
    ['quarter', ['2026-Q1', '2026-Q4', '1999-Q2']],
    ['cursor', [encodeCursor(0), encodeCursor(42), encodeCursor(999_999_999)]],
  ])('accept every %s the legacy systems (or, for quarters and cursors, the graph) issue', (kind, ids) => {
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => identifierProblem(kind, id, kind) !== undefined)).toEqual([]);
  });
});
