import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { CURRENCIES, generateDataset, partnerId, type Dataset } from './dataset';
import { DISCREPANCY_SHARE } from './discrepancies';
import { seedCalendar } from './common';
import { postedByLastBatch } from './incentives';
import { IncentiveLedger } from '../incentives/ledger';
import { PARTNER_SHARE_PERCENT } from '../billing/revenue-share';
import { ledgerReferenceData } from './incentives';

const MONEY = /^\d+\.\d{2}$/;
const SIGNED_MONEY = /^-?\d+\.\d{2}$/;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The fields of the first release, whose values other code and tests rely on. */
const FIRST_RELEASE_FIELDS = {
  partner: [
    'id',
    'name',
    'partnerLevel',
    'region',
    'accountStatus',
    'billingCountry',
    'currencyCode',
    'annualQuota',
    'created',
  ],
  quote: [
    'attributes',
    'Id',
    'Name',
    'SBQQ__Partner__c',
    'SBQQ__Status__c',
    'SBQQ__ListAmount__c',
    'SBQQ__NetAmount__c',
    'CurrencyIsoCode',
    'SBQQ__ExpirationDate__c',
    'CreatedDate',
  ],
  line: [
    'attributes',
    'Id',
    'Name',
    'SBQQ__Quote__c',
    'SBQQ__Product__c',
    'SBQQ__ProductCode__c',
    'SBQQ__ProductName__c',
    'SBQQ__Quantity__c',
    'SBQQ__ListPrice__c',
    'SBQQ__Discount__c',
    'SBQQ__NetPrice__c',
    'SBQQ__NetTotal__c',
    'CurrencyIsoCode',
  ],
};

function firstReleaseFingerprint(dataset: Dataset): string {
  const pick = (record: object, fields: string[]) =>
    fields.map((field) => (record as Record<string, unknown>)[field]);
  return createHash('sha256')
    .update(
      JSON.stringify([
        dataset.partners.map((partner) => pick(partner, FIRST_RELEASE_FIELDS.partner)),
        dataset.products,
        dataset.quotes.map((quote) => pick(quote, FIRST_RELEASE_FIELDS.quote)),
        dataset.quoteLines.map((line) => pick(line, FIRST_RELEASE_FIELDS.line)),
      ]),
    )
    .digest('hex');
}

function sum(amounts: string[]): Decimal {
  return amounts.reduce((total, amount) => total.plus(amount), new Decimal(0));
}

