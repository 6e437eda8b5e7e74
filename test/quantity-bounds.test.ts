import type { RunningStack } from '../scripts/stack';
import { graphqlAs, legacyCalls, startTestStack, tokenFor } from './stack';

/**
 * QUOTE_LINE_QUANTITY_MIN / _MAX reach the quoting subgraph from the environment: a stack started
 * with other bounds refuses a line outside them before any CPQ write, and takes one inside them.
 */
const CUSTOMER = '001000000000003AAA';
const CREATE_LINE = 'POST /services/data/v60.0/sobjects/:sobject';
const USER_ERRORS = 'userErrors { code field message }';

interface LinePayload {
  addQuoteLine: { quoteLine: { quantity: number } | null; userErrors: Array<Record<string, string>> };
}

describe('configured quote line quantity bounds', () => {
  let stack: RunningStack;
  let token: string;
  let quoteId: string;

  beforeAll(async () => {
    stack = await startTestStack({ QUOTE_LINE_QUANTITY_MIN: '5', QUOTE_LINE_QUANTITY_MAX: '50' });
    token = await tokenFor('P-00001');
    const created = await graphqlAs<{ createQuote: { quote: { id: string } } }>(
      token,
      stack.urls.gateway,
      `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } ${USER_ERRORS} } }`,
      { input: { customerAccountId: CUSTOMER } },
    );
    quoteId = created.data!.createQuote.quote.id;
  });

  afterAll(() => stack?.close());

  const addLine = (quantity: number) =>
    graphqlAs<LinePayload>(
      token,
      stack.urls.gateway,
      `mutation ($quoteId: ID!, $input: AddQuoteLineInput!) {
        addQuoteLine(quoteId: $quoteId, input: $input) { quoteLine { quantity } ${USER_ERRORS} }
      }`,
      { quoteId, input: { sku: 'NET-0001', quantity } },
    );

  it.each([4, 51])('refuses a quantity of %i outside 5..50 without writing to the CPQ', async (quantity) => {
    const writesBefore = (await legacyCalls(stack.urls.legacy.cpq!))[CREATE_LINE] ?? 0;

    const response = await addLine(quantity);

    expect(response.errors).toBeUndefined();
    expect(response.data!.addQuoteLine).toEqual({
      quoteLine: null,
      userErrors: [
        {
          code: 'BAD_USER_INPUT',
          field: 'quantity',
          message: `The quantity must be from 5 to 50, got ${quantity}`,
        },
      ],
    });
    expect((await legacyCalls(stack.urls.legacy.cpq!))[CREATE_LINE] ?? 0).toBe(writesBefore);
  });

  it('takes a quantity at the configured maximum', async () => {
    const response = await addLine(50);

    expect(response.errors).toBeUndefined();
    expect(response.data!.addQuoteLine).toEqual({ quoteLine: { quantity: 50 }, userErrors: [] });
  });
});
