import { DEV_IDENTITY_SECRET } from '../config';
import { IDENTITY_HEADER, signIdentity } from '../runtime';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';

/**
 * Decimal, Currency and Date through the whole stack: a malformed value is refused as
 * BAD_USER_INPUT naming the variable, by the gateway itself, before any subgraph or legacy system
 * is asked, and so never counts against a subgraph breaker; a subgraph asked directly refuses it
 * the same way, with HTTP 400.
 */
const ADD_LINE = `mutation ($quoteId: ID!, $input: AddQuoteLineInput!) {
  addQuoteLine(quoteId: $quoteId, input: $input) { quoteLine { id } userErrors { field code } }
}`;
const REGISTER = `mutation ($input: RegisterDealInput!) {
  registerDeal(input: $input) { dealRegistration { id } userErrors { field code } }
}`;
const CATALOG = 'query ($currency: Currency) { me { catalog(currency: $currency) { certifiedFamilies } } }';
const QUOTES = 'query ($from: Date) { me { quotes(createdFrom: $from) { totalCount } } }';

const BAD_VARIABLES: Array<{
  name: string;
  query: string;
  variables: Record<string, unknown>;
  message: RegExp;
}> = [
  ...[0.1 + 0.2, 2.5, '2.5e1', 'NaN', { amount: '2.5' }].map((additionalDiscount) => ({
    name: `Decimal ${JSON.stringify(additionalDiscount)}`,
    query: ADD_LINE,
    variables: {
      quoteId: 'a0Q000000000001AAA',
      input: { sku: 'NET-0001', quantity: 1, additionalDiscount },
    },
    message: /^Variable "\$input" got invalid value .* at "input\.additionalDiscount"; Decimal must be/,
  })),
  {
    name: 'Decimal as a JSON number for an amount',
    query: REGISTER,
    variables: {
      input: { customerName: 'Scalar Ltd', productFamily: 'NETWORK', estimatedAmount: 1000.1 },
    },
    message: /^Variable "\$input" got invalid value .* at "input\.estimatedAmount"; Decimal must be/,
  },
  ...['eur', 'EURO', 'XYZ', 978].map((currency) => ({
    name: `Currency ${JSON.stringify(currency)}`,
    query: CATALOG,
    variables: { currency },
    message: /^Variable "\$currency" got invalid value .*; Currency must be an ISO 4217 currency code/,
  })),
  ...['2026-02-30', '2026-13-01', '31/12/2026', '2026-12-31T00:00:00Z'].map((from) => ({
    name: `Date ${from}`,
    query: QUOTES,
    variables: { from },
    message: /^Variable "\$from" got invalid value .*; Date must be a calendar date YYYY-MM-DD/,
  })),
];

describe('custom scalars end to end', () => {
  let stack: RunningStack;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack();
    token = await tokenFor('P-00001', ['partner_rep']);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function resetAllLegacy() {
    await Promise.all(Object.values(stack.urls.legacy).map((url) => resetLegacy(url)));
  }

  async function allLegacyCalls() {
    return Object.fromEntries(
      await Promise.all(
        Object.entries(stack.urls.legacy).map(async ([system, url]) => [system, await legacyCalls(url)]),
      ),
    );
  }

  it.each(BAD_VARIABLES)(
    'the gateway refuses the $name variable with BAD_USER_INPUT naming it, asking nobody',
    async ({ query, variables, message }) => {
      await resetAllLegacy();

      const response = await graphqlAs(token, stack.urls.gateway, query, variables);

      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(message);
      expect(await allLegacyCalls()).toEqual({ cpq: {}, billing: {}, incentives: {}, prm: {} });
    },
  );

  it('a malformed literal is refused as invalid by the gateway and never counts against a subgraph breaker', async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await graphqlAs(
        token,
        stack.urls.gateway,
        '{ me { quotes(createdFrom: "2026-02-30") { totalCount } catalog(currency: "eur") { certifiedFamilies } } }',
      );
      expect(response.status).toBe(400);
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual([
        'GRAPHQL_VALIDATION_FAILED',
        'GRAPHQL_VALIDATION_FAILED',
      ]);
    }

    const ready = await fetch(stack.urls.gateway.replace('/graphql', '/readyz'));
    const body = (await ready.json()) as { subgraphs: Array<{ name: string; breaker: string }> };
    expect(ready.status).toBe(200);
    expect(body.subgraphs.filter((subgraph) => subgraph.breaker !== 'closed')).toEqual([]);
  });

  /** The same request as the quoting or partners subgraph gets it: `me` is the gateway's join. */
  function asSubgraphSees(query: string, variables: Record<string, unknown>) {
    const entityField =
      query === CATALOG
        ? ['$currency: Currency', 'catalog(currency: $currency) { certifiedFamilies }']
        : query === QUOTES
          ? ['$from: Date', 'quotes(createdFrom: $from) { totalCount }']
          : undefined;
    if (!entityField) {
      const subgraph = query === REGISTER ? stack.urls.subgraphs.partners! : stack.urls.subgraphs.quoting!;
      return { subgraph, query, variables };
    }
    const [variable, field] = entityField;
    return {
      subgraph: stack.urls.subgraphs.quoting!,
      query: `query ($representations: [_Any!]!, ${variable}) { _entities(representations: $representations) { ... on Partner { ${field} } } }`,
      variables: { ...variables, representations: [{ __typename: 'Partner', id: 'P-00001' }] },
    };
  }

  it.each(BAD_VARIABLES)(
    'a subgraph asked directly refuses the $name variable with 400 BAD_USER_INPUT',
    async ({ query, variables, message }) => {
      const direct = asSubgraphSees(query, variables);
      const identity = signIdentity(
        { sub: 'u', partnerId: 'P-00001', roles: ['partner_rep'] },
        DEV_IDENTITY_SECRET,
      );

      const response = await graphqlAs(undefined, direct.subgraph, direct.query, direct.variables, {
        [IDENTITY_HEADER]: identity,
      });

      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(message);
    },
  );

  it('takes well-formed values of each scalar and answers dates and decimals in their canonical form', async () => {
    const response = await graphqlAs<{
      me: { quotes: { edges: Array<{ node: { netTotal: { amount: string; currency: string } } }> } };
    }>(
      token,
      stack.urls.gateway,
      'query ($from: Date) { me { quotes(createdFrom: $from, first: 5) { edges { node { netTotal { amount currency } } } } } }',
      { from: '2024-02-29' },
    );

    expect(response.errors).toBeUndefined();
    const totals = response.data!.me.quotes.edges.map((edge) => edge.node.netTotal);
    expect(totals.length).toBeGreaterThan(0);
    for (const { amount, currency } of totals) {
      expect(amount).toMatch(/^-?(0|[1-9]\d*)\.\d{2}$/);
      expect(['USD', 'EUR', 'GBP']).toContain(currency);
    }
  });
});
