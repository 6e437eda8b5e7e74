import type { RunningStack } from '../scripts/stack';
import { graphql, graphqlAs, injectFault, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';

/** The walking skeleton: one query through gateway -> two subgraphs -> two legacy stand-ins. */
const PARTNER_WITH_QUOTES = /* GraphQL */ `
  query PartnerWithQuotes($id: ID!, $first: Int, $after: String) {
    partner(id: $id) {
      id
      name
      tier
      currency
      quotes(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            number
            status
            netTotal {
              amount
              currency
            }
            lines {
              quantity
              netTotal {
                amount
              }
            }
          }
        }
      }
    }
  }
`;

interface QuoteNode {
  id: string;
  number: string;
  status: string;
  netTotal: { amount: string; currency: string };
  lines: Array<{ quantity: number; netTotal: { amount: string } }>;
}
interface PartnerData {
  partner: {
    id: string;
    name: string;
    tier: string;
    currency: string;
    quotes: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      edges: Array<{ cursor: string; node: QuoteNode }>;
    };
  } | null;
}

const STATUS_NAMES: Record<string, string> = {
  Draft: 'DRAFT',
  'In Review': 'IN_REVIEW',
  Approved: 'APPROVED',
  Presented: 'PRESENTED',
  Accepted: 'ACCEPTED',
  Rejected: 'REJECTED',
};