describe('generateDataset', () => {
  let small: Dataset;

  beforeAll(() => {
    small = generateDataset({ seed: 42, scale: 'small' });
  });

  it('generates a deep-equal dataset for the same seed', () => {
    expect(generateDataset({ seed: 42, scale: 'small' })).toEqual(small);
  });

  it('generates different partners, quotes and lines for a different seed', () => {
    const other = generateDataset({ seed: 43, scale: 'small' });
    expect(other.partners).not.toEqual(small.partners);
    expect(other.quotes).not.toEqual(small.quotes);
    expect(other.quoteLines).not.toEqual(small.quoteLines);
  });

  it('numbers partners P-00001 upward', () => {
    expect(partnerId(1)).toBe('P-00001');
    expect(partnerId(12345)).toBe('P-12345');
    expect(small.partners.map((partner) => partner.id)).toEqual(
      Array.from({ length: small.partners.length }, (_, index) => `P-${String(index + 1).padStart(5, '0')}`),
    );
  });

  it('sizes the small scale at 50 partners and a few thousand quote lines', () => {
    expect(small.partners).toHaveLength(50);
    expect(small.products.length).toBeGreaterThan(0);
    expect(small.quotes.length).toBeGreaterThanOrEqual(50 * 6);
    expect(small.quotes.length).toBeLessThanOrEqual(50 * 18);
    expect(small.quoteLines.length).toBeGreaterThanOrEqual(1000);
    expect(small.quoteLines.length).toBeLessThan(10_000);
  });

  it('gives every record a unique id', () => {
    const idLists = [
      small.partners.map((partner) => partner.id),
      small.products.map((product) => product.Id),
      small.quotes.map((quote) => quote.Id),
      small.quoteLines.map((line) => line.Id),
    ];
    for (const ids of idLists) expect(new Set(ids).size).toBe(ids.length);
  });

  it("points every quote at an existing partner, in the partner's currency", () => {
    const partners = new Map(small.partners.map((partner) => [partner.id, partner]));
    for (const quote of small.quotes) {
      expect(partners.get(quote.SBQQ__Partner__c)?.currencyCode).toBe(quote.CurrencyIsoCode);
    }
  });

  it('points every line at an existing quote and product, and leaves no quote without lines', () => {
    const quotes = new Map(small.quotes.map((quote) => [quote.Id, quote]));
    const products = new Map(small.products.map((product) => [product.Id, product]));
    for (const line of small.quoteLines) {
      expect(quotes.get(line.SBQQ__Quote__c)?.CurrencyIsoCode).toBe(line.CurrencyIsoCode);
      expect(products.get(line.SBQQ__Product__c)?.ProductCode).toBe(line.SBQQ__ProductCode__c);
    }
    const quotedIds = new Set(small.quoteLines.map((line) => line.SBQQ__Quote__c));
    expect(small.quotes.filter((quote) => !quotedIds.has(quote.Id))).toEqual([]);
  });

  it('keeps every money field a decimal string with two places', () => {
    const amounts = [
      ...small.partners.map((partner) => partner.annualQuota),
      ...small.products.flatMap((product) => CURRENCIES.map((currency) => product.prices[currency])),
      ...small.quotes.flatMap((quote) => [quote.SBQQ__ListAmount__c, quote.SBQQ__NetAmount__c]),
      ...small.quoteLines.flatMap((line) => [
        line.SBQQ__ListPrice__c,
        line.SBQQ__Discount__c,
        line.SBQQ__NetPrice__c,
        line.SBQQ__NetTotal__c,
      ]),
    ];
    expect(amounts.filter((amount) => typeof amount !== 'string' || !MONEY.test(amount))).toEqual([]);
  });

  it("makes each quote's amounts the exact sums of its lines", () => {
    const linesByQuote = new Map<string, Dataset['quoteLines']>();
    for (const line of small.quoteLines) {
      linesByQuote.set(line.SBQQ__Quote__c, [...(linesByQuote.get(line.SBQQ__Quote__c) ?? []), line]);
    }
    for (const quote of small.quotes) {
      const lines = linesByQuote.get(quote.Id) ?? [];
      expect(sum(lines.map((line) => line.SBQQ__NetTotal__c)).toFixed(2)).toBe(quote.SBQQ__NetAmount__c);
      const listTotals = lines.map((line) =>
        new Decimal(line.SBQQ__ListPrice__c).times(line.SBQQ__Quantity__c).toFixed(2),
      );
      expect(sum(listTotals).toFixed(2)).toBe(quote.SBQQ__ListAmount__c);
    }
    for (const line of small.quoteLines) {
      expect(new Decimal(line.SBQQ__NetPrice__c).times(line.SBQQ__Quantity__c).toFixed(2)).toBe(
        line.SBQQ__NetTotal__c,
      );
    }
  });

  it('sizes the large scale at 2000 partners and about 200,000 quote lines, the first release unchanged', () => {
    const large = generateDataset({ seed: 42, scale: 'large' });
    expect(large.partners).toHaveLength(2000);
    expect(large.quoteLines.length).toBeGreaterThanOrEqual(150_000);
    expect(large.quoteLines.length).toBeLessThanOrEqual(250_000);
    expect(firstReleaseFingerprint(large)).toBe(
      '89647b060302fd4d16048e362e11bd8cb08ea5b485ed02935376dd2baca29120',
    );
    const accepted = large.quotes.filter((quote) => quote.SBQQ__Status__c === 'Accepted').length;
    expect(large.billing.subscriptions).toHaveLength(accepted);
    expect(large.discrepancies).toHaveLength(Math.round(accepted * DISCREPANCY_SHARE));
  });

  // Records added since keep to streams of their own, so partners, products, quotes and lines of
  // the first release stay byte-identical for a seed (other code and tests were written against them).
  it.each([
    [42, '01b1afb380b66e7ec01379a288948a6552d58aaf7b572a9533bde2547d05f8b8'],
    [7, 'f4df889a60f774792324d44e82600cc6de98551eabac6c15b0b8dd9314d8dc50'],
  ])('keeps the first release records of seed %i byte-identical', (seed, fingerprint) => {
    expect(firstReleaseFingerprint(generateDataset({ seed, scale: 'small' }))).toBe(fingerprint);
  });
});

