import Decimal from 'decimal.js';
import type { SeededRandom } from './random';
import { addDays, DAY_MS, sequenceNumber, type SeedCalendar } from './common';
import type { PrmAccount, PrmTierName, Product2 } from './dataset';
import type { AcceptedDeal } from './billing';
import {
  IncentiveLedger,
  type Accrual,
  type IncentiveTransaction,
  type LedgerReferenceData,
} from '../incentives/ledger';
import type { BaseRate, IncentiveProgram, ProductFamily, Spiff } from '../incentives/rules';

/**
 * The incentive system's records: programs with their rules, the ledger of accruals the nightly
 * batch has posted, and the transactions still waiting for the next run.
 */

export interface IncentivesData {
  programs: IncentiveProgram[];
  accruals: Accrual[];
  pendingTransactions: IncentiveTransaction[];
  /** When the nightly batch last ran: deals closed after the day before it are still pending. */
  lastBatchRunAt: string;
}

export interface AccrualDiscrepancy {
  quoteId: string;
  kind: 'accrual-missing' | 'accrual-wrong-amount';
  expected: string;
  actual: string | null;
  detail: string;
}

/** The nightly batch last ran in the early hours of this day of the seeded calendar. */
export const LAST_BATCH_RUN_DAY = 326;

/** Whether the last batch run covered a deal closed on `closeDate` (it posts up to the day before). */
export function postedByLastBatch(closeDate: string, calendar: SeedCalendar): boolean {
  return closeDate <= calendar.dayDate(LAST_BATCH_RUN_DAY - 1);
}

/** Base commission percent by product family (rows) and partner tier (columns), this year. */
const CURRENT_BASE_RATES: Record<ProductFamily, Record<PrmTierName, string>> = {
  Network: { Registered: '2.00', Silver: '3.00', Gold: '4.00', Platinum: '5.00' },
  Security: { Registered: '2.50', Silver: '3.50', Gold: '4.50', Platinum: '6.00' },
  Cloud: { Registered: '1.50', Silver: '2.25', Gold: '3.00', Platinum: '4.00' },
  Support: { Registered: '1.00', Silver: '1.50', Gold: '2.00', Platinum: '2.50' },
};
const TIERS: PrmTierName[] = ['Registered', 'Silver', 'Gold', 'Platinum'];

function baseRates(yearOffsetPercent: string): BaseRate[] {
  return (Object.keys(CURRENT_BASE_RATES) as ProductFamily[]).flatMap((productFamily) =>
    TIERS.map((partnerTier) => ({
      productFamily,
      partnerTier,
      ratePercent: new Decimal(CURRENT_BASE_RATES[productFamily][partnerTier])
        .minus(yearOffsetPercent)
        .toFixed(2),
    })),
  );
}

function spiffs(random: SeededRandom, year: number, count: number, products: Product2[]): Spiff[] {
  const yearStart = Date.UTC(year, 0, 1);
  return Array.from({ length: count }, (_, index) => {
    const product = random.pick(products);
    const startDate = new Date(yearStart + random.int(0, 300) * DAY_MS).toISOString().slice(0, 10);
    return {
      id: `SPF-${year}-${String(index + 1).padStart(2, '0')}`,
      name: `${product.Name} push`,
      productCode: product.ProductCode,
      startDate,
      endDate: addDays(startDate, random.int(30, 90)),
      ratePercent: random.int(1, 5).toFixed(2),
    };
  });
}

const CORE_CAPS_CURRENT = [
  { currency: 'USD', amount: '40000.00' },
  { currency: 'EUR', amount: '37000.00' },
  { currency: 'GBP', amount: '32000.00' },
] as const;

/**
 * One core program a year: last year's (closed), this year's, and next year's, already announced so
 * that a quote expected to close after New Year is estimated under the rules it will earn by. The
 * years are the as-of date's, so a new quote always falls under a program whatever the date.
 */
export function generatePrograms(
  random: SeededRandom,
  products: Product2[],
  calendar: SeedCalendar,
): IncentiveProgram[] {
  const year = Number(calendar.asOf.slice(0, 4));
  const core = (programYear: number) => ({
    id: `PRG-${programYear}-CORE`,
    name: `${programYear} Partner Incentive Program`,
    startDate: `${programYear}-01-01`,
    endDate: `${programYear}-12-31`,
  });
  return [
    {
      ...core(year - 1),
      status: 'Closed',
      // Last year paid half a point less on every base rate (none of them below 0.50).
      baseRates: baseRates('0.50'),
      spiffs: spiffs(random, year - 1, 3, products),
      accelerator: { quotaAttainmentPercent: '100', multiplier: '1.25' },
      dealCaps: [
        { currency: 'USD', amount: '30000.00' },
        { currency: 'EUR', amount: '27500.00' },
        { currency: 'GBP', amount: '24000.00' },
      ],
    },
    {
      ...core(year),
      status: 'Active',
      baseRates: baseRates('0'),
      spiffs: spiffs(random, year, 6, products),
      accelerator: { quotaAttainmentPercent: '100', multiplier: '1.50' },
      dealCaps: CORE_CAPS_CURRENT.map((cap) => ({ ...cap })),
    },
    {
      ...core(year + 1),
      status: 'Active',
      // Announced with this year's rates; its SPIFFs come during the year.
      baseRates: baseRates('0'),
      spiffs: [],
      accelerator: { quotaAttainmentPercent: '100', multiplier: '1.50' },
      dealCaps: CORE_CAPS_CURRENT.map((cap) => ({ ...cap })),
    },
  ];
}