describe('end to end through the gateway', () => {
  let stack: RunningStack;
  let cpqUrl: string;
  let prmUrl: string;

  beforeAll(async () => {
    stack = await startTestStack();
    cpqUrl = stack.urls.legacy.cpq!;
    prmUrl = stack.urls.legacy.prm!;
  });
  afterAll(async () => {
    await stack?.close();
  });
  beforeEach(async () => {
    await resetLegacy(cpqUrl);
    await resetLegacy(prmUrl);
  });

  function seededQuotesOf(partnerId: string) {
    return stack
      .legacy!.dataset.quotes.filter((quote) => quote.SBQQ__Partner__c === partnerId)
      .sort((a, b) => b.CreatedDate.localeCompare(a.CreatedDate) || b.Name.localeCompare(a.Name));
  }

  it("joins a partner from the PRM with its quotes from the CPQ, matching the stand-ins' records", async () => {
    const response = await graphql<PartnerData>(
      stack.urls.gateway,
      '{ partner(id: "P-00001") { id name quotes(first: 10) { edges { node { id number status netTotal { amount currency } } } } } }',
    );
    expect(response.errors).toBeUndefined();
    const account = stack.legacy!.dataset.partners.find((partner) => partner.id === 'P-00001')!;
    const expected = seededQuotesOf('P-00001').slice(0, 10);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.data?.partner?.name).toBe(account.name);
    expect(response.data?.partner?.quotes.edges.map((edge) => edge.node)).toEqual(
      expected.map((quote) => ({
        id: quote.Id,
        number: quote.Name,
        status: STATUS_NAMES[quote.SBQQ__Status__c],
        netTotal: { amount: quote.SBQQ__NetAmount__c, currency: quote.CurrencyIsoCode },
      })),
    );
  });

  it('pages through every quote with first/after, and totalCount counts them all', async () => {
    const expected = seededQuotesOf('P-00002').map((quote) => quote.Id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const response: Awaited<ReturnType<typeof graphql<PartnerData>>> = await graphqlAs<PartnerData>(
        await tokenFor('P-00002'),
        stack.urls.gateway,
        PARTNER_WITH_QUOTES,
        { id: 'P-00002', first: 4, after },
      );
      expect(response.errors).toBeUndefined();
      const quotes = response.data!.partner!.quotes;
      expect(quotes.totalCount).toBe(expected.length);
      expect(quotes.pageInfo.hasPreviousPage).toBe(page > 0);
      seen.push(...quotes.edges.map((edge) => edge.node.id));
      if (!quotes.pageInfo.hasNextPage) break;
      after = quotes.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("serves each quote's lines, whose net totals add up to the quote's", async () => {
    const manager = await tokenFor('P-00001', ['channel_manager']);
    const response = await graphqlAs<PartnerData>(manager, stack.urls.gateway, PARTNER_WITH_QUOTES, {
      id: 'P-00003',
      first: 5,
    });
    expect(response.errors).toBeUndefined();
    for (const { node } of response.data!.partner!.quotes.edges) {
      const lines = stack.legacy!.dataset.quoteLines.filter((line) => line.SBQQ__Quote__c === node.id);
      expect(node.lines.map((line) => line.netTotal.amount)).toEqual(
        lines.map((line) => line.SBQQ__NetTotal__c),
      );
      const sumOfCents = node.lines.reduce(
        (sum, line) => sum + Math.round(Number(line.netTotal.amount) * 100),
        0,
      );
      expect(sumOfCents).toBe(Math.round(Number(node.netTotal.amount) * 100));
    }
  });

  it('batches legacy calls: a page of quotes with lines costs one PRM call and two CPQ queries', async () => {
    const response = await graphqlAs<PartnerData>(
      await tokenFor('P-00004'),
      stack.urls.gateway,
      PARTNER_WITH_QUOTES,
      {
        id: 'P-00004',
        first: 15,
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.partner!.quotes.edges.length).toBeGreaterThan(1);
    expect(await legacyCalls(prmUrl)).toEqual({ 'GET /api/objects/v1/Account': 1 });
    const cpqCalls = await legacyCalls(cpqUrl);
    expect(cpqCalls['GET /services/data/v60.0/query']).toBe(2);
  });

  it('filters quotes by status and creation date, and sorts them by net total', async () => {
    const token = await tokenFor('P-00005');
    const seeded = seededQuotesOf('P-00005');
    const accepted = seeded.filter(
      (quote) => quote.SBQQ__Status__c === 'Accepted' || quote.SBQQ__Status__c === 'Draft',
    );
    const byStatus = await graphqlAs<PartnerData>(
      token,
      stack.urls.gateway,
      '{ partner(id: "P-00005") { quotes(first: 100, status: [ACCEPTED, DRAFT]) { totalCount edges { node { id } } } } }',
    );
    expect(byStatus.errors).toBeUndefined();
    expect(byStatus.data!.partner!.quotes.totalCount).toBe(accepted.length);
    expect(byStatus.data!.partner!.quotes.edges.map((edge) => edge.node.id)).toEqual(
      accepted.map((quote) => quote.Id),
    );

    const days = seeded.map((quote) => quote.CreatedDate.slice(0, 10)).sort();
    const [from, to] = [days[1]!, days[days.length - 2]!];
    const inRange = seeded.filter(
      (quote) => quote.CreatedDate.slice(0, 10) >= from && quote.CreatedDate.slice(0, 10) <= to,
    );
    const byDate = await graphqlAs<PartnerData>(
      token,
      stack.urls.gateway,
      `{ partner(id: "P-00005") { quotes(first: 100, createdFrom: "${from}", createdTo: "${to}") { totalCount } } }`,
    );
    expect(byDate.data!.partner!.quotes.totalCount).toBe(inRange.length);

    const sorted = await graphqlAs<PartnerData>(
      token,
      stack.urls.gateway,
      '{ partner(id: "P-00005") { quotes(first: 100, orderBy: NET_TOTAL_DESC) { edges { node { netTotal { amount } } } } } }',
    );
    const amounts = sorted.data!.partner!.quotes.edges.map((edge) => Number(edge.node.netTotal.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(amounts).toHaveLength(seeded.length);
  });

  it.each(['createdFrom: "2026-13-01"', 'createdTo: "yesterday"', 'createdTo: "2026-02-30"'])(
    'refuses the date filter %s as an invalid Date before any subgraph is asked',
    async (args) => {
      await resetLegacy(cpqUrl);
      const response = await graphqlAs(
        await tokenFor(),
        stack.urls.gateway,
        `{ partner(id: "P-00001") { quotes(${args}) { totalCount } } }`,
      );
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/Date must be a calendar date YYYY-MM-DD/);
      expect(await legacyCalls(cpqUrl)).toEqual({});
    },
  );

  it('rejects a date filter that starts after it ends with BAD_USER_INPUT on createdFrom, without asking the CPQ', async () => {
    await resetLegacy(cpqUrl);
    const response = await graphql(
      stack.urls.gateway,
      '{ partner(id: "P-00001") { quotes(createdFrom: "2026-06-02", createdTo: "2026-06-01") { totalCount } } }',
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'createdFrom' });
    expect(await legacyCalls(cpqUrl)).toEqual({});
  });

  it('serves product catalog data through the reference cache: one CPQ query, then none', async () => {
    const query =
      '{ quote(id: "a0Q000000000001AAA") { lines { product { sku family active freshness { stale ageSeconds } } } } }';
    const first = await graphql<{
      quote: { lines: Array<{ product: { sku: string; family: string; freshness: { stale: boolean } } }> };
    }>(stack.urls.gateway, query);
    expect(first.errors).toBeUndefined();
    const products = new Map(stack.legacy!.dataset.products.map((product) => [product.ProductCode, product]));
    for (const { product } of first.data!.quote.lines) {
      expect(product.family).toBe(products.get(product.sku)!.Family.toUpperCase());
      expect(product.freshness.stale).toBe(false);
    }
    const queriesAfterFirst = (await legacyCalls(cpqUrl))['GET /services/data/v60.0/query'] ?? 0;
    await graphql(stack.urls.gateway, query);
    // The second request reads the lines again (transactional) but not the products (cached).
    expect((await legacyCalls(cpqUrl))['GET /services/data/v60.0/query']).toBe(queriesAfterFirst + 1);
  });

  it('answers null for an unknown partner', async () => {
    const manager = await tokenFor('P-00001', ['channel_manager']);
    const response = await graphqlAs<PartnerData>(manager, stack.urls.gateway, PARTNER_WITH_QUOTES, {
      id: 'P-99999',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.partner).toBeNull();
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 5, after: 'not-a-cursor' }, 'after'],
  ])('rejects bad paging arguments %j with BAD_USER_INPUT naming the argument', async (args, field) => {
    const response = await graphql<PartnerData>(
      stack.urls.gateway,
      'query ($first: Int, $after: String) { partner(id: "P-00001") { quotes(first: $first, after: $after) { totalCount } } }',
      args,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors?.[0]?.path).toEqual(['partner', 'quotes']);
  });

  it('returns partial data with a coded error when the CPQ is down', async () => {
    await injectFault(cpqUrl, { down: true });
    const response = await graphql<{ partner: { id: string; name: string } | null; quote: unknown }>(
      stack.urls.gateway,
      '{ partner(id: "P-00001") { id name } quote(id: "a0Q000000000001AAA") { id number } }',
    );
    expect(response.data?.partner?.id).toBe('P-00001');
    expect(response.data?.quote).toBeNull();
    const error = response.errors?.find((e) => e.path?.[0] === 'quote');
    expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'cpq' } });
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|at .*\.ts/);
  });

  it('reports a malformed legacy record as UPSTREAM_BAD_RESPONSE, never as wrong data', async () => {
    await injectFault(prmUrl, { malformed: 'wrong-types' });
    const response = await graphql<PartnerData>(stack.urls.gateway, '{ partner(id: "P-00001") { id name } }');
    expect(response.data?.partner).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      upstream: { system: 'prm' },
    });
  });
});
