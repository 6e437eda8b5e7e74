import Decimal from 'decimal.js';
import { deriveSeed, SeededRandom } from './random';
import {
  DAY_MS,
  isoDate,
  seedCalendar,
  type SeedCalendar,
  salesforceId,
  sfAttributes,
  type SfAttributes,
} from './common';
import {
  generateCustomers,
  generatePriceBooks,
  opportunityFor,
  partnerPriceBookId,
  type Opportunity,
  type Pricebook2,
  type PricebookEntry,
  type SfAccount,
} from './crm';
import {
  DISTRIBUTORS,
  generateCertifications,
  generateContacts,
  generateDealRegistrations,
  pickDistributor,
  type Distributor,
  type PrmCertification,
  type PrmContact,
  type PrmDealRegistration,
} from './prm';
import { generateBilling, type AcceptedDeal, type BillingData } from './billing';
import {
  generateIncentives,
  generatePrograms,
  ledgerReferenceData,
  postedByLastBatch,
  type IncentivesData,
} from './incentives';
import { planDiscrepancies, type Discrepancy } from './discrepancies';
import type { ProductFamily } from '../incentives/rules';

/**
 * The seeded world every stand-in serves: one generator, so that the systems agree with each
 * other (a quote's partner exists in the PRM, its products in the CPQ catalog; every accepted quote
 * has its opportunity, subscription, invoice and accrual). Records are kept in each legacy system's
 * own wire shape; money is a decimal string, never a float.
 *
 * Determinism: partners, products, quotes and lines come from the seed's main stream, exactly as
 * before the other systems existed; everything added since draws from streams of its own
 * (`deriveSeed(seed, "crm" | "prm" | "billing" | "incentives" | "discrepancies")`).
 */

export type Scale = 'small' | 'large';

export interface DatasetOptions {
  seed: number;
  scale: Scale;
  /** The seeded world's "today" (ISO date); DEFAULT_AS_OF when absent. */
  asOf?: string;
}

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

export const PARTNER_TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'] as const;
export type PrmTierName = (typeof PARTNER_TIERS)[number];

/** Impartner-style partner account, as the PRM's REST API returns it. */
export interface PrmAccount {
  id: string;
  name: string;
  partnerLevel: { name: PrmTierName };
  region: 'NA' | 'EMEA' | 'APAC' | 'LATAM';
  accountStatus: 'Active' | 'Suspended' | 'Terminated';
  billingCountry: string;
  currencyCode: CurrencyCode;
  annualQuota: string;
  created: string;
  /** The distributor the partner buys through, if any (a party to its revenue share). */
  distributor: { id: string; name: string } | null;
}

export type { SfAttributes };
export type { SfAccount, Pricebook2, PricebookEntry, Opportunity } from './crm';
export type { Distributor, PrmContact, PrmCertification, PrmDealRegistration } from './prm';
export type {
  BillingAccount,
  BillingData,
  Invoice,
  InvoiceItem,
  Payment,
  Payout,
  RatePlan,
  RatePlanCharge,
  Subscription,
} from './billing';
export type { IncentivesData } from './incentives';
export type { Discrepancy, DiscrepancyKind } from './discrepancies';
export type { Accrual, IncentiveTransaction } from '../incentives/ledger';
export type { IncentiveProgram, ProductFamily } from '../incentives/rules';

export interface Product2 {
  attributes: SfAttributes;
  Id: string;
  Name: string;
  ProductCode: string;
  Family: ProductFamily;
  IsActive: boolean;
  /** List price per currency; the real CPQ keeps these in PricebookEntry rows. */
  prices: Record<CurrencyCode, string>;
}

export type SbqqQuoteStatus = 'Draft' | 'In Review' | 'Approved' | 'Presented' | 'Accepted' | 'Rejected';

export interface SbqqQuote {
  attributes: SfAttributes;
  Id: string;
  Name: string;
  SBQQ__Partner__c: string;
  SBQQ__Status__c: SbqqQuoteStatus;
  SBQQ__ListAmount__c: string;
  SBQQ__NetAmount__c: string;
  CurrencyIsoCode: CurrencyCode;
  SBQQ__ExpirationDate__c: string;
  CreatedDate: string;
  /** The end customer (an Account). */
  SBQQ__Account__c: string;
  SBQQ__Opportunity2__c: string;
  /** The partner's regional price book, where the lines' list prices come from. */
  SBQQ__PriceBook__c: string;
  /** The PRM deal registration whose protected discount applies, if any. */
  Deal_Registration__c: string | null;
}

