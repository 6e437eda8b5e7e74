import Decimal from 'decimal.js';
import { createBillingApp } from '../../legacy/billing/server';
import {
  generateDataset,
  type Invoice as ZuoraInvoice,
  type InvoiceItem as ZuoraInvoiceItem,
  type Payout as ZuoraPayout,
  type Subscription as ZuoraSubscription,
} from '../../legacy/seed/dataset';
import { listen, type RunningServer } from '../../runtime';
import type { Invoice, Payout, Subscription } from '../../domain';
import { Registry } from 'prom-client';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS } from '../http';
import { createBillingAdapter, type BillingAdapter } from './client';

const CREDENTIALS = { clientId: 'partner-graph', clientSecret: 'billing-test-secret' };
const TOKEN = 'POST /oauth/token';
const INVOICES = 'GET /v1/invoices';
const SUBSCRIPTIONS = 'GET /v1/subscriptions';
const ACCOUNTS = 'GET /v1/accounts';
const PAYOUTS = 'GET /v1/payouts';
const INVOICE = 'GET /v1/invoices/:invoiceKey';

const dataset = generateDataset({ seed: 13, scale: 'small' });
const { billing } = dataset;

/** What a seeded invoice must look like once it has been through the adapter. */
function expectedInvoice(record: ZuoraInvoice): Invoice {
  const items = billing.invoiceItems.filter((item) => item.invoiceId === record.id);
  const money = (amount: string) => ({ amount, currency: record.currency });
  return {
    id: record.id,
    number: record.invoiceNumber,
    accountId: record.accountId,
    quoteId: record.QuoteId__c,
    status: record.balance === '0.00' ? 'PAID' : 'OPEN',
    invoiceDate: record.invoiceDate,
    dueDate: record.dueDate,
    total: money(record.amount),
    balance: money(record.balance),
    items: items.map((item: ZuoraInvoiceItem) => ({
      id: item.id,
      sku: item.productCode,
      description: item.chargeName,
      quantity: item.quantity,
      unitPrice: money(item.unitPrice),
      amount: money(item.chargeAmount),
      serviceStartDate: item.serviceStartDate,
      serviceEndDate: item.serviceEndDate,
    })),
  };
}

function expectedSubscription(record: ZuoraSubscription): Subscription {
  const money = (amount: string) => ({ amount, currency: record.currency });
  return {
    id: record.id,
    number: record.subscriptionNumber,
    accountId: record.accountId,
    quoteId: record.QuoteId__c,
    status: 'ACTIVE',
    contractEffectiveDate: record.contractEffectiveDate,
    termStartDate: record.termStartDate,
    termEndDate: record.termEndDate,
    termMonths: record.initialTerm,
    totalContractedValue: money(record.totalContractedValue),
    ratePlanCharges: record.ratePlans.flatMap((plan) =>
      plan.ratePlanCharges.map((charge) => ({
        id: charge.id,
        number: charge.number,
        sku: charge.productCode,
        name: charge.name,
        quantity: charge.quantity,
        listPrice: money(charge.listPrice),
        price: money(charge.price),
        discountPercent: charge.discountPercentage,
        total: money(charge.tcv),
        quoteLineId: charge.QuoteLineId__c,
      })),
    ),
    createdAt: record.createdDate,
  };
}

function expectedPayout(record: ZuoraPayout): Payout {
  const money = (amount: string) => ({ amount, currency: record.currency });
  return {
    id: record.id,
    number: record.payoutNumber,
    partnerId: record.partnerId,
    invoiceId: record.invoiceId,
    invoiceNumber: record.invoiceNumber,
    status: record.status === 'Paid' ? 'PAID' : 'SCHEDULED',
    payoutDate: record.payoutDate,
    gross: money(record.grossAmount),
    splits: record.splits.map((split) => ({
      party: split.party.toUpperCase() as Payout['splits'][number]['party'],
      partyId: split.partyId,
      sharePercent: split.sharePercent,
      amount: money(split.amount),
    })),
  };
}

function accountsOf(partnerId: string) {
  return billing.accounts.filter((account) => account.PartnerId__c === partnerId);
}

