import Decimal from 'decimal.js';
import { listen, type RunningServer } from '../../runtime';
import { waitFor } from '../../test/wait-for';
import { addDays } from '../seed/common';
import { generateDataset, TIER_DISCOUNT_PERCENT } from '../seed/dataset';
import { APEX_BASE, API_BASE, createCpqApp, type CpqOptions } from './server';

const dataset = generateDataset({ seed: 11, scale: 'small' });
const TODAY = '2026-12-01';
const options: CpqOptions = {
  clientId: 'test-client',
  clientSecret: 'test-secret',
  tokenTtlMs: 3_600_000,
  queryBatchSize: 2000,
  today: () => TODAY,
};

const registration = dataset.dealRegistrations.find((r) => r.status === 'Approved')!;
const partner = dataset.partners.find((p) => p.id === registration.accountId)!;
const customer = dataset.customers.find((c) => c.Partner__c === partner.id)!;
const otherCustomer = dataset.customers.find((c) => c.Partner__c !== partner.id)!;
const [product, secondProduct] = dataset.products;
const listPrice = (p = product!) => new Decimal(p.prices[partner.currencyCode]);
const acceptedQuote = dataset.quotes.find((q) => q.SBQQ__Status__c === 'Accepted')!;
const draftQuote = dataset.quotes.find(
  (q) => q.SBQQ__Status__c === 'Draft' && q.SBQQ__Partner__c !== partner.id,
)!;
if (!registration || !customer || !acceptedQuote || !draftQuote)
  throw new Error('seed 11 no longer fits these tests');

interface SfError {
  errorCode: string;
  message: string;
  fields?: string[];
}