export interface SbqqQuoteLine {
  attributes: SfAttributes;
  Id: string;
  Name: string;
  SBQQ__Quote__c: string;
  SBQQ__Product__c: string;
  SBQQ__ProductCode__c: string;
  SBQQ__ProductName__c: string;
  SBQQ__Quantity__c: number;
  SBQQ__ListPrice__c: string;
  SBQQ__Discount__c: string;
  SBQQ__NetPrice__c: string;
  SBQQ__NetTotal__c: string;
  CurrencyIsoCode: CurrencyCode;
  /** The discount asked for on top of the standard ones (partner tier, volume, deal registration). */
  SBQQ__AdditionalDiscount__c: string;
}

export interface Dataset {
  options: DatasetOptions;
  /** The seeded world's "today" (ISO date); nothing is dated after it. */
  asOf: string;
  // PRM
  partners: PrmAccount[];
  distributors: Distributor[];
  contacts: PrmContact[];
  certifications: PrmCertification[];
  dealRegistrations: PrmDealRegistration[];
  // CPQ
  products: Product2[];
  priceBooks: Pricebook2[];
  priceBookEntries: PricebookEntry[];
  customers: SfAccount[];
  opportunities: Opportunity[];
  quotes: SbqqQuote[];
  quoteLines: SbqqQuoteLine[];
  billing: BillingData;
  incentives: IncentivesData;
  /** The deliberate quote-to-revenue gaps, see discrepancies.ts. */
  discrepancies: Discrepancy[];
}

const SCALES: Record<
  Scale,
  { partners: number; quotesPerPartner: [number, number]; linesPerQuote: [number, number] }
> = {
  small: { partners: 50, quotesPerPartner: [6, 18], linesPerQuote: [1, 8] },
  large: { partners: 2000, quotesPerPartner: [10, 30], linesPerQuote: [2, 8] },
};

const NAME_FIRST = [
  'Acme',
  'Blue',
  'Cedar',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Maple',
  'Nimbus',
  'Orbit',
  'Pioneer',
  'Quartz',
  'Ridge',
  'Summit',
  'Tidal',
];
const NAME_SECOND = [
  'Networks',
  'Systems',
  'Solutions',
  'Digital',
  'Partners',
  'Technologies',
  'Integrations',
  'Cloud',
  'Labs',
  'Group',
];
const COUNTRIES: Record<PrmAccount['region'], Array<[string, CurrencyCode]>> = {
  NA: [
    ['US', 'USD'],
    ['CA', 'USD'],
  ],
  EMEA: [
    ['DE', 'EUR'],
    ['FR', 'EUR'],
    ['GB', 'GBP'],
    ['NL', 'EUR'],
  ],
  APAC: [
    ['SG', 'USD'],
    ['AU', 'USD'],
  ],
  LATAM: [
    ['BR', 'USD'],
    ['MX', 'USD'],
  ],
};
const PRODUCT_FAMILIES: Array<[Product2['Family'], string[]]> = [
  ['Network', ['Edge Router', 'Core Switch', 'Wireless AP', 'SD-WAN Appliance', 'Load Balancer']],
  ['Security', ['Firewall', 'Endpoint Protection', 'Zero Trust Gateway', 'SIEM Connector', 'Email Shield']],
  ['Cloud', ['Compute Credits', 'Object Storage', 'Managed Kubernetes', 'Backup Vault', 'CDN Bandwidth']],
  ['Support', ['Standard Support', 'Premium Support', 'Onboarding Package', 'Training Seat', 'Health Check']],
];
/** Partner-tier discount in percent, the CPQ's standard channel discount. */
export const TIER_DISCOUNT_PERCENT: Record<PrmTierName, string> = {
  Registered: '0',
  Silver: '5',
  Gold: '10',
  Platinum: '15',
};
const FX_FROM_USD: Record<CurrencyCode, string> = { USD: '1', EUR: '0.92', GBP: '0.79' };

export function partnerId(index: number): string {
  return `P-${String(index).padStart(5, '0')}`;
}

/** `extras` draws the fields added after the first release, so the main stream stays as it was. */
function generatePartners(
  random: SeededRandom,
  extras: SeededRandom,
  count: number,
  calendar: SeedCalendar,
): PrmAccount[] {
  const regions = Object.keys(COUNTRIES) as Array<PrmAccount['region']>;
  const partners: PrmAccount[] = [];
  for (let index = 1; index <= count; index += 1) {
    const region = random.pick(regions);
    const [country, currency] = random.pick(COUNTRIES[region]);
    const tierRoll = random.next();
    const tier: PrmTierName =
      tierRoll < 0.3 ? 'Registered' : tierRoll < 0.65 ? 'Silver' : tierRoll < 0.9 ? 'Gold' : 'Platinum';
    partners.push({
      id: partnerId(index),
      name: `${random.pick(NAME_FIRST)} ${random.pick(NAME_SECOND)} ${index}`,
      partnerLevel: { name: tier },
      region,
      accountStatus: random.chance(0.94) ? 'Active' : 'Suspended',
      billingCountry: country,
      currencyCode: currency,
      annualQuota: new Decimal(random.int(10, 200)).times(10_000).toFixed(2),
      created: new Date(calendar.epoch - random.int(30, 1500) * DAY_MS).toISOString(),
      distributor: pickDistributor(extras, tier, region),
    });
  }
  return partners;
}

