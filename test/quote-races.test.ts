import type { RunningStack } from '../scripts/stack';
import { pinBusinessDay } from './business-day';
import { graphqlAs, injectFault, resetLegacy, startTestStack, tokenFor } from './stack';

/**
 * Concurrent writes on one quote, with the CPQ's PATCH answers jittered so they land in any order:
 * a submission approves only the exact state it priced, whatever change races it, and never reports
 * a success that the quote no longer shows. P-00001 is Gold: a 25% approval limit.
 */
const PATCH_RECORD = 'PATCH /services/data/v60.0/sobjects/:sobject/:id';
const CUSTOMER = '001000000000003AAA';
const USER_ERRORS = 'userErrors { field message code }';
const QUOTE = 'quote { id status lines { id additionalDiscount } }';

const CREATE_QUOTE = `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { ${QUOTE} ${USER_ERRORS} } }`;
const ADD_LINE = `mutation ($quoteId: ID!, $input: AddQuoteLineInput!) {
  addQuoteLine(quoteId: $quoteId, input: $input) { quoteLine { id } ${USER_ERRORS} }
}`;
const UPDATE_LINE = `mutation ($lineId: ID!, $input: UpdateQuoteLineInput!) {
  updateQuoteLine(lineId: $lineId, input: $input) { ${QUOTE} ${USER_ERRORS} }
}`;
const SUBMIT = `mutation ($quoteId: ID!) {
  submitQuote(quoteId: $quoteId) { ${QUOTE} approval { required } ${USER_ERRORS} }
}`;
const READ = `query ($id: ID!) { quote(id: $id) { id status lines { id additionalDiscount } } }`;

interface QuoteData {
  id: string;
  status: string;
  lines: Array<{ id: string; additionalDiscount: string }>;
}
interface UserError {
  field: string | null;
  message: string;
  code: string;
}
interface SubmitPayload {
  quote: QuoteData | null;
  approval: { required: boolean } | null;
  userErrors: UserError[];
}

describe('quote writes racing each other', () => {
  let stack: RunningStack;
  let cpqUrl: string;
  let token: string;

  beforeAll(async () => {
    pinBusinessDay();
    stack = await startTestStack();
    cpqUrl = stack.urls.legacy.cpq!;
    token = await tokenFor('P-00001');
  });
  afterAll(async () => {
    await stack?.close();
    jest.useRealTimers();
  });
  afterEach(() => resetLegacy(cpqUrl));

  async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await graphqlAs<Record<string, T>>(token, stack.urls.gateway, query, variables);
    expect(response.errors).toBeUndefined();
    return Object.values(response.data!)[0]!;
  }

  /** A DRAFT quote with one line at a 5% additional discount: well within the limit. */
  async function quoteWithinLimit(): Promise<{ quoteId: string; lineId: string }> {
    const created = await mutate<{ quote: QuoteData }>(CREATE_QUOTE, {
      input: { customerAccountId: CUSTOMER },
    });
    const added = await mutate<{ quoteLine: { id: string }; userErrors: UserError[] }>(ADD_LINE, {
      quoteId: created.quote.id,
      input: { sku: 'NET-0001', quantity: 1, additionalDiscount: '5' },
    });
    expect(added.userErrors).toEqual([]);
    return { quoteId: created.quote.id, lineId: added.quoteLine.id };
  }

  async function read(quoteId: string): Promise<QuoteData> {
    const response = await graphqlAs<{ quote: QuoteData }>(token, stack.urls.gateway, READ, { id: quoteId });
    expect(response.errors).toBeUndefined();
    return response.data!.quote;
  }

  const aboveLimit = (quote: QuoteData) => quote.lines.some((line) => Number(line.additionalDiscount) > 25);

  /**
   * A success must describe the quote as submitted: APPROVED within the limit, or IN_REVIEW. A lost
   * race is CONFLICT, or NOT_EDITABLE when another submission had approved the quote already.
   */
  function expectTruthfulSubmission(submitted: SubmitPayload): void {
    if (submitted.userErrors.length > 0) {
      expect(submitted.userErrors).toEqual([
        expect.objectContaining({
          code: expect.stringMatching(/^(CONFLICT|NOT_EDITABLE)$/),
          field: 'quoteId',
        }),
      ]);
      expect(submitted.quote).toBeNull();
      return;
    }
    const { quote, approval } = submitted;
    expect(quote!.status).toBe(approval!.required ? 'IN_REVIEW' : 'APPROVED');
    if (quote!.status === 'APPROVED') expect(aboveLimit(quote!)).toBe(false);
  }

  it('never leaves a quote APPROVED above the tier limit when a 40% discount races the submission (50 quotes)', async () => {
    const quotes = [];
    for (let wave = 0; wave < 5; wave += 1) {
      quotes.push(...(await Promise.all(Array.from({ length: 10 }, () => quoteWithinLimit()))));
    }
    await injectFault(cpqUrl, { route: PATCH_RECORD, jitterMs: 1500 });

    // Waves of 10 (20 writes at once) stay within the CPQ adapter's bulkhead of 32 concurrent calls.
    const outcomes = [];
    for (let wave = 0; wave < quotes.length; wave += 10) {
      outcomes.push(
        ...(await Promise.all(
          quotes.slice(wave, wave + 10).map(async ({ quoteId, lineId }) => {
            const [submitted, updated] = await Promise.all([
              mutate<SubmitPayload>(SUBMIT, { quoteId }),
              mutate<{ userErrors: UserError[] }>(UPDATE_LINE, {
                lineId,
                input: { additionalDiscount: '40' },
              }),
            ]);
            return { quoteId, submitted, updated };
          }),
        )),
      );
    }
    await resetLegacy(cpqUrl);

    const finals = await Promise.all(quotes.map(({ quoteId }) => read(quoteId)));
    expect(finals.filter((quote) => quote.status === 'APPROVED' && aboveLimit(quote))).toEqual([]);
    outcomes.forEach(({ submitted }) => expectTruthfulSubmission(submitted));
    // The race did take place: discounts went through while submissions ran, and submissions lost.
    expect(outcomes.filter(({ updated }) => updated.userErrors.length === 0).length).toBeGreaterThan(0);
    expect(outcomes.map(({ submitted }) => submitted.userErrors[0])).toContainEqual({
      code: 'CONFLICT',
      field: 'quoteId',
      message: expect.stringMatching(
        /^Quote Q-\d+ changed while it was being submitted; read it again and resubmit$/,
      ),
    });
  });

  it('answers 20 parallel submissions of one quote with APPROVED or CONFLICT, never a wrong status', async () => {
    const { quoteId } = await quoteWithinLimit();
    await injectFault(cpqUrl, { route: PATCH_RECORD, jitterMs: 500 });

    const submissions = await Promise.all(
      Array.from({ length: 20 }, () => mutate<SubmitPayload>(SUBMIT, { quoteId })),
    );
    await resetLegacy(cpqUrl);

    submissions.forEach(expectTruthfulSubmission);
    const succeeded = submissions.filter((submitted) => submitted.userErrors.length === 0);
    expect(succeeded.length).toBeGreaterThan(0);
    succeeded.forEach((submitted) => expect(submitted.quote!.status).toBe('APPROVED'));
    expect((await read(quoteId)).status).toBe('APPROVED');
  });
});
