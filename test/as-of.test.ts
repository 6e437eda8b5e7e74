import type { RunningStack } from '../scripts/stack';
import { graphqlAs, startTestStack, tokenFor } from './stack';

/**
 * The seeded world and every system's business day follow LEGACY_AS_OF (by default, the day the
 * stack starts): whatever the date, a new quote closes under an incentive program and is estimated.
 * Late December is the hard case: the quote closes in 30 days, in the next year.
 */
const CREATE = /* GraphQL */ `
  mutation Create($customer: ID!) {
    createQuote(input: { customerAccountId: $customer }) {
      quote {
        id
      }
      userErrors {
        code
        message
      }
    }
  }
`;
const ADD_LINE = /* GraphQL */ `
  mutation AddLine($quoteId: ID!) {
    addQuoteLine(quoteId: $quoteId, input: { sku: "NET-0001", quantity: 10 }) {
      userErrors {
        code
        message
      }
    }
  }
`;
const ESTIMATE = /* GraphQL */ `
  query Estimate($id: ID!) {
    quote(id: $id) {
      closeDate
      incentiveEstimate {
        total {
          amount
        }
        breakdown {
          kind
          amount {
            amount
          }
        }
        ineligibleReason
        program {
          id
        }
      }
    }
  }
`;

interface Estimate {
  quote: {
    closeDate: string;
    incentiveEstimate: {
      total: { amount: string };
      breakdown: Array<{ kind: string; amount: { amount: string } }>;
      ineligibleReason: string | null;
      program: { id: string } | null;
    };
  };
}

describe.each(['2025-12-20', '2026-12-20', '2027-12-20'])('LEGACY_AS_OF=%s', (asOf) => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack({ LEGACY_AS_OF: asOf });
  });
  afterAll(() => stack.close());

  it('estimates a new quote for a certified product with a non-zero base commission', async () => {
    const token = await tokenFor('P-00001', ['partner_rep']);
    const customer = stack.legacy!.dataset.customers.find((c) => c.Partner__c === 'P-00001')!;
    const created = await graphqlAs<{ createQuote: { quote: { id: string }; userErrors: unknown[] } }>(
      token,
      stack.urls.gateway,
      CREATE,
      { customer: customer.Id },
    );
    expect(created.data!.createQuote.userErrors).toEqual([]);
    const quoteId = created.data!.createQuote.quote.id;
    const added = await graphqlAs<{ addQuoteLine: { userErrors: unknown[] } }>(
      token,
      stack.urls.gateway,
      ADD_LINE,
      { quoteId },
    );
    expect(added.data!.addQuoteLine.userErrors).toEqual([]);

    const answer = await graphqlAs<Estimate>(token, stack.urls.gateway, ESTIMATE, { id: quoteId });

    expect(answer.errors).toBeUndefined();
    const { closeDate, incentiveEstimate } = answer.data!.quote;
    expect(closeDate > asOf).toBe(true);
    expect(incentiveEstimate.ineligibleReason).toBeNull();
    expect(incentiveEstimate.program?.id).toBe(`PRG-${closeDate.slice(0, 4)}-CORE`);
    const base = incentiveEstimate.breakdown.find((line) => line.kind === 'BASE');
    expect(Number(base?.amount.amount)).toBeGreaterThan(0);
    expect(Number(incentiveEstimate.total.amount)).toBeGreaterThan(0);
  });
});

describe('LEGACY_AS_OF unset', () => {
  it('anchors the seeded world to the business day the stack starts on', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const stack = await startTestStack({ LEGACY_AS_OF: '' });
    try {
      expect(stack.legacy!.dataset.asOf).toBe(today);
      expect(stack.legacy!.dataset.incentives.programs.map((program) => program.id)).toContain(
        `PRG-${today.slice(0, 4)}-CORE`,
      );
    } finally {
      await stack.close();
    }
  });
});