async function legacyCalls(server: RunningServer): Promise<Record<string, number>> {
  const response = await fetch(`${server.url}/__stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

async function resetLegacy(server: RunningServer): Promise<void> {
  await fetch(`${server.url}/__stats`, { method: 'DELETE' });
  await fetch(`${server.url}/__faults`, { method: 'DELETE' });
}

async function injectFault(server: RunningServer, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

describe('createBillingAdapter against the billing stand-in', () => {
  let server: RunningServer;
  let adapter: BillingAdapter;

  beforeAll(async () => {
    server = await listen(createBillingApp(dataset, { ...CREDENTIALS, tokenTtlMs: 60 * 60 * 1000 }).app, 0);
    adapter = createBillingAdapter({
      baseUrl: server.url,
      ...CREDENTIALS,
      timeoutMs: 5000,
      breaker: DEFAULT_BREAKER_OPTIONS,
      retry: { maxRetries: 0 },
      registry: new Registry(),
      health: createLegacyHealthRegistry(),
    });
    // Fetch the token now, so that the tests count only the calls their loads cost.
    await adapter.createLoaders().invoicesByQuoteId.load(dataset.quotes[0]!.Id);
  });
  afterAll(async () => {
    adapter?.http.close();
    await server?.close();
  });
  beforeEach(async () => {
    await resetLegacy(server);
  });

  it('loads the invoices and subscriptions of 50 quotes in one call each', async () => {
    const quoteIds = dataset.quotes.slice(0, 50).map((quote) => quote.Id);
    const loaders = adapter.createLoaders();

    const [invoices, subscriptions] = await Promise.all([
      Promise.all(quoteIds.map((id) => loaders.invoicesByQuoteId.load(id))),
      Promise.all(quoteIds.map((id) => loaders.subscriptionByQuoteId.load(id))),
    ]);

    expect(invoices).toEqual(
      quoteIds.map((id) => billing.invoices.filter((i) => i.QuoteId__c === id).map(expectedInvoice)),
    );
    expect(subscriptions).toEqual(
      quoteIds.map((id) => {
        const record = billing.subscriptions.find((s) => s.QuoteId__c === id);
        return record ? expectedSubscription(record) : null;
      }),
    );
    // Some of the quotes were accepted (and billed), some were not.
    expect(invoices.filter((list) => list.length > 0).length).toBeGreaterThan(5);
    expect(subscriptions.filter((subscription) => subscription === null).length).toBeGreaterThan(5);
    expect(await legacyCalls(server)).toEqual({ [INVOICES]: 1, [SUBSCRIPTIONS]: 1 });
  });

  it('cuts a batch of 150 quotes into calls of at most 100 ids', async () => {
    const quoteIds = dataset.quotes.slice(0, 150).map((quote) => quote.Id);
    const loaders = adapter.createLoaders();

    const invoices = await Promise.all(quoteIds.map((id) => loaders.invoicesByQuoteId.load(id)));

    expect(invoices.flat().map((invoice) => invoice.id)).toEqual(
      quoteIds.flatMap((id) => billing.invoices.filter((i) => i.QuoteId__c === id).map((i) => i.id)),
    );
    expect(await legacyCalls(server)).toEqual({ [INVOICES]: 2 });
  });

  it("loads partners' invoices through their accounts: one call per partner, then one for all invoices", async () => {
    const partnerIds = ['P-00001', 'P-00002', 'P-00003'];
    const loaders = adapter.createLoaders();

    const invoices = await Promise.all(partnerIds.map((id) => loaders.invoicesByPartnerId.load(id)));

    expect(invoices).toEqual(
      partnerIds.map((partnerId) =>
        accountsOf(partnerId).flatMap((account) =>
          billing.invoices.filter((i) => i.accountId === account.id).map(expectedInvoice),
        ),
      ),
    );
    expect(invoices.every((list) => list.length > 0)).toBe(true);
    expect(await legacyCalls(server)).toEqual({ [ACCOUNTS]: 3, [INVOICES]: 1 });
    // The accounts are loaded once per request, also for the tenancy checks that follow.
    expect((await loaders.accountsByPartnerId.load('P-00002')).map((account) => account.id)).toEqual(
      accountsOf('P-00002').map((account) => account.id),
    );
    expect(await legacyCalls(server)).toEqual({ [ACCOUNTS]: 3, [INVOICES]: 1 });
  });

  it("loads a partner's payouts, whose splits add up to the gross", async () => {
    const partnerId = billing.payouts[0]!.partnerId;
    const seeded = billing.payouts.filter((payout) => payout.partnerId === partnerId);
    const loaders = adapter.createLoaders();

    const payouts = await loaders.payoutsByPartnerId.load(partnerId);

    expect(payouts).toEqual(seeded.map(expectedPayout));
    for (const payout of payouts) {
      const splitTotal = payout.splits.reduce((sum, split) => sum.plus(split.amount.amount), new Decimal(0));
      expect(splitTotal.toFixed(2)).toBe(payout.gross.amount);
    }
    expect(await legacyCalls(server)).toEqual({ [PAYOUTS]: 1 });
  });

  it('gives a partner without billing data empty lists', async () => {
    const loaders = adapter.createLoaders();

    const [invoices, payouts] = await Promise.all([
      loaders.invoicesByPartnerId.load('P-99999'),
      loaders.payoutsByPartnerId.load('P-99999'),
    ]);

    expect([invoices, payouts]).toEqual([[], []]);
    expect(await legacyCalls(server)).toEqual({ [ACCOUNTS]: 1, [PAYOUTS]: 1 });
  });

  it('reads one invoice by id, and answers null for an unknown one (a success: false NOT_FOUND)', async () => {
    const loaders = adapter.createLoaders();

    const [known, unknown] = await Promise.all([
      loaders.invoiceById.load(billing.invoices[5]!.id),
      loaders.invoiceById.load('2c92a0fd0000000000000000deadbeef'),
    ]);

    expect(known).toEqual(expectedInvoice(billing.invoices[5]!));
    expect(unknown).toBeNull();
    expect(await legacyCalls(server)).toEqual({ [INVOICE]: 2 });
    expect(adapter.http.breakerStates().getInvoice).toBe('closed');
  });

  it('fetches a new token once every issued token expired, and the call succeeds', async () => {
    await injectFault(server, { expireTokens: true });
    const loaders = adapter.createLoaders();

    const payouts = await loaders.payoutsByPartnerId.load('P-00001');

    expect(payouts.length).toBeGreaterThan(0);
    // The stand-in counts a call on its route once the token passed: the refused one shows as the new token.
    expect(await legacyCalls(server)).toEqual({ [PAYOUTS]: 1, [TOKEN]: 1 });
  });

  it.each(['wrong-types', 'truncate'])('rejects a %s body as UPSTREAM_BAD_RESPONSE', async (malformed) => {
    await injectFault(server, { route: INVOICES, malformed });
    const loaders = adapter.createLoaders();

    await expect(loaders.invoicesByQuoteId.load(dataset.quotes[0]!.Id)).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      upstream: { system: 'billing' },
    });
  });

  it('answers UPSTREAM_UNAVAILABLE while the system is down', async () => {
    await injectFault(server, { route: PAYOUTS, down: true });
    const loaders = adapter.createLoaders();

    await expect(loaders.payoutsByPartnerId.load('P-00001')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { system: 'billing', operation: 'getPayouts' },
    });
  });
});
