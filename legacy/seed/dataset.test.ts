import Decimal from 'decimal.js';
import { CURRENCIES, generateDataset, partnerId, type Dataset } from './dataset';

const MONEY = /^\d+\.\d{2}$/;

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

  it('sizes the large scale at 2000 partners and about 200,000 quote lines', () => {
    const large = generateDataset({ seed: 42, scale: 'large' });
    expect(large.partners).toHaveLength(2000);
    expect(large.quoteLines.length).toBeGreaterThanOrEqual(150_000);
    expect(large.quoteLines.length).toBeLessThanOrEqual(250_000);
  });
});