export function ledgerReferenceData(
  programs: IncentiveProgram[],
  partners: PrmAccount[],
  products: Product2[],
): LedgerReferenceData {
  return {
    programs,
    partners: new Map(
      partners.map((p) => [
        p.id,
        { tier: p.partnerLevel.name, annualQuota: p.annualQuota, currency: p.currencyCode },
      ]),
    ),
    productFamilies: new Map(products.map((product) => [product.ProductCode, product.Family])),
  };
}

export function transactionFor(id: string, deal: AcceptedDeal): IncentiveTransaction {
  return {
    id,
    partnerId: deal.quote.SBQQ__Partner__c,
    quoteId: deal.quote.Id,
    closeDate: deal.closeDate,
    currency: deal.quote.CurrencyIsoCode,
    lines: deal.lines.map((line) => ({
      lineId: line.Id,
      productCode: line.SBQQ__ProductCode__c,
      quantity: line.SBQQ__Quantity__c,
      netTotal: line.SBQQ__NetTotal__c,
    })),
    receivedAt: `${deal.closeDate}T20:00:00.000Z`,
  };
}

/**
 * Posts every accepted deal closed before the last batch run, nightly, in close-date order, and
 * leaves the later ones pending. Deals planned as discrepancies are left out of the ledger
 * (`accrual-missing`) or posted under the previous year's program (`accrual-wrong-amount`, a stale
 * program lookup: its rates, accelerator and cap are all lower, so the amount always differs; should
 * rounding ever make them equal, the accrual is left out instead).
 */
export function generateIncentives(
  programs: IncentiveProgram[],
  reference: LedgerReferenceData,
  deals: AcceptedDeal[],
  planned: ReadonlyMap<string, 'accrual-missing' | 'accrual-wrong-amount'>,
  calendar: SeedCalendar,
): { incentives: IncentivesData; discrepancies: AccrualDiscrepancy[] } {
  const ordered = [...deals].sort(
    (a, b) => a.closeDate.localeCompare(b.closeDate) || a.quote.Id.localeCompare(b.quote.Id),
  );
  const ledger = new IncentiveLedger(reference);
  const pendingTransactions: IncentiveTransaction[] = [];
  const discrepancies: AccrualDiscrepancy[] = [];

  ordered.forEach((deal, index) => {
    const transaction = transactionFor(sequenceNumber('TXN-', index + 1, 7), deal);
    if (!postedByLastBatch(deal.closeDate, calendar)) {
      pendingTransactions.push(transaction);
      return;
    }
    const postedAt = `${addDays(deal.closeDate, 1)}T02:00:00.000Z`;
    const correct = ledger.calculate(transaction);
    if ('rejected' in correct) throw new Error(`seeded deal ${deal.quote.Id}: ${correct.rejected}`);
    const expected = correct.breakdown.amount;
    let kind = planned.get(deal.quote.Id);
    if (kind === 'accrual-wrong-amount') {
      const stale = programs.filter((p) => p.endDate < correct.program.startDate).at(-1);
      const wrong = stale && ledger.calculate(transaction, stale);
      if (stale && wrong && !('rejected' in wrong) && wrong.breakdown.amount !== expected) {
        ledger.post(transaction, postedAt, stale);
        discrepancies.push({
          quoteId: deal.quote.Id,
          kind,
          expected,
          actual: wrong.breakdown.amount,
          detail: `accrued under ${stale.id} instead of ${correct.program.id}`,
        });
        return;
      }
      kind = 'accrual-missing';
    }
    if (kind === 'accrual-missing') {
      discrepancies.push({
        quoteId: deal.quote.Id,
        kind,
        expected,
        actual: null,
        detail: 'the transaction never reached the ledger',
      });
      return;
    }
    ledger.post(transaction, postedAt);
  });

  return {
    incentives: {
      programs,
      accruals: [...ledger.all()],
      pendingTransactions,
      lastBatchRunAt: `${calendar.dayDate(LAST_BATCH_RUN_DAY)}T02:00:00.000Z`,
    },
    discrepancies,
  };
}