function generateProducts(random: SeededRandom): Product2[] {
  const products: Product2[] = [];
  let sequence = 1;
  for (const [family, names] of PRODUCT_FAMILIES) {
    for (const name of names) {
      const usd = new Decimal(random.int(20, 2000)).times(5).minus('0.01');
      const prices = Object.fromEntries(
        CURRENCIES.map((currency) => [
          currency,
          usd.times(FX_FROM_USD[currency]).toDecimalPlaces(2).toFixed(2),
        ]),
      ) as Record<CurrencyCode, string>;
      const id = salesforceId('01t', sequence);
      products.push({
        attributes: sfAttributes('Product2', id),
        Id: id,
        Name: name,
        ProductCode: `${family.slice(0, 3).toUpperCase()}-${String(sequence).padStart(4, '0')}`,
        Family: family,
        IsActive: true,
        prices,
      });
      sequence += 1;
    }
  }
  return products;
}

const QUOTE_STATUSES: SbqqQuoteStatus[] = [
  'Draft',
  'In Review',
  'Approved',
  'Presented',
  'Accepted',
  'Accepted',
  'Rejected',
];

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function generateDataset(options: DatasetOptions): Dataset {
  const calendar = seedCalendar(options.asOf);
  const random = new SeededRandom(options.seed);
  const stream = (label: string) => new SeededRandom(deriveSeed(options.seed, label));
  const crmRandom = stream('crm');
  const prmRandom = stream('prm');
  const shape = SCALES[options.scale];
  const partners = generatePartners(random, prmRandom, shape.partners, calendar);
  const products = generateProducts(random);
  const customers = generateCustomers(crmRandom, partners);
  const customersByPartner = groupBy(customers, (customer) => customer.Partner__c);
  const { priceBooks, priceBookEntries } = generatePriceBooks(products);
  const quotes: SbqqQuote[] = [];
  const quoteLines: SbqqQuoteLine[] = [];
  const opportunities: Opportunity[] = [];
  const acceptedDeals: AcceptedDeal[] = [];

  for (const partner of partners) {
    const quoteCount = random.int(...shape.quotesPerPartner);
    const tierDiscount = new Decimal(TIER_DISCOUNT_PERCENT[partner.partnerLevel.name]);
    for (let q = 0; q < quoteCount; q += 1) {
      const quoteSequence = quotes.length + 1;
      const quoteId = salesforceId('a0Q', quoteSequence);
      const currency = partner.currencyCode;
      const createdMs = calendar.epoch + random.int(0, 320) * DAY_MS + random.int(0, DAY_MS - 1);
      const customer = crmRandom.pick(customersByPartner.get(partner.id) ?? []);
      const closeDate = isoDate(createdMs + crmRandom.int(1, 20) * DAY_MS);
      let listAmount = new Decimal(0);
      let netAmount = new Decimal(0);
      const lines: SbqqQuoteLine[] = [];
      const lineCount = random.int(...shape.linesPerQuote);
      for (let l = 0; l < lineCount; l += 1) {
        const product = random.pick(products);
        const quantity = random.int(1, 50);
        const listPrice = new Decimal(product.prices[currency]);
        const additionalDiscount = random.chance(0.3) ? random.int(1, 10) : 0;
        const discount = tierDiscount.plus(additionalDiscount);
        const netPrice = listPrice
          .times(Decimal.sub(1, discount.div(100)))
          .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        const netTotal = netPrice.times(quantity);
        listAmount = listAmount.plus(listPrice.times(quantity));
        netAmount = netAmount.plus(netTotal);
        const lineId = salesforceId('a0R', quoteLines.length + 1);
        const line: SbqqQuoteLine = {
          attributes: sfAttributes('SBQQ__QuoteLine__c', lineId),
          Id: lineId,
          Name: `QL-${String(quoteLines.length + 1).padStart(7, '0')}`,
          SBQQ__Quote__c: quoteId,
          SBQQ__Product__c: product.Id,
          SBQQ__ProductCode__c: product.ProductCode,
          SBQQ__ProductName__c: product.Name,
          SBQQ__Quantity__c: quantity,
          SBQQ__ListPrice__c: listPrice.toFixed(2),
          SBQQ__Discount__c: discount.toFixed(2),
          SBQQ__NetPrice__c: netPrice.toFixed(2),
          SBQQ__NetTotal__c: netTotal.toFixed(2),
          CurrencyIsoCode: currency,
          SBQQ__AdditionalDiscount__c: additionalDiscount.toFixed(2),
        };
        quoteLines.push(line);
        lines.push(line);
      }
      const quote: SbqqQuote = {
        attributes: sfAttributes('SBQQ__Quote__c', quoteId),
        Id: quoteId,
        Name: `Q-${String(quoteSequence).padStart(6, '0')}`,
        SBQQ__Partner__c: partner.id,
        SBQQ__Status__c: random.pick(QUOTE_STATUSES),
        SBQQ__ListAmount__c: listAmount.toFixed(2),
        SBQQ__NetAmount__c: netAmount.toFixed(2),
        CurrencyIsoCode: currency,
        SBQQ__ExpirationDate__c: isoDate(createdMs + 30 * DAY_MS),
        CreatedDate: new Date(createdMs).toISOString(),
        SBQQ__Account__c: customer.Id,
        SBQQ__Opportunity2__c: salesforceId('006', quoteSequence),
        SBQQ__PriceBook__c: partnerPriceBookId(partner.region),
        Deal_Registration__c: null,
      };
      quotes.push(quote);
      opportunities.push(opportunityFor(quote, customer, closeDate));
      if (quote.SBQQ__Status__c === 'Accepted') acceptedDeals.push({ quote, lines, closeDate });
    }
  }

  const contacts = generateContacts(prmRandom, partners);
  const certifications = generateCertifications(prmRandom, partners, contacts, calendar);
  const dealRegistrations = generateDealRegistrations(prmRandom, partners, customersByPartner, calendar);

  const planned = planDiscrepancies(
    stream('discrepancies'),
    acceptedDeals.length,
    acceptedDeals.filter((deal) => postedByLastBatch(deal.closeDate, calendar)).map((deal) => deal.quote.Id),
  );
  const { billing, mismatches } = generateBilling(
    stream('billing'),
    partners,
    customers,
    acceptedDeals,
    new Set([...planned].filter(([, kind]) => kind === 'invoice-amount-mismatch').map(([id]) => id)),
    calendar,
  );
  const programs = generatePrograms(stream('incentives'), products, calendar);
  const accrualPlan = new Map(
    [...planned].flatMap(([id, kind]) => (kind === 'invoice-amount-mismatch' ? [] : [[id, kind] as const])),
  );
  const { incentives, discrepancies: accrualGaps } = generateIncentives(
    programs,
    ledgerReferenceData(programs, partners, products),
    acceptedDeals,
    accrualPlan,
    calendar,
  );

  const quoteById = new Map(acceptedDeals.map((deal) => [deal.quote.Id, deal.quote]));
  const invoiceById = new Map(billing.invoices.map((invoice) => [invoice.id, invoice]));
  const accrualByQuote = new Map(incentives.accruals.map((accrual) => [accrual.quoteId, accrual]));
  const discrepancies: Discrepancy[] = [
    ...mismatches.map(({ quoteId, invoiceId, detail }): Discrepancy => {
      const quote = quoteById.get(quoteId)!;
      return {
        kind: 'invoice-amount-mismatch',
        system: 'billing',
        quoteId,
        partnerId: quote.SBQQ__Partner__c,
        currency: quote.CurrencyIsoCode,
        expected: quote.SBQQ__NetAmount__c,
        actual: invoiceById.get(invoiceId)!.amount,
        recordId: invoiceId,
        detail,
      };
    }),
    ...accrualGaps.map(({ quoteId, kind, expected, actual, detail }): Discrepancy => {
      const quote = quoteById.get(quoteId)!;
      return {
        kind,
        system: 'incentives',
        quoteId,
        partnerId: quote.SBQQ__Partner__c,
        currency: quote.CurrencyIsoCode,
        expected,
        actual,
        recordId: actual === null ? null : accrualByQuote.get(quoteId)!.id,
        detail,
      };
    }),
  ].sort((a, b) => a.quoteId.localeCompare(b.quoteId));

  return {
    options,
    asOf: calendar.asOf,
    partners,
    distributors: DISTRIBUTORS,
    contacts,
    certifications,
    dealRegistrations,
    products,
    priceBooks,
    priceBookEntries,
    customers,
    opportunities,
    quotes,
    quoteLines,
    billing,
    incentives,
    discrepancies,
  };
}
