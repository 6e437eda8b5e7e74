import type { RunningStack } from '../scripts/stack';
import { pinBusinessDay } from './business-day';
import { graphqlAs, injectFault, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';
import { waitFor } from './wait-for';

/**
 * A write whose answer is lost (the legacy system is slower than our timeout, and applies it
 * anyway) reaches the client as UPSTREAM_TIMEOUT with `outcome: UNKNOWN`; retried with the same
 * idempotency key it never makes a second record, in the CPQ (upsert on the external id) or in the
 * PRM (its duplicate rule). Records are counted in the stand-ins themselves.
 */
const TIMEOUT_MS = 300;
const UPSERT = 'PATCH /services/data/v60.0/sobjects/:sobject/:field/:value';
const PRM_REGISTER = 'POST /api/objects/v1/DealRegistration';
const CUSTOMER = '001000000000003AAA';
const USER_ERRORS = 'userErrors { field message code }';

const CREATE_QUOTE = `mutation ($input: CreateQuoteInput!, $key: String) {
  createQuote(input: $input, idempotencyKey: $key) { quote { id } ${USER_ERRORS} }
}`;
const ADD_LINE = `mutation ($quoteId: ID!, $input: AddQuoteLineInput!, $key: String) {
  addQuoteLine(quoteId: $quoteId, input: $input, idempotencyKey: $key) { quoteLine { id } ${USER_ERRORS} }
}`;
const REGISTER = `mutation ($input: RegisterDealInput!, $key: String) {
  registerDeal(input: $input, idempotencyKey: $key) { dealRegistration { id } ${USER_ERRORS} }
}`;

interface UserError {
  field: string | null;
  message: string;
  code: string;
}

describe('write mutations retried with an idempotency key', () => {
  let stack: RunningStack;
  let cpqUrl: string;
  let prmUrl: string;
  let cpqToken: string;

  beforeAll(async () => {
    pinBusinessDay();
    stack = await startTestStack({ LEGACY_TIMEOUT_MS: String(TIMEOUT_MS) });
    cpqUrl = stack.urls.legacy.cpq!;
    prmUrl = stack.urls.legacy.prm!;
    const token = await fetch(`${cpqUrl}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'partner-graph',
        client_secret: 'cpq-dev-secret',
      }),
    });
    cpqToken = ((await token.json()) as { access_token: string }).access_token;
  });
  afterAll(async () => {
    await stack?.close();
    jest.useRealTimers();
  });
  beforeEach(async () => {
    await resetLegacy(cpqUrl);
    await resetLegacy(prmUrl);
  });

  async function as<T>(partnerId: string, query: string, variables: Record<string, unknown>) {
    return graphqlAs<T>(await tokenFor(partnerId), stack.urls.gateway, query, variables);
  }

  /** The CPQ's own count of records carrying the (partner-scoped) key. */
  async function cpqRecordsWithKey(type: string, key: string): Promise<number> {
    const soql = `SELECT COUNT() FROM ${type} WHERE Idempotency_Key__c = '${key}'`;
    const response = await fetch(`${cpqUrl}/services/data/v60.0/query?q=${encodeURIComponent(soql)}`, {
      headers: { authorization: `Bearer ${cpqToken}` },
    });
    return ((await response.json()) as { totalSize: number }).totalSize;
  }

  async function prmRegistrationsNamed(partnerId: string, customerName: string): Promise<string[]> {
    const response = await fetch(
      `${prmUrl}/api/objects/v1/DealRegistration?accountId=${partnerId}&take=500`,
      { headers: { authorization: 'prm-key prm-dev-key' } },
    );
    const { data } = (await response.json()) as {
      data: { results: Array<{ id: string; customerName: string }> };
    };
    return data.results.filter((r) => r.customerName === customerName).map((r) => r.id);
  }

  const timedOutUnknown = (system: string) => ({
    extensions: expect.objectContaining({
      code: 'UPSTREAM_TIMEOUT',
      outcome: 'UNKNOWN',
      upstream: expect.objectContaining({ system }),
    }),
  });

  it('createQuote: timed out with outcome UNKNOWN, applied anyway, and a retry finds that one quote', async () => {
    await injectFault(cpqUrl, { route: UPSERT, latencyMs: TIMEOUT_MS * 3 });
    const variables = { input: { customerAccountId: CUSTOMER }, key: 'create-quote-1' };

    const lost = await as<{ createQuote: unknown }>('P-00001', CREATE_QUOTE, variables);

    expect(lost.errors?.[0]).toMatchObject(timedOutUnknown('cpq'));
    await waitFor(
      'the timed-out quote applied',
      async () => (await cpqRecordsWithKey('SBQQ__Quote__c', 'P-00001:create-quote-1')) === 1,
    );
    await resetLegacy(cpqUrl);
    const retried = await as<{ createQuote: { quote: { id: string }; userErrors: UserError[] } }>(
      'P-00001',
      CREATE_QUOTE,
      variables,
    );
    const again = await as<{ createQuote: { quote: { id: string } } }>('P-00001', CREATE_QUOTE, variables);

    expect(retried.errors).toBeUndefined();
    expect(retried.data!.createQuote.userErrors).toEqual([]);
    expect(again.data!.createQuote.quote.id).toBe(retried.data!.createQuote.quote.id);
    expect(await cpqRecordsWithKey('SBQQ__Quote__c', 'P-00001:create-quote-1')).toBe(1);
    expect((await legacyCalls(cpqUrl))['POST /services/data/v60.0/sobjects/:sobject']).toBeUndefined();
  });

  it('addQuoteLine: a retry after the timeout adds no second line', async () => {
    const created = await as<{ createQuote: { quote: { id: string } } }>('P-00001', CREATE_QUOTE, {
      input: { customerAccountId: CUSTOMER },
    });
    const quoteId = created.data!.createQuote.quote.id;
    await injectFault(cpqUrl, { route: UPSERT, latencyMs: TIMEOUT_MS * 3 });
    const variables = { quoteId, input: { sku: 'NET-0001', quantity: 2 }, key: 'add-line-1' };

    const lost = await as('P-00001', ADD_LINE, variables);

    expect(lost.errors?.[0]).toMatchObject(timedOutUnknown('cpq'));
    await waitFor(
      'the timed-out line applied',
      async () => (await cpqRecordsWithKey('SBQQ__QuoteLine__c', 'P-00001:add-line-1')) === 1,
    );
    await resetLegacy(cpqUrl);
    const retried = await as<{ addQuoteLine: { quoteLine: { id: string }; userErrors: UserError[] } }>(
      'P-00001',
      ADD_LINE,
      variables,
    );

    expect(retried.errors).toBeUndefined();
    expect(retried.data!.addQuoteLine.userErrors).toEqual([]);
    expect(await cpqRecordsWithKey('SBQQ__QuoteLine__c', 'P-00001:add-line-1')).toBe(1);
    const lines = await graphqlAs<{ quote: { lines: Array<{ id: string }> } }>(
      await tokenFor('P-00001'),
      stack.urls.gateway,
      'query ($id: ID!) { quote(id: $id) { lines { id } } }',
      { id: quoteId },
    );
    expect(lines.data!.quote.lines).toEqual([{ id: retried.data!.addQuoteLine.quoteLine.id }]);
  });

  it('registerDeal: a retry after the timeout answers the one registration the PRM made', async () => {
    await injectFault(prmUrl, { route: PRM_REGISTER, latencyMs: TIMEOUT_MS * 3 });
    const customerName = 'Idempotent Customer';
    const variables = {
      input: { customerName, productFamily: 'NETWORK', estimatedAmount: '1000' },
      key: 'register-1',
    };

    const lost = await as('P-00001', REGISTER, variables);

    expect(lost.errors?.[0]).toMatchObject(timedOutUnknown('prm'));
    await waitFor(
      'the timed-out registration applied',
      async () => (await prmRegistrationsNamed('P-00001', customerName)).length === 1,
    );
    await resetLegacy(prmUrl);
    const retried = await as<{
      registerDeal: { dealRegistration: { id: string }; userErrors: UserError[] };
    }>('P-00001', REGISTER, variables);

    expect(retried.errors).toBeUndefined();
    expect(retried.data!.registerDeal.userErrors).toEqual([]);
    const registered = await prmRegistrationsNamed('P-00001', customerName);
    expect(registered).toEqual([retried.data!.registerDeal.dealRegistration.id]);
  });

  it('refuses a key reused for another quote or line (CONFLICT), leaving the first record as it was', async () => {
    const [first, second] = stack
      .legacy!.dataset.customers.filter((c) => c.Partner__c === 'P-00001')
      .map((c) => c.Id);
    const created = await as<{ createQuote: { quote: { id: string } } }>('P-00001', CREATE_QUOTE, {
      input: { customerAccountId: first },
      key: 'reused-quote-key',
    });
    const quoteId = created.data!.createQuote.quote.id;
    const added = await as<{ addQuoteLine: { quoteLine: { id: string } } }>('P-00001', ADD_LINE, {
      quoteId,
      input: { sku: 'NET-0001', quantity: 1 },
      key: 'reused-line-key',
    });
    await resetLegacy(cpqUrl);
    const otherLine = await as<{ addQuoteLine: { quoteLine: unknown; userErrors: UserError[] } }>(
      'P-00001',
      ADD_LINE,
      { quoteId, input: { sku: 'NET-0001', quantity: 5 }, key: 'reused-line-key' },
    );
    // Approved, the quote may no longer change: a create must not change it either.
    const submitted = await as<{ submitQuote: { userErrors: UserError[] } }>(
      'P-00001',
      'mutation ($id: ID!) { submitQuote(quoteId: $id) { userErrors { field message code } } }',
      { id: quoteId },
    );
    expect(submitted.data!.submitQuote.userErrors).toEqual([]);
    const otherQuote = await as<{ createQuote: { quote: unknown; userErrors: UserError[] } }>(
      'P-00001',
      CREATE_QUOTE,
      { input: { customerAccountId: second }, key: 'reused-quote-key' },
    );

    for (const payload of [otherQuote.data!.createQuote, otherLine.data!.addQuoteLine]) {
      expect(payload.userErrors).toEqual([
        { code: 'CONFLICT', field: 'idempotencyKey', message: expect.stringContaining('another') },
      ]);
    }
    const cpqWrites = Object.keys(await legacyCalls(cpqUrl)).filter((route) => !route.startsWith('GET'));
    expect(cpqWrites).not.toContain(UPSERT);
    const after = await graphqlAs<{
      quote: { status: string; customer: { id: string }; lines: Array<{ id: string; quantity: number }> };
    }>(
      await tokenFor('P-00001'),
      stack.urls.gateway,
      'query ($id: ID!) { quote(id: $id) { status customer { id } lines { id quantity } } }',
      { id: quoteId },
    );
    expect(after.data!.quote).toEqual({
      status: 'APPROVED',
      customer: { id: first },
      lines: [{ id: added.data!.addQuoteLine.quoteLine.id, quantity: 1 }],
    });
  });

  it('refuses a registerDeal key reused for another registration (CONFLICT), without registering', async () => {
    const register = (customerName: string) =>
      as<{ registerDeal: { dealRegistration: { id: string } | null; userErrors: UserError[] } }>(
        'P-00001',
        REGISTER,
        {
          input: { customerName, productFamily: 'NETWORK', estimatedAmount: '1000' },
          key: 'reused-deal-key',
        },
      );
    const first = await register('First Keyed Customer');
    expect(first.data!.registerDeal.userErrors).toEqual([]);

    const reused = await register('Second Keyed Customer');

    expect(reused.data!.registerDeal).toEqual({
      dealRegistration: null,
      userErrors: [
        { code: 'CONFLICT', field: 'idempotencyKey', message: expect.stringContaining('another') },
      ],
    });
    expect(await prmRegistrationsNamed('P-00001', 'Second Keyed Customer')).toEqual([]);
    expect(await prmRegistrationsNamed('P-00001', 'First Keyed Customer')).toEqual([
      first.data!.registerDeal.dealRegistration!.id,
    ]);
  });

  it('scopes keys per partner: the same key from two partners makes two quotes', async () => {
    const otherCustomer = stack.legacy!.dataset.customers.find((c) => c.Partner__c === 'P-00002')!.Id;

    const mine = await as<{ createQuote: { quote: { id: string } } }>('P-00001', CREATE_QUOTE, {
      input: { customerAccountId: CUSTOMER },
      key: 'shared-key',
    });
    const theirs = await as<{ createQuote: { quote: { id: string }; userErrors: UserError[] } }>(
      'P-00002',
      CREATE_QUOTE,
      { input: { customerAccountId: otherCustomer }, key: 'shared-key' },
    );

    expect(theirs.data!.createQuote.userErrors).toEqual([]);
    expect(theirs.data!.createQuote.quote.id).not.toBe(mine.data!.createQuote.quote.id);
  });

  it.each([
    ['an empty key', ''],
    ['a 129-character key', 'k'.repeat(129)],
    ['a key with a slash', '../x'],
  ])('refuses %s with BAD_USER_INPUT on idempotencyKey, without writing', async (_case, key) => {
    const [quote, registration] = await Promise.all([
      as<{ createQuote: { userErrors: UserError[] } }>('P-00001', CREATE_QUOTE, {
        input: { customerAccountId: CUSTOMER },
        key,
      }),
      as<{ registerDeal: { userErrors: UserError[] } }>('P-00001', REGISTER, {
        input: { customerName: 'Bad Key Customer', productFamily: 'NETWORK', estimatedAmount: '1' },
        key,
      }),
    ]);

    for (const userErrors of [
      quote.data!.createQuote.userErrors,
      registration.data!.registerDeal.userErrors,
    ]) {
      expect(userErrors).toEqual([
        { code: 'BAD_USER_INPUT', field: 'idempotencyKey', message: expect.stringContaining('1 to 128') },
      ]);
    }
    const cpqCalls = Object.keys(await legacyCalls(cpqUrl));
    expect(cpqCalls.filter((route) => !route.startsWith('GET'))).toEqual([]);
    expect((await legacyCalls(prmUrl))[PRM_REGISTER]).toBeUndefined();
  });
});