function netPrice(list: Decimal, discountPercent: Decimal.Value): string {
  return list
    .times(new Decimal(1).minus(new Decimal(discountPercent).div(100)))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

async function startCpq(
  overrides: Partial<CpqOptions> = {},
): Promise<{ server: RunningServer; token: string }> {
  const server = await listen(createCpqApp(dataset, { ...options, ...overrides }).app, 0);
  const response = await fetch(`${server.url}/services/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    }),
  });
  return { server, token: ((await response.json()) as { access_token: string }).access_token };
}

describe('CPQ stand-in: objects, writes, pricing and limits', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    ({ server, token } = await startCpq());
  });
  afterAll(() => server.close());

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  const calculate = (body: unknown) =>
    call<Record<string, any>>('POST', `${APEX_BASE}/quote/calculate`, body); // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read nested calculation fields
  const sobject = (type: string, id = '') => `${API_BASE}/sobjects/${type}${id ? `/${id}` : ''}`;

  async function createQuote(fields: Record<string, unknown> = {}): Promise<string> {
    const created = await call<{ id: string }>('POST', sobject('SBQQ__Quote__c'), {
      SBQQ__Partner__c: partner.id,
      SBQQ__Account__c: customer.Id,
      ...fields,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function addLine(quoteId: string, fields: Record<string, unknown> = {}): Promise<string> {
    const created = await call<{ id: string }>('POST', sobject('SBQQ__QuoteLine__c'), {
      SBQQ__Quote__c: quoteId,
      SBQQ__Product__c: product!.Id,
      SBQQ__Quantity__c: 1,
      ...fields,
    });
    expect(created).toMatchObject({ status: 201, body: { success: true, errors: [] } });
    return created.body.id;
  }

  describe('new objects', () => {
    it('reads price books, their entries, customer accounts and opportunities', async () => {
      const entry = dataset.priceBookEntries.find(
        (e) => e.Pricebook2Id === dataset.quotes[0]!.SBQQ__PriceBook__c,
      )!;
      expect((await call('GET', sobject('PricebookEntry', entry.Id))).body).toEqual(entry);
      expect((await call('GET', sobject('Pricebook2', dataset.priceBooks[0]!.Id))).body).toEqual(
        dataset.priceBooks[0],
      );
      expect((await call('GET', sobject('Account', customer.Id))).body).toEqual(customer);
      const opportunity = dataset.opportunities[0]!;
      expect(
        (await call('GET', `${API_BASE}/composite/sobjects/Opportunity?ids=${opportunity.Id},006none`)).body,
      ).toEqual([opportunity, null]);
    });

    it("queries a price book's entries in one currency", async () => {
      const book = dataset.priceBooks.find((b) => b.Region__c === 'EMEA')!;
      const soql = `SELECT ProductCode, UnitPrice FROM PricebookEntry WHERE Pricebook2Id = '${book.Id}' AND CurrencyIsoCode = 'GBP'`;
      const { body } = await call<{
        totalSize: number;
        records: Array<{ ProductCode: string; UnitPrice: string }>;
      }>('GET', `${API_BASE}/query?q=${encodeURIComponent(soql)}`);
      expect(body.totalSize).toBe(dataset.products.length);
      expect(body.records.map((r) => [r.ProductCode, r.UnitPrice])).toEqual(
        dataset.products.map((p) => [p.ProductCode, p.prices.GBP]),
      );
    });
  });

  describe('price calculation', () => {
    it('prices lines from the partner price book with volume, tier and additional discounts', async () => {
      const { status, body } = await calculate({
        partnerId: partner.id,
        lines: [
          { productCode: product!.ProductCode, quantity: 10, additionalDiscount: '2.5' },
          { productId: secondProduct!.Id, quantity: 1 },
        ],
      });
      const tier = TIER_DISCOUNT_PERCENT[partner.partnerLevel.name];
      const first = new Decimal(5).plus(tier).plus('2.5');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        partnerId: partner.id,
        partnerTier: partner.partnerLevel.name,
        currency: partner.currencyCode,
        pricebookId: dataset.priceBooks.find((b) => b.Region__c === partner.region)!.Id,
        pricingDate: TODAY,
        dealRegistrationId: null,
        warnings: [],
      });
      expect(body.lines[0]).toMatchObject({
        productId: product!.Id,
        listPrice: listPrice().toFixed(2),
        volumeDiscount: '5.00',
        partnerDiscount: new Decimal(tier).toFixed(2),
        additionalDiscount: '2.50',
        totalDiscount: first.toFixed(2),
        netPrice: netPrice(listPrice(), first),
      });
      expect(body.lines[1]).toMatchObject({
        productCode: secondProduct!.ProductCode,
        volumeDiscount: '0.00',
      });
      expect(body.netAmount).toBe(
        new Decimal(body.lines[0].netTotal).plus(body.lines[1].netTotal).toFixed(2),
      );
    });

    it('adds the protected discount of an approved deal registration until it expires', async () => {
      const request = {
        partnerId: partner.id,
        dealRegistrationId: registration.id,
        lines: [{ productCode: product!.ProductCode, quantity: 1 }],
      };
      const valid = await calculate({ ...request, pricingDate: registration.expiresOn });
      expect(valid.body.lines[0].dealRegistrationDiscount).toBe(
        new Decimal(registration.protectedDiscountPercent).toFixed(2),
      );
      expect(valid.body.warnings).toEqual([]);
      const expired = await calculate({ ...request, pricingDate: addDays(registration.expiresOn, 1) });
      expect(expired.body.lines[0].dealRegistrationDiscount).toBe('0.00');
      expect(expired.body.warnings).toEqual([
        `deal registration ${registration.id} expired on ${registration.expiresOn}`,
      ]);
    });

    it('puts a discount above the tier limit In Review', async () => {
      const { body } = await calculate({
        partnerId: partner.id,
        lines: [{ productCode: product!.ProductCode, quantity: 1, additionalDiscount: '40' }],
      });
      expect(body).toMatchObject({ approvalRequired: true, status: 'In Review' });
      expect(body.lines[0].approvalRequired).toBe(true);
    });

    it.each([
      [
        'an unknown partner',
        { partnerId: 'P-99999', lines: [{ productCode: 'x', quantity: 1 }] },
        'INVALID_CROSS_REFERENCE_KEY',
      ],
      [
        'an unknown product',
        { partnerId: 'P-00001', lines: [{ productCode: 'NOPE', quantity: 1 }] },
        'INVALID_CROSS_REFERENCE_KEY',
      ],
      [
        'a total discount above 100%',
        { partnerId: 'P-00001', lines: [{ productCode: 'NET-0001', quantity: 1, additionalDiscount: '99' }] },
        'FIELD_INTEGRITY_EXCEPTION',
      ],
      ['no lines', { partnerId: 'P-00001', lines: [] }, 'APEX_ERROR'],
      [
        'both product code and id',
        { partnerId: 'P-00001', lines: [{ productCode: 'a', productId: 'b', quantity: 1 }] },
        'APEX_ERROR',
      ],
      ['an unknown quote', { quoteId: 'a0Qnone' }, 'NOT_FOUND'],
    ])('refuses %s', async (_case, body, errorCode) => {
      const response = await calculate(body);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).toEqual([expect.objectContaining({ errorCode })]);
    });

    it("refuses a currency outside the partner's price book", async () => {
      const foreign = partner.currencyCode === 'USD' ? 'EUR' : 'USD';
      const response = await calculate({
        partnerId: partner.id,
        currency: foreign,
        lines: [{ productCode: product!.ProductCode, quantity: 1 }],
      });
      expect([response.status, response.body[0].errorCode]).toEqual([400, 'FIELD_INTEGRITY_EXCEPTION']);
    });

    it('recalculates a stored quote, and saves the result only when asked', async () => {
      const quoteUrl = sobject('SBQQ__Quote__c', draftQuote.Id);
      const preview = await calculate({ quoteId: draftQuote.Id });
      expect(preview.body.quoteId).toBe(draftQuote.Id);
      expect((await call('GET', quoteUrl)).body).toEqual({
        ...draftQuote,
        LastModifiedDate: expect.any(String),
        Idempotency_Key__c: null,
      });
      const saved = await calculate({ quoteId: draftQuote.Id, save: true });
      const { savedQuote, ...calculation } = saved.body;
      expect(calculation).toEqual(preview.body);
      expect(savedQuote).toEqual({
        lastModifiedDate: expect.any(String),
        etag: (await call('GET', quoteUrl)).headers.get('etag'),
      });
      expect((await call('GET', quoteUrl)).body).toMatchObject({
        SBQQ__NetAmount__c: preview.body.netAmount,
        SBQQ__ListAmount__c: preview.body.listAmount,
        SBQQ__Status__c: preview.body.status,
      });
    });
  });

  describe('quote writes', () => {
    it('creates a quote with its opportunity, prices each line on save and keeps the totals', async () => {
      const quoteId = await createQuote();
      const quote = (await call<Record<string, unknown>>('GET', sobject('SBQQ__Quote__c', quoteId))).body;
      expect(quote).toMatchObject({
        Name: expect.stringMatching(/^Q-\d{6}$/),
        SBQQ__Partner__c: partner.id,
        SBQQ__Status__c: 'Draft',
        SBQQ__ListAmount__c: '0.00',
        SBQQ__NetAmount__c: '0.00',
        CurrencyIsoCode: partner.currencyCode,
        SBQQ__ExpirationDate__c: addDays(TODAY, 30),
        SBQQ__Account__c: customer.Id,
        Deal_Registration__c: null,
      });
      expect(
        (await call('GET', sobject('Opportunity', String(quote.SBQQ__Opportunity2__c)))).body,
      ).toMatchObject({
        StageName: 'Prospecting',
        SBQQ__PrimaryQuote__c: quoteId,
        AccountId: customer.Id,
      });

      const lineId = await addLine(quoteId, { SBQQ__Quantity__c: 12, SBQQ__AdditionalDiscount__c: 1 });
      const discount = new Decimal(5).plus(TIER_DISCOUNT_PERCENT[partner.partnerLevel.name]).plus(1);
      const line = (await call<Record<string, unknown>>('GET', sobject('SBQQ__QuoteLine__c', lineId))).body;
      expect(line).toMatchObject({
        SBQQ__Quote__c: quoteId,
        SBQQ__ProductCode__c: product!.ProductCode,
        SBQQ__ListPrice__c: listPrice().toFixed(2),
        SBQQ__Discount__c: discount.toFixed(2),
        SBQQ__AdditionalDiscount__c: '1.00',
        SBQQ__NetPrice__c: netPrice(listPrice(), discount),
        SBQQ__NetTotal__c: new Decimal(netPrice(listPrice(), discount)).times(12).toFixed(2),
      });
      await addLine(quoteId, { SBQQ__Product__c: secondProduct!.Id });
      const lines = (
        await call<{ records: Array<{ SBQQ__NetTotal__c: string }> }>(
          'GET',
          `${API_BASE}/query?q=${encodeURIComponent(`SELECT SBQQ__NetTotal__c FROM SBQQ__QuoteLine__c WHERE SBQQ__Quote__c = '${quoteId}'`)}`,
        )
      ).body.records;
      expect(lines).toHaveLength(2);
      const total = lines.reduce((sum, l) => sum.plus(l.SBQQ__NetTotal__c), new Decimal(0)).toFixed(2);
      expect((await call('GET', sobject('SBQQ__Quote__c', quoteId))).body).toMatchObject({
        SBQQ__NetAmount__c: total,
      });
    });

    it('reprices on a quantity change and drops a deleted line from the totals', async () => {
      const quoteId = await createQuote();
      const lineId = await addLine(quoteId, { SBQQ__Quantity__c: 9 });
      const otherId = await addLine(quoteId, { SBQQ__Product__c: secondProduct!.Id });
      expect(
        (await call('PATCH', sobject('SBQQ__QuoteLine__c', lineId), { SBQQ__Quantity__c: 50 })).status,
      ).toBe(204);
      const line = (await call<Record<string, string>>('GET', sobject('SBQQ__QuoteLine__c', lineId))).body;
      expect(line.SBQQ__Discount__c).toBe(
        new Decimal(8).plus(TIER_DISCOUNT_PERCENT[partner.partnerLevel.name]).toFixed(2),
      );
      expect((await call('DELETE', sobject('SBQQ__QuoteLine__c', otherId))).status).toBe(204);
      expect((await call('GET', sobject('SBQQ__QuoteLine__c', otherId))).status).toBe(404);
      expect((await call('GET', sobject('SBQQ__Quote__c', quoteId))).body).toMatchObject({
        SBQQ__NetAmount__c: line.SBQQ__NetTotal__c,
      });
    });

    it('applies a deal registration set on the quote to every line', async () => {
      const quoteId = await createQuote();
      const lineId = await addLine(quoteId);
      expect(
        (await call('PATCH', sobject('SBQQ__Quote__c', quoteId), { Deal_Registration__c: registration.id }))
          .status,
      ).toBe(204);
      const discount = new Decimal(TIER_DISCOUNT_PERCENT[partner.partnerLevel.name]).plus(
        registration.protectedDiscountPercent,
      );
      expect((await call('GET', sobject('SBQQ__QuoteLine__c', lineId))).body).toMatchObject({
        SBQQ__Discount__c: discount.toFixed(2),
      });
    });

    it('sends a quote over its approval limit In Review, refuses to accept it before approval, then locks it', async () => {
      const quoteId = await createQuote();
      const lineId = await addLine(quoteId, { SBQQ__AdditionalDiscount__c: '40' });
      const quoteUrl = sobject('SBQQ__Quote__c', quoteId);
      const inReview = (await call<Record<string, string>>('GET', quoteUrl)).body;
      expect(inReview.SBQQ__Status__c).toBe('In Review');
      expect((await call('GET', sobject('Opportunity', inReview.SBQQ__Opportunity2__c!))).body).toMatchObject(
        {
          StageName: 'Proposal/Price Quote',
        },
      );

      const refused = await call<SfError[]>('PATCH', quoteUrl, { SBQQ__Status__c: 'Accepted' });
      expect(refused).toMatchObject({
        status: 400,
        body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }],
      });
      expect((await call('PATCH', quoteUrl, { SBQQ__Status__c: 'Approved' })).status).toBe(204);
      expect((await call('PATCH', quoteUrl, { SBQQ__Status__c: 'Accepted' })).status).toBe(204);
      expect((await call('GET', sobject('Opportunity', inReview.SBQQ__Opportunity2__c!))).body).toMatchObject(
        {
          StageName: 'Closed Won',
          IsWon: true,
          IsClosed: true,
          CloseDate: TODAY,
          Amount: inReview.SBQQ__NetAmount__c,
        },
      );

      for (const [method, path, body] of [
        ['PATCH', sobject('SBQQ__QuoteLine__c', lineId), { SBQQ__Quantity__c: 2 }],
        ['DELETE', sobject('SBQQ__QuoteLine__c', lineId), undefined],
        [
          'POST',
          sobject('SBQQ__QuoteLine__c'),
          { SBQQ__Quote__c: quoteId, SBQQ__Product__c: product!.Id, SBQQ__Quantity__c: 1 },
        ],
        ['DELETE', quoteUrl, undefined],
      ] as const) {
        expect(await call(method, path, body)).toMatchObject({
          status: 400,
          body: [{ errorCode: 'ENTITY_IS_LOCKED' }],
        });
      }
      expect((await call('DELETE', sobject('SBQQ__Quote__c', acceptedQuote.Id))).body).toEqual([
        expect.objectContaining({ errorCode: 'ENTITY_IS_LOCKED' }),
      ]);
    });

    it('deletes a quote with its lines', async () => {
      const quoteId = await createQuote();
      const lineId = await addLine(quoteId);
      expect((await call('DELETE', sobject('SBQQ__Quote__c', quoteId))).status).toBe(204);
      expect((await call('GET', sobject('SBQQ__Quote__c', quoteId))).status).toBe(404);
      expect((await call('GET', sobject('SBQQ__QuoteLine__c', lineId))).status).toBe(404);
      expect((await call('DELETE', sobject('SBQQ__Quote__c', quoteId))).status).toBe(404);
    });

    it.each([
      [
        'an unknown field',
        'POST',
        'SBQQ__Quote__c',
        { SBQQ__Partner__c: 'P-00001', Bogus__c: 1 },
        'INVALID_FIELD',
      ],
      [
        'a read-only field',
        'POST',
        'SBQQ__Quote__c',
        { SBQQ__NetAmount__c: '1.00' },
        'INVALID_FIELD_FOR_INSERT_UPDATE',
      ],
      ['no partner', 'POST', 'SBQQ__Quote__c', { SBQQ__Account__c: 'x' }, 'REQUIRED_FIELD_MISSING'],
      [
        'an unknown partner',
        'POST',
        'SBQQ__Quote__c',
        { SBQQ__Partner__c: 'P-99999', SBQQ__Account__c: 'x' },
        'INVALID_CROSS_REFERENCE_KEY',
      ],
      [
        "another partner's customer",
        'POST',
        'SBQQ__Quote__c',
        { SBQQ__Partner__c: partner.id, SBQQ__Account__c: otherCustomer.Id },
        'FIELD_INTEGRITY_EXCEPTION',
      ],
      [
        'a status outside the picklist',
        'POST',
        'SBQQ__Quote__c',
        { SBQQ__Partner__c: partner.id, SBQQ__Account__c: customer.Id, SBQQ__Status__c: 'Won' },
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      ],
      [
        'an unknown product',
        'POST',
        'SBQQ__QuoteLine__c',
        { SBQQ__Quote__c: draftQuote.Id, SBQQ__Product__c: 'x', SBQQ__Quantity__c: '2' },
        'INVALID_CROSS_REFERENCE_KEY',
      ],
      [
        'a line without quantity',
        'POST',
        'SBQQ__QuoteLine__c',
        { SBQQ__Quote__c: draftQuote.Id, SBQQ__Product__c: 'x' },
        'REQUIRED_FIELD_MISSING',
      ],
      ['a product write', 'POST', 'Product2', { Name: 'x' }, 'INVALID_TYPE_FOR_OPERATION'],
      ['an unknown id', 'PATCH', 'SBQQ__Quote__c/a0Qnone', { SBQQ__Status__c: 'Draft' }, 'NOT_FOUND'],
      ['a JSON array body', 'POST', 'SBQQ__Quote__c', [], 'JSON_PARSER_ERROR'],
      ['a body that is not JSON', 'POST', 'SBQQ__Quote__c', '{"SBQQ__Partner__c":', 'JSON_PARSER_ERROR'],
    ])('refuses %s', async (_case, method, path, body, errorCode) => {
      const response = await call<SfError[]>(method, `${API_BASE}/sobjects/${path}`, body);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).toEqual([expect.objectContaining({ errorCode })]);
    });

    it('refuses a quantity that is not a whole number, naming the field', async () => {
      const response = await call<SfError[]>('POST', sobject('SBQQ__QuoteLine__c'), {
        SBQQ__Quote__c: draftQuote.Id,
        SBQQ__Product__c: product!.Id,
        SBQQ__Quantity__c: '2',
      });
      expect(response.body).toEqual([
        {
          errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
          message: expect.any(String),
          fields: ['SBQQ__Quantity__c'],
        },
      ]);
    });
  });

  describe('conditional writes (If-Match, If-Unmodified-Since)', () => {
    const etagOf = async (quoteId: string) =>
      (await call('GET', sobject('SBQQ__Quote__c', quoteId))).headers.get('etag')!;

    it("exposes ETag and Last-Modified on reads and moves the quote's tag when a line changes", async () => {
      const quoteId = await createQuote();
      const read = await call<{ LastModifiedDate: string }>('GET', sobject('SBQQ__Quote__c', quoteId));
      expect(read.headers.get('etag')).toMatch(/^"[\w-]+"$/);
      expect(read.headers.get('last-modified')).toBe(new Date(read.body.LastModifiedDate).toUTCString());

      const lineId = await addLine(quoteId);
      const afterAdd = await etagOf(quoteId);
      expect(afterAdd).not.toBe(read.headers.get('etag'));
      await call('PATCH', sobject('SBQQ__QuoteLine__c', lineId), { SBQQ__AdditionalDiscount__c: '40' });
      const afterUpdate = await etagOf(quoteId);
      expect(afterUpdate).not.toBe(afterAdd);
      await call('DELETE', sobject('SBQQ__QuoteLine__c', lineId));
      expect(await etagOf(quoteId)).not.toBe(afterUpdate);
    });

    it('answers 412 PRECONDITION_FAILED to a PATCH whose If-Match names an older version, and changes nothing', async () => {
      const quoteId = await createQuote();
      const lineId = await addLine(quoteId);
      const priced = await calculate({ quoteId, save: true });
      const version = priced.body.savedQuote.etag as string;
      expect(version).toBe(await etagOf(quoteId));
      await call('PATCH', sobject('SBQQ__QuoteLine__c', lineId), { SBQQ__AdditionalDiscount__c: '40' });

      const stale = await call(
        'PATCH',
        sobject('SBQQ__Quote__c', quoteId),
        { SBQQ__Status__c: 'Approved' },
        {
          'if-match': version,
        },
      );

      expect(stale).toMatchObject({ status: 412, body: [{ errorCode: 'PRECONDITION_FAILED' }] });
      expect((await call('GET', sobject('SBQQ__Quote__c', quoteId))).body).toMatchObject({
        SBQQ__Status__c: 'In Review',
      });
      const current = await call(
        'PATCH',
        sobject('SBQQ__Quote__c', quoteId),
        { SBQQ__Status__c: 'Approved' },
        {
          'if-match': await etagOf(quoteId),
        },
      );
      expect(current.status).toBe(204);
    });

    it('answers 412 to If-Unmodified-Since before the last change, and applies it after', async () => {
      const quoteId = await createQuote();
      const lineId = await addLine(quoteId);
      const before = new Date(Date.now() - 60_000).toUTCString();
      const after = new Date(Date.now() + 60_000).toUTCString();

      const stale = await call(
        'PATCH',
        sobject('SBQQ__QuoteLine__c', lineId),
        { SBQQ__Quantity__c: 2 },
        {
          'if-unmodified-since': before,
        },
      );
      const fresh = await call(
        'PATCH',
        sobject('SBQQ__QuoteLine__c', lineId),
        { SBQQ__Quantity__c: 3 },
        {
          'if-unmodified-since': after,
        },
      );

      expect(stale.status).toBe(412);
      expect(fresh.status).toBe(204);
      expect((await call('GET', sobject('SBQQ__QuoteLine__c', lineId))).body).toMatchObject({
        SBQQ__Quantity__c: 3,
      });
    });
  });

  describe('upsert on the external id Idempotency_Key__c', () => {
    const upsertPath = (type: string, key: string) =>
      `${API_BASE}/sobjects/${type}/Idempotency_Key__c/${encodeURIComponent(key)}`;
    const countByKey = async (type: string, key: string) =>
      (
        await call<{ totalSize: number }>(
          'GET',
          `${API_BASE}/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${type} WHERE Idempotency_Key__c = '${key}'`)}`,
        )
      ).body.totalSize;

    it('creates once (201, created) and answers the same record on a repeat (200, not created)', async () => {
      const key = `${partner.id}:upsert-quote-1`;
      const body = { SBQQ__Partner__c: partner.id, SBQQ__Account__c: customer.Id };

      const first = await call('PATCH', upsertPath('SBQQ__Quote__c', key), body);
      const again = await call('PATCH', upsertPath('SBQQ__Quote__c', key), body);

      expect(first).toMatchObject({ status: 201, body: { success: true, created: true, errors: [] } });
      expect(again).toMatchObject({
        status: 200,
        body: { id: first.body.id, success: true, created: false },
      });
      expect(await countByKey('SBQQ__Quote__c', key)).toBe(1);

      const lineKey = `${partner.id}:upsert-line-1`;
      const line = { SBQQ__Quote__c: first.body.id, SBQQ__Product__c: product!.Id, SBQQ__Quantity__c: 2 };
      const lines = [
        await call('PATCH', upsertPath('SBQQ__QuoteLine__c', lineKey), {
          ...line,
          SBQQ__AdditionalDiscount__c: '2',
        }),
        await call('PATCH', upsertPath('SBQQ__QuoteLine__c', lineKey), {
          ...line,
          SBQQ__AdditionalDiscount__c: '2.00',
        }),
      ];
      expect(lines.map((answer) => answer.status)).toEqual([201, 200]);
      expect(await countByKey('SBQQ__QuoteLine__c', lineKey)).toBe(1);
    });

    it('refuses a key reused for another record, and a field that is no external id', async () => {
      const key = `${partner.id}:upsert-quote-2`;
      await call('PATCH', upsertPath('SBQQ__Quote__c', key), {
        SBQQ__Partner__c: partner.id,
        SBQQ__Account__c: customer.Id,
      });

      const otherPartner = await call('PATCH', upsertPath('SBQQ__Quote__c', key), {
        SBQQ__Partner__c: otherCustomer.Partner__c,
        SBQQ__Account__c: otherCustomer.Id,
      });
      const notExternal = await call('PATCH', `${API_BASE}/sobjects/SBQQ__Quote__c/Name/Q-000001`, {});

      expect(otherPartner).toMatchObject({
        status: 400,
        body: [{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['SBQQ__Partner__c'] }],
      });
      expect(notExternal).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_FIELD' }] });
      expect(await countByKey('SBQQ__Quote__c', key)).toBe(1);
    });
  });

  describe('API request limit', () => {
    it('has no limit by default', async () => {
      const response = await call('GET', `${API_BASE}/limits`);
      expect(response.headers.get('sforce-limit-info')).toBeNull();
      expect(response.body).toEqual({ DailyApiRequests: null });
    });

    it('answers 403 REQUEST_LIMIT_EXCEEDED once the budget is spent, until the window rolls over', async () => {
      const windowMs = 300;
      const limited = await startCpq({ apiRequestLimit: { maxRequests: 3, windowMs } });
      const get = () =>
        fetch(`${limited.server.url}${sobject('Product2', product!.Id)}`, {
          headers: { authorization: `Bearer ${limited.token}` },
        });
      try {
        const startedAt = Date.now();
        for (const used of [1, 2, 3]) {
          const response = await get();
          expect([response.status, response.headers.get('sforce-limit-info')]).toEqual([
            200,
            `api-usage=${used}/3`,
          ]);
        }
        const refused = await get();
        expect(refused.status).toBe(403);
        expect(await refused.json()).toEqual([
          { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
        ]);
        let again: Response | undefined;
        await waitFor('the request budget reset', async () => (again = await get()).status !== 403, {
          intervalMs: 25,
        });
        expect(again?.status).toBe(200);
        // A lower bound only (the budget must not reset early), with slack for the two clocks'
        // millisecond rounding: the stand-in's window starts at its first request, not at startedAt.
        expect(Date.now() - startedAt).toBeGreaterThanOrEqual(windowMs - 10);
      } finally {
        await limited.server.close();
      }
    });
  });

  describe('faults on the new routes', () => {
    afterEach(async () => {
      await fetch(`${server.url}/__faults`, { method: 'DELETE' });
      await fetch(`${server.url}/__stats`, { method: 'DELETE' });
    });

    it('expires every issued token on expireTokens: 401 INVALID_SESSION_ID until a new token is fetched', async () => {
      const short = await startCpq();
      try {
        const read = (bearer: string) =>
          fetch(`${short.server.url}${sobject('Product2', product!.Id)}`, {
            headers: { authorization: `Bearer ${bearer}` },
          });
        expect((await read(short.token)).status).toBe(200);
        const posted = await fetch(`${short.server.url}/__faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ expireTokens: true }),
        });
        expect(await posted.json()).toEqual({ system: 'cpq', faults: [] });
        const expired = await read(short.token);
        expect([expired.status, await expired.json()]).toEqual([
          401,
          [expect.objectContaining({ errorCode: 'INVALID_SESSION_ID' })],
        ]);
        const fresh = await fetch(`${short.server.url}/services/oauth2/token`, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: options.clientId,
            client_secret: options.clientSecret,
          }),
        });
        expect((await read(((await fresh.json()) as { access_token: string }).access_token)).status).toBe(
          200,
        );
      } finally {
        await short.server.close();
      }
    });

    it('fails the calculation route alone and counts writes per route', async () => {
      await fetch(`${server.url}/__stats`, { method: 'DELETE' });
      await fetch(`${server.url}/__faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ route: `POST ${APEX_BASE}/quote/calculate`, errorRate: 1, errorStatus: 500 }),
      });
      expect((await calculate({ quoteId: draftQuote.Id })).status).toBe(500);
      await createQuote();
      const stats = (await (await fetch(`${server.url}/__stats`)).json()) as {
        calls: Record<string, number>;
      };
      expect(stats.calls).toEqual({
        [`POST ${APEX_BASE}/quote/calculate`]: 1,
        [`POST ${API_BASE}/sobjects/:sobject`]: 1,
      });
    });
  });
});
