import type { SeededRandom } from './random';
import { salesforceId, sfAttributes, type SfAttributes } from './common';
import type { CurrencyCode, PrmAccount, Product2, SbqqQuote, SbqqQuoteStatus } from './dataset';

/**
 * The CRM side of the CPQ: end customers (Account), price books and their entries, and the
 * Opportunity behind every quote. Salesforce field names, money as decimal strings.
 */

/** An end customer a partner sells to (a Salesforce Account of type Customer). */
export interface SfAccount {
  attributes: SfAttributes;
  Id: string;
  Name: string;
  Type: 'Customer';
  BillingCountry: string;
  CurrencyIsoCode: CurrencyCode;
  /** The partner who owns the customer relationship (a PRM partner id). */
  Partner__c: string;
}

export interface Pricebook2 {
  attributes: SfAttributes;
  Id: string;
  Name: string;
  IsStandard: boolean;
  IsActive: boolean;
  /** The partner region this book serves; null for the standard book. */
  Region__c: PrmAccount['region'] | null;
}

export interface PricebookEntry {
  attributes: SfAttributes;
  Id: string;
  Pricebook2Id: string;
  Product2Id: string;
  ProductCode: string;
  CurrencyIsoCode: CurrencyCode;
  UnitPrice: string;
  IsActive: boolean;
  UseStandardPrice: boolean;
}

export type OpportunityStage =
  'Prospecting' | 'Proposal/Price Quote' | 'Negotiation/Review' | 'Closed Won' | 'Closed Lost';

export interface Opportunity {
  attributes: SfAttributes;
  Id: string;
  Name: string;
  AccountId: string;
  Partner__c: string;
  StageName: OpportunityStage;
  /** Won or lost on this day when closed; expected to close on it otherwise. */
  CloseDate: string;
  Amount: string;
  CurrencyIsoCode: CurrencyCode;
  IsClosed: boolean;
  IsWon: boolean;
  SBQQ__PrimaryQuote__c: string;
  CreatedDate: string;
}

export const OPPORTUNITY_STAGE: Record<SbqqQuoteStatus, OpportunityStage> = {
  Draft: 'Prospecting',
  'In Review': 'Proposal/Price Quote',
  Approved: 'Proposal/Price Quote',
  Presented: 'Negotiation/Review',
  Accepted: 'Closed Won',
  Rejected: 'Closed Lost',
};

const CUSTOMER_FIRST = [
  'Contoso',
  'Fabrikam',
  'Northwind',
  'Tailspin',
  'Wingtip',
  'Litware',
  'Adatum',
  'Proseware',
  'Woodgrove',
  'Alpine',
  'Coho',
  'Margie',
];
const CUSTOMER_SECOND = ['Retail', 'Bank', 'Health', 'Logistics', 'Foods', 'Energy', 'Media', 'Insurance'];

export const STANDARD_PRICE_BOOK_ID = salesforceId('01s', 1);

/**
 * One price book per partner region, holding the currencies that region sells in, at the same list
 * prices as the standard book (the seeded quote lines were priced from them), plus the standard book
 * with every currency. A partner prices from its region's book in its own currency.
 */
const REGIONAL_BOOKS: Array<{ region: PrmAccount['region']; currencies: CurrencyCode[] }> = [
  { region: 'NA', currencies: ['USD'] },
  { region: 'EMEA', currencies: ['EUR', 'GBP'] },
  { region: 'APAC', currencies: ['USD'] },
  { region: 'LATAM', currencies: ['USD'] },
];

export function partnerPriceBookId(region: PrmAccount['region']): string {
  return salesforceId('01s', 2 + REGIONAL_BOOKS.findIndex((book) => book.region === region));
}

export function generatePriceBooks(products: Product2[]): {
  priceBooks: Pricebook2[];
  priceBookEntries: PricebookEntry[];
} {
  const books: Array<{ book: Pricebook2; currencies: CurrencyCode[] }> = [
    {
      book: {
        attributes: sfAttributes('Pricebook2', STANDARD_PRICE_BOOK_ID),
        Id: STANDARD_PRICE_BOOK_ID,
        Name: 'Standard Price Book',
        IsStandard: true,
        IsActive: true,
        Region__c: null,
      },
      currencies: ['USD', 'EUR', 'GBP'],
    },
    ...REGIONAL_BOOKS.map(({ region, currencies }) => {
      const id = partnerPriceBookId(region);
      return {
        book: {
          attributes: sfAttributes('Pricebook2', id),
          Id: id,
          Name: `${region} Partner Price Book`,
          IsStandard: false,
          IsActive: true,
          Region__c: region,
        },
        currencies,
      };
    }),
  ];
  const priceBookEntries: PricebookEntry[] = [];
  for (const { book, currencies } of books) {
    for (const product of products) {
      for (const currency of currencies) {
        const id = salesforceId('01u', priceBookEntries.length + 1);
        priceBookEntries.push({
          attributes: sfAttributes('PricebookEntry', id),
          Id: id,
          Pricebook2Id: book.Id,
          Product2Id: product.Id,
          ProductCode: product.ProductCode,
          CurrencyIsoCode: currency,
          UnitPrice: product.prices[currency],
          IsActive: true,
          UseStandardPrice: !book.IsStandard,
        });
      }
    }
  }
  return { priceBooks: books.map(({ book }) => book), priceBookEntries };
}

/** Two to six end customers per partner, in the partner's country and currency. */
export function generateCustomers(random: SeededRandom, partners: PrmAccount[]): SfAccount[] {
  const customers: SfAccount[] = [];
  for (const partner of partners) {
    const count = random.int(2, 6);
    for (let c = 0; c < count; c += 1) {
      const sequence = customers.length + 1;
      const id = salesforceId('001', sequence);
      customers.push({
        attributes: sfAttributes('Account', id),
        Id: id,
        Name: `${random.pick(CUSTOMER_FIRST)} ${random.pick(CUSTOMER_SECOND)} ${sequence}`,
        Type: 'Customer',
        BillingCountry: partner.billingCountry,
        CurrencyIsoCode: partner.currencyCode,
        Partner__c: partner.id,
      });
    }
  }
  return customers;
}

export function opportunityFor(quote: SbqqQuote, customer: SfAccount, closeDate: string): Opportunity {
  const stage = OPPORTUNITY_STAGE[quote.SBQQ__Status__c];
  return {
    attributes: sfAttributes('Opportunity', quote.SBQQ__Opportunity2__c),
    Id: quote.SBQQ__Opportunity2__c,
    Name: `${customer.Name} - ${quote.Name}`,
    AccountId: customer.Id,
    Partner__c: quote.SBQQ__Partner__c,
    StageName: stage,
    CloseDate: closeDate,
    Amount: quote.SBQQ__NetAmount__c,
    CurrencyIsoCode: quote.CurrencyIsoCode,
    IsClosed: stage === 'Closed Won' || stage === 'Closed Lost',
    IsWon: stage === 'Closed Won',
    SBQQ__PrimaryQuote__c: quote.Id,
    CreatedDate: quote.CreatedDate,
  };
}
