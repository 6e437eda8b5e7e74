import Decimal from 'decimal.js';
import { DEV_IDENTITY_SECRET } from '../config';
import type { Invoice as ZuoraInvoice, Payout as ZuoraPayout } from '../legacy/seed/dataset';
import { IDENTITY_HEADER, signIdentity, type Viewer } from '../runtime';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, injectFault, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';

/** Billing through the gateway: quotes' subscriptions and invoices, partners' invoices and payouts. */
const QUOTE_BILLING = /* GraphQL */ `
  query QuoteBilling($id: ID!) {
    quote(id: $id) {
      id
      netTotal {
        amount
        currency
      }
      lines {
        id
      }
      subscription {
        id
        number
        status
        contractEffectiveDate
        termStartDate
        termEndDate
        termMonths
        totalContractedValue {
          amount
          currency
        }
        ratePlanCharges {
          sku
          quantity
          price {
            amount
          }
          discount
          total {
            amount
          }
          quoteLineId
        }
      }
      invoices {
        id
        number
        status
        invoiceDate
        dueDate
        total {
          amount
          currency
        }
        balance {
          amount
          currency
        }
        items {
          sku
          description
          quantity
          unitPrice {
            amount
          }
          amount {
            amount
          }
        }
        quote {
          id
        }
      }
    }
  }
`;

const PARTNER_INVOICES = /* GraphQL */ `
  query PartnerInvoices($id: ID!, $first: Int, $after: String, $status: [InvoiceStatus!]) {
    partner(id: $id) {
      invoices(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
        edges {
          node {
            id
            number
            status
            invoiceDate
          }
        }
      }
    }
  }
`;

const PARTNER_PAYOUTS = /* GraphQL */ `
  query PartnerPayouts($id: ID!, $first: Int) {
    partner(id: $id) {
      payouts(first: $first) {
        totalCount
        edges {
          node {
            id
            number
            period
            payoutDate
            status
            invoiceNumber
            gross {
              amount
              currency
            }
            splits {
              party
              partyId
              partner {
                id
                name
              }
              sharePercent
              amount {
                amount
                currency
              }
            }
          }
        }
      }
    }
  }
`;

const QUOTES_WITH_BILLING = /* GraphQL */ `
  query QuotesWithBilling($id: ID!, $first: Int) {
    partner(id: $id) {
      name
      quotes(first: $first) {
        edges {
          node {
            id
            number
            invoices {
              id
              total {
                amount
              }
            }
            subscription {
              id
            }
          }
        }
      }
    }
  }
`;

interface QuoteBillingData {
  quote: {
    id: string;
    netTotal: { amount: string; currency: string };
    lines: Array<{ id: string }>;
    subscription: {
      number: string;
      status: string;
      termStartDate: string;
      termEndDate: string;
      totalContractedValue: { amount: string; currency: string };
      ratePlanCharges: Array<{ quoteLineId: string | null; total: { amount: string } }>;
    } | null;
    invoices: Array<{
      id: string;
      number: string;
      status: string;
      total: { amount: string; currency: string };
      items: Array<{ sku: string; amount: { amount: string } }>;
      quote: { id: string };
    }> | null;
  } | null;
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: Array<{ node: T }>;
}

interface PayoutNode {
  id: string;
  number: string;
  period: string;
  payoutDate: string;
  gross: { amount: string; currency: string };
  splits: Array<{
    party: string;
    partyId: string;
    partner: { id: string; name: string } | null;
    sharePercent: string;
    amount: { amount: string; currency: string };
  }>;
}

const BILLING_STATS = {
  invoices: 'GET /v1/invoices',
  subscriptions: 'GET /v1/subscriptions',
  accounts: 'GET /v1/accounts',
  payouts: 'GET /v1/payouts',
};

