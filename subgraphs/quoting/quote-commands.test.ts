import DataLoader from 'dataloader';
import type { Money, Quote, QuoteCalculation, QuoteLine } from '../../domain';
import { priceQuote } from './quote-commands';
import type { QuotingContext } from './context';

/**
 * A line written between the price calculation and the read of the quote's lines: the lines read
 * are not the ones priced. The stand-in cannot hold a write in that gap, so the CPQ is faked here.
 */
const money = (amount: string): Money => ({ amount, currency: 'EUR' });
const quote: Quote = {
  id: 'a0Q000000000001AAA',
  number: 'Q-0000001',
  partnerId: 'P-00001',
  status: 'DRAFT',
  currency: 'EUR',
  listTotal: money('100.00'),
  netTotal: money('95.00'),
  expiresOn: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  customerAccountId: '001000000000003AAA',
  dealRegistrationId: null,
};
const lineAt = (additionalDiscountPercent: string): QuoteLine => ({
  id: 'a0R000000000001AAA',
  quoteId: quote.id,
  sku: 'NET-0001',
  productName: 'Router',
  quantity: 1,
  listPrice: money('100.00'),
  discountPercent: additionalDiscountPercent,
  additionalDiscountPercent,
  netPrice: money('95.00'),
  netTotal: money('95.00'),
});

function contextWith(linesRead: QuoteLine[], priced: QuoteLine): QuotingContext {
  const calculation = {
    quoteId: quote.id,
    lines: [
      {
        sku: priced.sku,
        quantity: priced.quantity,
        additionalDiscountPercent: priced.additionalDiscountPercent,
      },
    ],
  } as unknown as QuoteCalculation;
  return {
    viewer: { sub: 'rep@P-00001', partnerId: 'P-00001', roles: ['partner_rep'] },
    cpq: {
      quoteById: new DataLoader(async (ids: readonly string[]) => ids.map(() => quote)),
      linesByQuoteId: new DataLoader(async (ids: readonly string[]) => ids.map(() => linesRead)),
      quotesByPartnerId: new DataLoader(async (ids: readonly string[]) => ids.map(() => [quote])),
      quoteLineById: new DataLoader(async (ids: readonly string[]) => ids.map(() => null)),
    },
    cpqCommands: { calculateQuote: async () => ({ calculation, savedVersion: '"v1"' }) },
  } as unknown as QuotingContext;
}

describe('priceQuote racing a line change', () => {
  it('answers CONFLICT on quoteId, not a bad CPQ answer, when the lines changed after the calculation', async () => {
    const answer = await priceQuote(contextWith([lineAt('40.00')], lineAt('5.00')), quote.id);

    expect(answer).toEqual({
      quote: null,
      pricing: null,
      userErrors: [
        {
          code: 'CONFLICT',
          field: 'quoteId',
          message: 'Quote Q-0000001 changed while it was being priced; read it again and price it again',
        },
      ],
    });
  });
});
