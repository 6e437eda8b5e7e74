import type { RunningStack } from '../scripts/stack';
import { graphqlAs, injectFault, legacyCalls, startTestStack, tokenFor } from './stack';
import { waitFor } from './wait-for';

/**
 * One adapter per legacy system per process: every subgraph that reads the CPQ shares its token,
 * its product cache and its breakers. Seen on the CPQ stand-in's /__stats, the process's /metrics
 * and the subgraphs' /healthz.
 */
const TOKEN_ROUTE = 'POST /services/oauth2/token';

const INCENTIVES = `query ($quarter: String) { me { incentives(quarter: $quarter) { pending { amount } } } }`;
const CREATE_QUOTE = `mutation ($input: CreateQuoteInput!) {
  createQuote(input: $input) { quote { id } userErrors { code } }
}`;
const ADD_LINE = `mutation ($quoteId: ID!, $input: AddQuoteLineInput!) {
  addQuoteLine(quoteId: $quoteId, input: $input) { quoteLine { id } userErrors { code } }
}`;
const REGISTER_DEAL = `mutation ($input: RegisterDealInput!) {
  registerDeal(input: $input) { dealRegistration { id } userErrors { code } }
}`;

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

async function scrape(stack: RunningStack): Promise<string> {
  return (await fetch(stack.urls.gateway.replace('/graphql', '/metrics'))).text();
}

function sample(metrics: string, series: string): number {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function cpqBreakers(subgraphUrl: string): Promise<Record<string, string>> {
  const health = (await (await fetch(`${subgraphUrl}/healthz`)).json()) as {
    legacy: { cpq: Record<string, string> };
  };
  return health.legacy.cpq;
}

describe('one adapter per legacy system per process', () => {
  let stack: RunningStack;
  let cpqUrl: string;

  beforeAll(async () => {
    // A long reset keeps an opened breaker open for the rest of the test.
    stack = await startTestStack({ BREAKER_VOLUME_THRESHOLD: '2', BREAKER_RESET_MS: '600000' });
    cpqUrl = stack.urls.legacy.cpq!;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('asks the CPQ for one token and fills the product cache once, whichever subgraph reads', async () => {
    const { pendingTransactions } = stack.legacy!.dataset.incentives;
    const pending = pendingTransactions.find((t) => t.lines.length > 0)!;
    const token = await tokenFor(pending.partnerId);
    const customer = stack.legacy!.dataset.customers.find((c) => c.Partner__c === pending.partnerId)!;

    // Incentives reads the families of the pending deal's products from the CPQ: the token, and the cache filled.
    const incentives = await graphqlAs(token, stack.urls.gateway, INCENTIVES, {
      quarter: quarterOf(pending.closeDate),
    });
    expect(incentives.errors).toBeUndefined();
    const created = await graphqlAs<{ createQuote: { quote: { id: string } } }>(
      token,
      stack.urls.gateway,
      CREATE_QUOTE,
      { input: { customerAccountId: customer.Id } },
    );
    expect(created.errors).toBeUndefined();
    const before = await scrape(stack);

    // Quoting checks one of those products before adding it to a quote: the cache incentives filled.
    const added = await graphqlAs(token, stack.urls.gateway, ADD_LINE, {
      quoteId: created.data!.createQuote.quote.id,
      input: { sku: pending.lines[0]!.productCode, quantity: 1 },
    });
    expect(added.errors).toBeUndefined();

    const after = await scrape(stack);
    const products = (result: string) =>
      `legacy_cache_total{system="cpq",operation="queryProducts",result="${result}"}`;
    expect(sample(after, products('miss'))).toBe(sample(before, products('miss')));
    expect(sample(after, products('hit'))).toBe(sample(before, products('hit')) + 1);
    expect(after).not.toContain('operation="queryProducts",outcome="ok",subgraph="quoting"');
    expect((await legacyCalls(cpqUrl))[TOKEN_ROUTE]).toBe(1);
  });

  it('opens the breaker every subgraph uses when the CPQ fails under one of them', async () => {
    const token = await tokenFor('P-00005');
    const customerAccountId = '00100000000000GAAA';
    await injectFault(cpqUrl, { down: true });

    // Quoting's customer check fails until the CPQ's getAccounts breaker opens.
    await waitFor('the CPQ getAccounts breaker opened by quoting', async () => {
      await graphqlAs(token, stack.urls.gateway, CREATE_QUOTE, { input: { customerAccountId } });
      return (await cpqBreakers(stack.subgraphServers.quoting!)).getAccounts === 'open';
    });
    expect((await cpqBreakers(stack.subgraphServers.partners!)).getAccounts).toBe('open');

    // The partners subgraph's customer check meets the open breaker: it fails without calling the CPQ.
    const callsBefore = await legacyCalls(cpqUrl);
    const registered = await graphqlAs(token, stack.urls.gateway, REGISTER_DEAL, {
      input: {
        customerAccountId,
        customerName: 'Shared Breaker Customer',
        productFamily: 'SECURITY',
        estimatedAmount: '1000',
      },
    });
    expect(registered.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { system: 'cpq', breaker: 'open' },
    });
    expect(await legacyCalls(cpqUrl)).toEqual(callsBefore);
    expect(await scrape(stack)).toMatch(/legacy_breaker_state\{system="cpq",operation="getAccounts"\} 2/);
  });
});