describe('billing through the gateway', () => {
  let stack: RunningStack;
  let billingUrl: string;

  beforeAll(async () => {
    stack = await startTestStack();
    billingUrl = stack.urls.legacy.billing!;
  });
  afterAll(async () => {
    await stack?.close();
  });
  beforeEach(async () => {
    await resetLegacy(billingUrl);
  });

  const dataset = () => stack.legacy!.dataset;
  const accountIdsOf = (partnerId: string) =>
    new Set(
      dataset()
        .billing.accounts.filter((a) => a.PartnerId__c === partnerId)
        .map((a) => a.id),
    );
  const invoicesOf = (partnerId: string): ZuoraInvoice[] =>
    dataset()
      .billing.invoices.filter((invoice) => accountIdsOf(partnerId).has(invoice.accountId))
      .sort(
        (a, b) =>
          b.invoiceDate.localeCompare(a.invoiceDate) || b.invoiceNumber.localeCompare(a.invoiceNumber),
      );
  const payoutsOf = (partnerId: string): ZuoraPayout[] =>
    dataset()
      .billing.payouts.filter((payout) => payout.partnerId === partnerId)
      .sort(
        (a, b) => b.payoutDate.localeCompare(a.payoutDate) || b.payoutNumber.localeCompare(a.payoutNumber),
      );

  /** An accepted quote whose invoice matches it (no deliberate discrepancy), and its partner. */
  function acceptedQuote(partnerId = 'P-00001') {
    const discrepant = new Set(dataset().discrepancies.map((d) => d.quoteId));
    const quote = dataset().quotes.find(
      (q) => q.SBQQ__Partner__c === partnerId && q.SBQQ__Status__c === 'Accepted' && !discrepant.has(q.Id),
    )!;
    expect(quote).toBeDefined();
    return quote;
  }

  it("serves an accepted quote's subscription and invoice as the billing system has them", async () => {
    const quote = acceptedQuote();
    const subscription = dataset().billing.subscriptions.find((s) => s.QuoteId__c === quote.Id)!;
    const invoice = dataset().billing.invoices.find((i) => i.QuoteId__c === quote.Id)!;
    const items = dataset().billing.invoiceItems.filter((item) => item.invoiceId === invoice.id);

    const response = await graphqlAs<QuoteBillingData>(
      await tokenFor('P-00001'),
      stack.urls.gateway,
      QUOTE_BILLING,
      {
        id: quote.Id,
      },
    );

    expect(response.errors).toBeUndefined();
    const served = response.data!.quote!;
    expect(served.subscription).toMatchObject({
      number: subscription.subscriptionNumber,
      status: 'ACTIVE',
      termStartDate: subscription.termStartDate,
      termEndDate: subscription.termEndDate,
      totalContractedValue: { amount: subscription.totalContractedValue, currency: subscription.currency },
    });
    expect(served.invoices).toEqual([
      {
        id: invoice.id,
        number: invoice.invoiceNumber,
        status: invoice.balance === '0.00' ? 'PAID' : 'OPEN',
        invoiceDate: invoice.invoiceDate,
        dueDate: invoice.dueDate,
        total: { amount: invoice.amount, currency: invoice.currency },
        balance: { amount: invoice.balance, currency: invoice.currency },
        items: items.map((item) => ({
          sku: item.productCode,
          description: item.chargeName,
          quantity: item.quantity,
          unitPrice: { amount: item.unitPrice },
          amount: { amount: item.chargeAmount },
        })),
        quote: { id: quote.Id },
      },
    ]);
    // What the quote promised is what the subscription and the invoice realize, line by line.
    expect(served.invoices![0]!.total).toEqual(served.netTotal);
    expect(served.subscription!.totalContractedValue).toEqual(served.netTotal);
    expect(served.subscription!.ratePlanCharges.map((charge) => charge.quoteLineId)).toEqual(
      served.lines.map((line) => line.id),
    );
  });

  it('answers no subscription and no invoices for a quote that was not accepted', async () => {
    const draft = dataset().quotes.find(
      (q) => q.SBQQ__Partner__c === 'P-00001' && q.SBQQ__Status__c === 'Draft',
    )!;

    const response = await graphqlAs<QuoteBillingData>(
      await tokenFor('P-00001'),
      stack.urls.gateway,
      QUOTE_BILLING,
      {
        id: draft.Id,
      },
    );

    expect(response.errors).toBeUndefined();
    expect(response.data!.quote).toMatchObject({ subscription: null, invoices: [] });
  });

  it("pages through a partner's invoices, newest first, with totalCount and a status filter", async () => {
    const token = await tokenFor('P-00001');
    const expected = invoicesOf('P-00001');
    expect(expected.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: Awaited<
        ReturnType<typeof graphqlAs<{ partner: { invoices: Connection<{ id: string }> } }>>
      > = await graphqlAs(token, stack.urls.gateway, PARTNER_INVOICES, { id: 'P-00001', first: 3, after });
      expect(response.errors).toBeUndefined();
      const invoices = response.data!.partner.invoices;
      expect(invoices.totalCount).toBe(expected.length);
      expect(invoices.pageInfo.hasPreviousPage).toBe(page > 0);
      seen.push(...invoices.edges.map((edge) => edge.node.id));
      if (!invoices.pageInfo.hasNextPage) break;
      after = invoices.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((invoice) => invoice.id));

    const open = await graphqlAs<{ partner: { invoices: Connection<{ id: string; status: string }> } }>(
      token,
      stack.urls.gateway,
      PARTNER_INVOICES,
      { id: 'P-00001', first: 100, status: ['OPEN'] },
    );
    const unpaid = expected.filter((invoice) => invoice.balance !== '0.00');
    expect(unpaid.length).toBeGreaterThan(0);
    expect(open.data!.partner.invoices.totalCount).toBe(unpaid.length);
    expect(open.data!.partner.invoices.edges.map((edge) => edge.node.id)).toEqual(unpaid.map((i) => i.id));
  });

  it("serves a partner's payouts, each split between the parties so that the splits add up to the gross", async () => {
    const partnerId = 'P-00001';
    const expected = payoutsOf(partnerId);
    expect(expected.length).toBeGreaterThan(0);

    const response = await graphqlAs<{ partner: { payouts: Connection<PayoutNode> } }>(
      await tokenFor(partnerId),
      stack.urls.gateway,
      PARTNER_PAYOUTS,
      { id: partnerId, first: 20 },
    );

    expect(response.errors).toBeUndefined();
    const payouts = response.data!.partner.payouts;
    expect(payouts.totalCount).toBe(expected.length);
    expect(payouts.edges.map((edge) => edge.node.number)).toEqual(
      expected.map((payout) => payout.payoutNumber),
    );
    const partnerName = dataset().partners.find((partner) => partner.id === partnerId)!.name;
    for (const { node } of payouts.edges) {
      const seeded = expected.find((payout) => payout.id === node.id)!;
      expect(node.gross).toEqual({ amount: seeded.grossAmount, currency: seeded.currency });
      expect(node.period).toBe(seeded.payoutDate.slice(0, 7));
      const splitTotal = node.splits.reduce((sum, split) => sum.plus(split.amount.amount), new Decimal(0));
      expect(splitTotal.toFixed(2)).toBe(node.gross.amount);
      expect(
        node.splits.map((split) => [split.party, split.partyId, split.sharePercent, split.amount.amount]),
      ).toEqual(
        seeded.splits.map((split) => [
          split.party.toUpperCase(),
          split.partyId,
          split.sharePercent,
          split.amount,
        ]),
      );
      expect(node.splits.find((split) => split.party === 'PARTNER')!.partner).toEqual({
        id: partnerId,
        name: partnerName,
      });
    }
  });

  describe('tenancy', () => {
    const asPartner = (partnerId: string): Viewer => ({
      sub: `user@${partnerId}`,
      partnerId,
      roles: ['partner_admin'],
    });

    /** The billing subgraph reached directly, with a valid gateway signature: its own checks must hold. */
    function billingSubgraph<T>(viewer: Viewer, query: string) {
      return graphqlAs<T>(undefined, stack.urls.subgraphs.billing!, query, undefined, {
        [IDENTITY_HEADER]: signIdentity(viewer, DEV_IDENTITY_SECRET),
      });
    }

    it("forbids another partner's invoices and payouts without asking the billing system", async () => {
      const response = await graphqlAs(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        '{ partner(id: "P-00002") { invoices { totalCount } payouts { totalCount } } }',
      );

      expect(response.data).toEqual({ partner: null });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await legacyCalls(billingUrl)).toEqual({});
    });

    it("forbids another partner's invoices and payouts even when the partner comes from _entities", async () => {
      const response = await billingSubgraph<{ _entities: unknown[] }>(
        asPartner('P-00001'),
        '{ _entities(representations: [{ __typename: "Partner", id: "P-00002" }]) { ... on Partner { invoices { totalCount } payouts { totalCount } } } }',
      );

      expect(response.data?._entities ?? [null]).toEqual([null]);
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it("forbids the invoices and subscription of another partner's quote: the billing record's account decides", async () => {
      const foreign = acceptedQuote('P-00002');

      const response = await billingSubgraph<{
        _entities: Array<{ invoices: unknown; subscription: unknown } | null>;
      }>(
        asPartner('P-00001'),
        `{ _entities(representations: [{ __typename: "Quote", id: "${foreign.Id}" }]) { ... on Quote { invoices { id } subscription { id } } } }`,
      );

      expect(response.data?._entities).toEqual([{ invoices: null, subscription: null }]);
      expect(
        response.errors?.map((error) => [error.path?.slice(-1)[0], error.extensions?.code]).sort(),
      ).toEqual([
        ['invoices', 'FORBIDDEN'],
        ['subscription', 'FORBIDDEN'],
      ]);
    });

    it("forbids another partner's invoice by id, and serves the own one", async () => {
      const own = invoicesOf('P-00001')[0]!;
      const foreign = invoicesOf('P-00002')[0]!;

      const response = await billingSubgraph<{ _entities: Array<{ number: string } | null> }>(
        asPartner('P-00001'),
        `{ _entities(representations: [{ __typename: "Invoice", id: "${own.id}" }, { __typename: "Invoice", id: "${foreign.id}" }]) { ... on Invoice { number } } }`,
      );

      expect(response.data?._entities).toEqual([{ number: own.invoiceNumber }, null]);
      expect(response.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
        [['_entities', 1], 'FORBIDDEN'],
      ]);
    });

    it("lets a channel manager read every partner's billing", async () => {
      const response = await graphqlAs<{
        a: { invoices: { totalCount: number }; payouts: { totalCount: number } };
        b: { invoices: { totalCount: number } };
      }>(
        await tokenFor('P-00001', ['channel_manager']),
        stack.urls.gateway,
        '{ a: partner(id: "P-00002") { invoices { totalCount } payouts { totalCount } } b: partner(id: "P-00003") { invoices { totalCount } } }',
      );

      expect(response.errors).toBeUndefined();
      expect(response.data?.a.invoices.totalCount).toBe(invoicesOf('P-00002').length);
      expect(response.data?.a.payouts.totalCount).toBe(payoutsOf('P-00002').length);
      expect(response.data?.b.invoices.totalCount).toBe(invoicesOf('P-00003').length);
    });
  });

  describe('legacy calls', () => {
    const partnerId = 'P-00001';
    const quoteCount = () => dataset().quotes.filter((q) => q.SBQQ__Partner__c === partnerId).length;

    it("a page of a partner's quotes with invoices and subscriptions costs one call per billing endpoint", async () => {
      const response = await graphqlAs<{ partner: { quotes: { edges: unknown[] } } }>(
        await tokenFor(partnerId),
        stack.urls.gateway,
        QUOTES_WITH_BILLING,
        { id: partnerId, first: 50 },
      );

      expect(response.errors).toBeUndefined();
      expect(response.data!.partner.quotes.edges).toHaveLength(quoteCount());
      // The partner's own accounts are read once, for the tenancy check of every record.
      expect(await legacyCalls(billingUrl)).toEqual({
        [BILLING_STATS.invoices]: 1,
        [BILLING_STATS.subscriptions]: 1,
        [BILLING_STATS.accounts]: 1,
      });
    });

    it('50 quotes of many partners, as the gateway fetches them, cost one call per billing endpoint', async () => {
      const quotes = dataset().quotes.slice(0, 50);
      const representations = quotes.map((quote) => `{ __typename: "Quote", id: "${quote.Id}" }`).join(', ');

      const response = await graphqlAs<{ _entities: Array<{ invoices: Array<{ id: string }> }> }>(
        undefined,
        stack.urls.subgraphs.billing!,
        `{ _entities(representations: [${representations}]) { ... on Quote { invoices { id } subscription { id } } } }`,
        undefined,
        {
          [IDENTITY_HEADER]: signIdentity(
            { sub: 'manager', partnerId: 'P-00001', roles: ['channel_manager'] },
            DEV_IDENTITY_SECRET,
          ),
        },
      );

      expect(response.errors).toBeUndefined();
      expect(response.data!._entities.map((quote) => quote.invoices.map((invoice) => invoice.id))).toEqual(
        quotes.map((quote) =>
          dataset()
            .billing.invoices.filter((invoice) => invoice.QuoteId__c === quote.Id)
            .map((invoice) => invoice.id),
        ),
      );
      expect(await legacyCalls(billingUrl)).toEqual({
        [BILLING_STATS.invoices]: 1,
        [BILLING_STATS.subscriptions]: 1,
      });
    });

    it("a partner's invoices and payouts cost one call per endpoint", async () => {
      const response = await graphqlAs(
        await tokenFor(partnerId),
        stack.urls.gateway,
        `{ partner(id: "${partnerId}") { invoices(first: 100) { totalCount } payouts(first: 100) { totalCount } } }`,
      );

      expect(response.errors).toBeUndefined();
      expect(await legacyCalls(billingUrl)).toEqual({
        [BILLING_STATS.accounts]: 1,
        [BILLING_STATS.invoices]: 1,
        [BILLING_STATS.payouts]: 1,
      });
    });
  });

  it('returns the quotes with UPSTREAM_UNAVAILABLE at their billing fields while the billing system is down', async () => {
    await injectFault(billingUrl, { down: true });

    const response = await graphqlAs<{
      partner: {
        name: string;
        quotes: {
          edges: Array<{ node: { id: string; number: string; invoices: unknown; subscription: unknown } }>;
        };
      } | null;
    }>(await tokenFor('P-00001'), stack.urls.gateway, QUOTES_WITH_BILLING, { id: 'P-00001', first: 3 });

    const partner = response.data?.partner;
    expect(partner?.name).toBe(dataset().partners.find((p) => p.id === 'P-00001')!.name);
    expect(partner?.quotes.edges).toHaveLength(3);
    for (const { node } of partner!.quotes.edges) {
      expect(node.number).toMatch(/^Q-/);
      expect(node.invoices).toBeNull();
      expect(node.subscription).toBeNull();
    }
    const billingErrors = response.errors ?? [];
    expect(billingErrors).toHaveLength(6);
    for (const error of billingErrors) {
      expect(error.path?.slice(0, 3)).toEqual(['partner', 'quotes', 'edges']);
      expect(['invoices', 'subscription']).toContain(error.path?.[5]);
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: { system: 'billing' },
      });
    }
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|at .*\.ts/);
  });
});
