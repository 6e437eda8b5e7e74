import Decimal from 'decimal.js';
import { SeededRandom } from './random';

/**
 * The seeded world every stand-in serves: one generator, so that the systems agree with each
 * other (a quote's partner exists in the PRM, its products in the CPQ catalog). Records are kept
 * in each legacy system's own wire shape; money is a decimal string, never a float.
 */

export type Scale = 'small' | 'large';

export interface DatasetOptions {
  seed: number;
  scale: Scale;
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
}

export interface SfAttributes {
  type: string;
  url: string;
}

export interface Product2 {
  attributes: SfAttributes;
  Id: string;
  Name: string;
  ProductCode: string;
  Family: 'Network' | 'Security' | 'Cloud' | 'Support';
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
}

export interface Dataset {
  options: DatasetOptions;
  partners: PrmAccount[];
  products: Product2[];
  quotes: SbqqQuote[];
  quoteLines: SbqqQuoteLine[];
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
const DATA_EPOCH = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

export function partnerId(index: number): string {
  return `P-${String(index).padStart(5, '0')}`;
}

/** An 18-character Salesforce-style id: a 3-character key prefix, then the sequence in base 36. */
function salesforceId(keyPrefix: string, sequence: number): string {
  return `${keyPrefix}${sequence.toString(36).toUpperCase().padStart(12, '0')}AAA`;
}

function sfAttributes(type: string, id: string): SfAttributes {
  return { type, url: `/services/data/v60.0/sobjects/${type}/${id}` };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function generatePartners(random: SeededRandom, count: number): PrmAccount[] {
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
      created: new Date(DATA_EPOCH - random.int(30, 1500) * DAY_MS).toISOString(),
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

export function generateDataset(options: DatasetOptions): Dataset {
  const random = new SeededRandom(options.seed);
  const shape = SCALES[options.scale];
  const partners = generatePartners(random, shape.partners);
  const products = generateProducts(random);
  const quotes: SbqqQuote[] = [];
  const quoteLines: SbqqQuoteLine[] = [];

  for (const partner of partners) {
    const quoteCount = random.int(...shape.quotesPerPartner);
    const tierDiscount = new Decimal(TIER_DISCOUNT_PERCENT[partner.partnerLevel.name]);
    for (let q = 0; q < quoteCount; q += 1) {
      const quoteSequence = quotes.length + 1;
      const quoteId = salesforceId('a0Q', quoteSequence);
      const currency = partner.currencyCode;
      const createdMs = DATA_EPOCH + random.int(0, 320) * DAY_MS + random.int(0, DAY_MS - 1);
      let listAmount = new Decimal(0);
      let netAmount = new Decimal(0);
      const lineCount = random.int(...shape.linesPerQuote);
      for (let l = 0; l < lineCount; l += 1) {
        const product = random.pick(products);
        const quantity = random.int(1, 50);
        const listPrice = new Decimal(product.prices[currency]);
        const discount = tierDiscount.plus(random.chance(0.3) ? random.int(1, 10) : 0);
        const netPrice = listPrice
          .times(Decimal.sub(1, discount.div(100)))
          .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        const netTotal = netPrice.times(quantity);
        listAmount = listAmount.plus(listPrice.times(quantity));
        netAmount = netAmount.plus(netTotal);
        const lineId = salesforceId('a0R', quoteLines.length + 1);
        quoteLines.push({
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
        });
      }
      quotes.push({
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
      });
    }
  }
  return { options, partners, products, quotes, quoteLines };
}