describe('generateDataset, across systems', () => {
  let small: Dataset;
  let accepted: Dataset['quotes'];
  let linesByQuote: Map<string, Dataset['quoteLines']>;
  let partners: Map<string, Dataset['partners'][number]>;
  let discrepancyByQuote: Map<string, Dataset['discrepancies'][number]>;

  beforeAll(() => {
    small = generateDataset({ seed: 42, scale: 'small' });
    accepted = small.quotes.filter((quote) => quote.SBQQ__Status__c === 'Accepted');
    linesByQuote = groupBy(small.quoteLines, (line) => line.SBQQ__Quote__c);
    partners = new Map(small.partners.map((partner) => [partner.id, partner]));
    discrepancyByQuote = new Map(small.discrepancies.map((d) => [d.quoteId, d]));
  });

  it('generates identical cross-system data for the same seed and different data for another', () => {
    const again = generateDataset({ seed: 42, scale: 'small' });
    expect(again.billing).toEqual(small.billing);
    expect(again.incentives).toEqual(small.incentives);
    expect(again.discrepancies).toEqual(small.discrepancies);
    const other = generateDataset({ seed: 43, scale: 'small' });
    expect(other.billing.invoices).not.toEqual(small.billing.invoices);
    expect(other.incentives.accruals).not.toEqual(small.incentives.accruals);
    expect(other.contacts).not.toEqual(small.contacts);
  });

  it('gives every new record a unique id', () => {
    const idLists = [
      small.customers.map((r) => r.Id),
      small.opportunities.map((r) => r.Id),
      small.priceBooks.map((r) => r.Id),
      small.priceBookEntries.map((r) => r.Id),
      small.contacts.map((r) => r.id),
      small.certifications.map((r) => r.id),
      small.dealRegistrations.map((r) => r.id),
      small.billing.accounts.map((r) => r.id),
      small.billing.accounts.map((r) => r.accountNumber),
      small.billing.subscriptions.map((r) => r.id),
      small.billing.subscriptions.flatMap((s) =>
        s.ratePlans.flatMap((p) => p.ratePlanCharges.map((c) => c.id)),
      ),
      small.billing.invoices.map((r) => r.id),
      small.billing.invoiceItems.map((r) => r.id),
      small.billing.payments.map((r) => r.id),
      small.billing.payouts.map((r) => r.id),
      small.incentives.accruals.map((r) => r.id),
      [
        ...small.incentives.accruals.map((r) => r.transactionId),
        ...small.incentives.pendingTransactions.map((r) => r.id),
      ],
    ];
    for (const ids of idLists) {
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('serves several currencies in every system', () => {
    for (const currencies of [
      small.quotes.map((q) => q.CurrencyIsoCode),
      small.billing.invoices.map((i) => i.currency),
      small.incentives.accruals.map((a) => a.currency),
    ]) {
      expect(new Set(currencies)).toEqual(new Set(CURRENCIES));
    }
  });

  it('keeps every new money field a decimal string with two places (a cap adjustment may be negative)', () => {
    const amounts = [
      ...small.priceBookEntries.map((e) => e.UnitPrice),
      ...small.opportunities.map((o) => o.Amount),
      ...small.quoteLines.map((l) => l.SBQQ__AdditionalDiscount__c),
      ...small.dealRegistrations.flatMap((r) => [r.estimatedAmount, r.protectedDiscountPercent]),
      ...small.billing.subscriptions.flatMap((s) => [
        s.totalContractedValue,
        ...s.ratePlans.flatMap((p) =>
          p.ratePlanCharges.flatMap((c) => [c.listPrice, c.price, c.discountPercentage, c.tcv]),
        ),
      ]),
      ...small.billing.invoices.flatMap((i) => [i.amount, i.balance]),
      ...small.billing.invoiceItems.flatMap((i) => [i.unitPrice, i.chargeAmount]),
      ...small.billing.payments.map((p) => p.amount),
      ...small.billing.payouts.flatMap((p) => [p.grossAmount, ...p.splits.map((split) => split.amount)]),
      ...small.incentives.accruals.flatMap((a) => [
        a.dealAmount,
        a.baseAmount,
        a.spiffAmount,
        a.acceleratorAmount,
        a.amount,
      ]),
    ];
    expect(amounts.filter((amount) => typeof amount !== 'string' || !MONEY.test(amount))).toEqual([]);
    const adjustments = small.incentives.accruals.map((a) => a.capAdjustment);
    expect(adjustments.filter((amount) => !SIGNED_MONEY.test(amount))).toEqual([]);
  });

  it("gives every quote its partner's customer, its opportunity and its partner's regional price book", () => {
    const customers = new Map(small.customers.map((c) => [c.Id, c]));
    const opportunities = new Map(small.opportunities.map((o) => [o.Id, o]));
    const entries = new Set(
      small.priceBookEntries.map(
        (e) => `${e.Pricebook2Id} ${e.ProductCode} ${e.CurrencyIsoCode} ${e.UnitPrice}`,
      ),
    );
    const books = new Map(small.priceBooks.map((b) => [b.Id, b]));
    expect(small.opportunities).toHaveLength(small.quotes.length);
    for (const quote of small.quotes) {
      const partner = partners.get(quote.SBQQ__Partner__c)!;
      expect(customers.get(quote.SBQQ__Account__c)?.Partner__c).toBe(partner.id);
      const opportunity = opportunities.get(quote.SBQQ__Opportunity2__c)!;
      expect(opportunity).toMatchObject({
        SBQQ__PrimaryQuote__c: quote.Id,
        AccountId: quote.SBQQ__Account__c,
        Partner__c: partner.id,
        Amount: quote.SBQQ__NetAmount__c,
        CurrencyIsoCode: quote.CurrencyIsoCode,
      });
      expect(opportunity.CloseDate <= small.asOf).toBe(true);
      expect(opportunity.IsWon).toBe(quote.SBQQ__Status__c === 'Accepted');
      expect(books.get(quote.SBQQ__PriceBook__c)?.Region__c).toBe(partner.region);
      for (const line of linesByQuote.get(quote.Id) ?? []) {
        expect(
          entries.has(
            `${quote.SBQQ__PriceBook__c} ${line.SBQQ__ProductCode__c} ${quote.CurrencyIsoCode} ${line.SBQQ__ListPrice__c}`,
          ),
        ).toBe(true);
      }
    }
    expect(accepted.map((q) => opportunities.get(q.SBQQ__Opportunity2__c)?.StageName)).toEqual(
      accepted.map(() => 'Closed Won'),
    );
  });

  it("bills every accepted quote: a subscription on its customer's account, charges matching the lines, one invoice", () => {
    const accounts = new Map(small.billing.accounts.map((a) => [a.id, a]));
    const subscriptionsByQuote = groupBy(small.billing.subscriptions, (s) => s.QuoteId__c ?? '');
    const invoicesByQuote = groupBy(small.billing.invoices, (i) => i.QuoteId__c ?? '');
    const itemsByInvoice = groupBy(small.billing.invoiceItems, (i) => i.invoiceId);
    expect(small.billing.subscriptions).toHaveLength(accepted.length);
    for (const quote of accepted) {
      const [subscription, ...extraSubscriptions] = subscriptionsByQuote.get(quote.Id) ?? [];
      expect(extraSubscriptions).toEqual([]);
      const account = accounts.get(subscription!.accountId)!;
      expect(account).toMatchObject({
        crmId: quote.SBQQ__Account__c,
        PartnerId__c: quote.SBQQ__Partner__c,
        currency: quote.CurrencyIsoCode,
        DistributorId__c: partners.get(quote.SBQQ__Partner__c)!.distributor?.id ?? null,
      });
      expect(subscription!.totalContractedValue).toBe(quote.SBQQ__NetAmount__c);
      const charges = subscription!.ratePlans.flatMap((plan) => plan.ratePlanCharges);
      expect(charges.map((c) => [c.QuoteLineId__c, c.quantity, c.price, c.tcv])).toEqual(
        (linesByQuote.get(quote.Id) ?? []).map((l) => [
          l.Id,
          l.SBQQ__Quantity__c,
          l.SBQQ__NetPrice__c,
          l.SBQQ__NetTotal__c,
        ]),
      );

      const [invoice, ...extraInvoices] = invoicesByQuote.get(quote.Id) ?? [];
      expect(extraInvoices).toEqual([]);
      const items = itemsByInvoice.get(invoice!.id) ?? [];
      expect(items.reduce((total, item) => total.plus(item.chargeAmount), new Decimal(0)).toFixed(2)).toBe(
        invoice!.amount,
      );
      const discrepancy = discrepancyByQuote.get(quote.Id);
      if (discrepancy?.kind === 'invoice-amount-mismatch') {
        expect(invoice!.amount).not.toBe(quote.SBQQ__NetAmount__c);
        expect(discrepancy).toMatchObject({
          expected: quote.SBQQ__NetAmount__c,
          actual: invoice!.amount,
          recordId: invoice!.id,
        });
      } else {
        expect(invoice!.amount).toBe(quote.SBQQ__NetAmount__c);
      }
    }
  });

  it('pays some invoices in full and splits each payout between provider, partner and distributor', () => {
    const paidInvoiceIds = new Set(
      small.billing.payments.flatMap((p) => p.paidInvoices.map((i) => i.invoiceId)),
    );
    expect(paidInvoiceIds.size).toBeGreaterThan(0);
    expect(paidInvoiceIds.size).toBeLessThan(small.billing.invoices.length);
    for (const invoice of small.billing.invoices) {
      expect(invoice.balance).toBe(paidInvoiceIds.has(invoice.id) ? '0.00' : invoice.amount);
    }
    const invoices = new Map(small.billing.invoices.map((i) => [i.id, i]));
    expect(small.billing.payouts.some((p) => p.splits.length === 3)).toBe(true);
    expect(small.billing.payouts.some((p) => p.splits.length === 2)).toBe(true);
    for (const payout of small.billing.payouts) {
      const partner = partners.get(payout.partnerId)!;
      expect(paidInvoiceIds.has(payout.invoiceId)).toBe(true);
      expect(payout.grossAmount).toBe(invoices.get(payout.invoiceId)!.amount);
      expect(payout.splits.reduce((total, s) => total.plus(s.amount), new Decimal(0)).toFixed(2)).toBe(
        payout.grossAmount,
      );
      expect(payout.splits.find((s) => s.party === 'partner')).toMatchObject({
        partyId: partner.id,
        sharePercent: PARTNER_SHARE_PERCENT[partner.partnerLevel.name],
      });
      expect(payout.splits.find((s) => s.party === 'distributor')?.partyId ?? null).toBe(
        partner.distributor?.id ?? null,
      );
    }
  });

  it('accrues every accepted quote once (posted, or pending after the last batch run), except the missing ones', () => {
    const accruals = groupBy(small.incentives.accruals, (a) => a.quoteId);
    const pending = groupBy(small.incentives.pendingTransactions, (t) => t.quoteId);
    expect(small.incentives.pendingTransactions.length).toBeGreaterThan(0);
    for (const quote of accepted) {
      const closeDate = small.opportunities.find((o) => o.Id === quote.SBQQ__Opportunity2__c)!.CloseDate;
      const posted = accruals.get(quote.Id) ?? [];
      const waiting = pending.get(quote.Id) ?? [];
      if (discrepancyByQuote.get(quote.Id)?.kind === 'accrual-missing') {
        expect([posted, waiting]).toEqual([[], []]);
      } else if (postedByLastBatch(closeDate, seedCalendar(small.asOf))) {
        expect([posted.length, waiting.length]).toEqual([1, 0]);
        expect(posted[0]).toMatchObject({
          partnerId: quote.SBQQ__Partner__c,
          dealAmount: quote.SBQQ__NetAmount__c,
        });
      } else {
        expect([posted.length, waiting.length]).toEqual([0, 1]);
        expect(waiting[0]!.lines.map((l) => l.netTotal)).toEqual(
          (linesByQuote.get(quote.Id) ?? []).map((l) => l.SBQQ__NetTotal__c),
        );
      }
    }
  });

  it('posts every accrual as the rules compute it, replayed in posting order, except the wrong ones', () => {
    const reference = ledgerReferenceData(small.incentives.programs, small.partners, small.products);
    const replay = new IncentiveLedger(reference);
    const programs = new Map(small.incentives.programs.map((p) => [p.id, p]));
    const quotes = new Map(small.quotes.map((q) => [q.Id, q]));
    for (const accrual of small.incentives.accruals) {
      const transaction = {
        id: accrual.transactionId,
        partnerId: accrual.partnerId,
        quoteId: accrual.quoteId,
        closeDate: accrual.closeDate,
        currency: quotes.get(accrual.quoteId)!.CurrencyIsoCode,
        lines: (linesByQuote.get(accrual.quoteId) ?? []).map((l) => ({
          lineId: l.Id,
          productCode: l.SBQQ__ProductCode__c,
          quantity: l.SBQQ__Quantity__c,
          netTotal: l.SBQQ__NetTotal__c,
        })),
        receivedAt: accrual.postedAt,
      };
      const recomputed = replay.calculate(transaction);
      if (!('breakdown' in recomputed)) throw new Error(recomputed.rejected);
      const discrepancy = discrepancyByQuote.get(accrual.quoteId);
      if (discrepancy?.kind === 'accrual-wrong-amount') {
        expect(discrepancy).toMatchObject({
          expected: recomputed.breakdown.amount,
          actual: accrual.amount,
          recordId: accrual.id,
        });
        expect(accrual.amount).not.toBe(recomputed.breakdown.amount);
      } else {
        expect(accrual).toMatchObject(recomputed.breakdown);
      }
      replay.post(transaction, accrual.postedAt, programs.get(accrual.programId));
    }
    expect(replay.all()).toEqual(small.incentives.accruals);
  });

  it('lists the deliberate discrepancies: 5% of accepted quotes, every kind, and only those disagree', () => {
    expect(small.discrepancies).toHaveLength(Math.round(accepted.length * DISCREPANCY_SHARE));
    expect(new Set(small.discrepancies.map((d) => d.kind))).toEqual(
      new Set(['invoice-amount-mismatch', 'accrual-missing', 'accrual-wrong-amount']),
    );
    const acceptedIds = new Set(accepted.map((q) => q.Id));
    for (const discrepancy of small.discrepancies) {
      expect(acceptedIds.has(discrepancy.quoteId)).toBe(true);
      expect(discrepancy.actual).not.toBe(discrepancy.expected);
    }
  });

  it('gives each partner contacts with one primary, certifications and deal registrations', () => {
    const contactsByPartner = groupBy(small.contacts, (c) => c.accountId);
    for (const partner of small.partners) {
      const contacts = contactsByPartner.get(partner.id) ?? [];
      expect(contacts.length).toBeGreaterThanOrEqual(2);
      expect(contacts.filter((c) => c.isPrimary)).toHaveLength(1);
    }
    const contacts = new Map(small.contacts.map((c) => [c.id, c]));
    for (const certification of small.certifications) {
      expect(contacts.get(certification.contactId)?.accountId).toBe(certification.accountId);
      expect(certification.status).toBe(certification.expiresOn < small.asOf ? 'Expired' : 'Active');
    }
    const statuses = new Set(small.dealRegistrations.map((r) => r.status));
    expect(statuses).toEqual(new Set(['Submitted', 'Approved', 'Rejected', 'Expired']));
    for (const registration of small.dealRegistrations) {
      expect(registration.currencyCode).toBe(partners.get(registration.accountId)!.currencyCode);
      if (registration.status === 'Approved') expect(registration.expiresOn >= small.asOf).toBe(true);
    }
  });
});
