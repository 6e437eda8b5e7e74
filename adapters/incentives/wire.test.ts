import nock from 'nock';
import { Registry } from 'prom-client';
import { createLegacyHealthRegistry, createMemoryCache, DEFAULT_BREAKER_OPTIONS } from '../http';
import { connectionError, upstreamErrorOf } from '../http/testing';
import { waitFor } from '../../test/wait-for';
import {
  ALL_PROGRAMS,
  classifyIncentivesAnswer,
  createIncentivesAdapter,
  parseIncentivesXml,
  type IncentivesAdapter,
} from './client';

/**
 * The incentive system's XML as the stand-in never sends it: page after page, lists of one, empty
 * lists, faults with 200, broken documents, and the system going away between two reads.
 */
const BASE_URL = 'http://127.0.0.1:1';
const BASIC = `Basic ${Buffer.from('ics-user:ics-pass').toString('base64')}`;
const XML_HEADERS = { 'content-type': 'application/xml' };

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.restore();
  nock.enableNetConnect();
});

const adapters: IncentivesAdapter[] = [];
afterAll(() => adapters.forEach((adapter) => adapter.http.close()));

function adapter(programCache = { ttlMs: 60_000, staleTtlMs: 120_000 }): IncentivesAdapter {
  const created = createIncentivesAdapter({
    baseUrl: BASE_URL,
    username: 'ics-user',
    password: 'ics-pass',
    timeoutMs: 2000,
    breaker: { ...DEFAULT_BREAKER_OPTIONS, volumeThreshold: 100 },
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
    programCache,
    cache: createMemoryCache(),
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  });
  adapters.push(created);
  return created;
}

const ics = () => nock(BASE_URL, { reqheaders: { authorization: BASIC } });

function xml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

function paging(page: number, totalPages: number, totalRecords: number): string {
  return `<Paging><Page>${page}</Page><PageSize>200</PageSize><TotalPages>${totalPages}</TotalPages><TotalRecords>${totalRecords}</TotalRecords></Paging>`;
}

function transactionXml(id: string, lines: number): string {
  const line = (n: number) =>
    `<Line><LineId>L-${n}</LineId><ProductCode>NET-0001</ProductCode><Quantity>2</Quantity><NetTotal>100.50</NetTotal></Line>`;
  return `<Transaction><Id>${id}</Id><Status>Pending</Status><PartnerId>P-00001</PartnerId><QuoteId>q-${id}</QuoteId><CloseDate>2026-11-30</CloseDate><Currency>USD</Currency><ReceivedAt>2026-11-30T20:00:00.000Z</ReceivedAt><Lines>${Array.from({ length: lines }, (_, n) => line(n + 1)).join('')}</Lines></Transaction>`;
}

const PROGRAM = `<Program><Id>PRG-1</Id><Name>One</Name><Status>Active</Status><StartDate>2026-01-01</StartDate><EndDate>2026-12-31</EndDate><BaseRates><BaseRate><ProductFamily>Network</ProductFamily><PartnerTier>Gold</PartnerTier><RatePercent>4.00</RatePercent></BaseRate></BaseRates><Spiffs/><Accelerator><QuotaAttainmentPercent>100</QuotaAttainmentPercent><Multiplier>1.50</Multiplier></Accelerator><DealCaps><DealCap><Currency>USD</Currency><Amount>40000.00</Amount></DealCap></DealCaps></Program>`;

describe('paging, inside the adapter', () => {
  it('reads every page of a list: the first to learn how many, the rest in parallel', async () => {
    const pages = [1, 2, 3].map((page) =>
      ics()
        .get('/ics/v1/transactions')
        .query({ status: 'Pending', page, pageSize: 200 })
        .reply(
          200,
          xml(
            `<TransactionList>${paging(page, 3, 3)}<Transactions>${transactionXml(`T${page}`, page)}</Transactions></TransactionList>`,
          ),
          XML_HEADERS,
        ),
    );

    const { transactions: pending } = await adapter().createLoaders().pendingQueue();

    expect(pending.map((t) => [t.id, t.lines.length])).toEqual([
      ['T1', 1],
      ['T2', 2],
      ['T3', 3],
    ]);
    expect(pending[0]!.lines[0]).toEqual({
      lineId: 'L-1',
      sku: 'NET-0001',
      quantity: 2,
      netTotal: { amount: '100.50', currency: 'USD' },
    });
    pages.forEach((page) => expect(page.isDone()).toBe(true));
  });

  it('reads an empty list as no items', async () => {
    ics()
      .get('/ics/v1/partners/P-00001/accruals')
      .query({ page: 1, pageSize: 200 })
      .reply(
        200,
        xml(
          `<AccrualList><PartnerId>P-00001</PartnerId><LastBatchRunAt>2026-11-23T02:00:00.000Z</LastBatchRunAt>${paging(1, 0, 0)}<Accruals/></AccrualList>`,
        ),
        XML_HEADERS,
      );

    expect(await adapter().createLoaders().accrualsByPartnerId.load('P-00001')).toEqual({
      partnerId: 'P-00001',
      accruals: [],
      lastBatchRunAt: '2026-11-23T02:00:00.000Z',
    });
  });

  it('refuses a list that claims more pages than any real ledger has', async () => {
    ics()
      .get('/ics/v1/transactions')
      .query(true)
      .reply(
        200,
        xml(`<TransactionList>${paging(1, 51, 10_200)}<Transactions/></TransactionList>`),
        XML_HEADERS,
      );

    expect(await upstreamErrorOf(adapter().createLoaders().pendingQueue())).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      upstream: { operation: 'listTransactions' },
    });
  });
});

describe('faults and broken documents', () => {
  it.each([
    ['a body cut in half', '<ProgramList><Paging><Page>1</Page>'],
    ['an empty body', ''],
    ['JSON', '{"ProgramList": []}'],
    ['well-formed XML of another shape', '<ProgramList><Programs/></ProgramList>'],
  ])('reports %s as UPSTREAM_BAD_RESPONSE', async (_case, body) => {
    ics().get('/ics/v1/programs').query(true).reply(200, body, XML_HEADERS);

    expect(await upstreamErrorOf(adapter().createLoaders().programs.load(ALL_PROGRAMS))).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      upstream: { system: 'incentives', operation: 'listPrograms' },
    });
  });

  it.each([
    [400, 'INVALID_REQUEST', 'BAD_USER_INPUT'],
    [200, 'INVALID_REQUEST', 'BAD_USER_INPUT'],
    [200, 'PROGRAM_NOT_FOUND', 'NOT_FOUND'],
    [409, 'DUPLICATE_TRANSACTION', 'CONFLICT'],
    [200, 'LEDGER_LOCKED', 'UPSTREAM_UNAVAILABLE'],
    [403, 'ACCESS_DENIED', 'UPSTREAM_UNAVAILABLE'],
  ])('turns a %i fault %s into %s, without retrying it', async (status, faultCode, code) => {
    let calls = 0;
    ics()
      .get('/ics/v1/accruals')
      .query(true)
      .times(3)
      .reply(() => {
        calls += 1;
        return [
          status,
          xml(`<Fault><Code>${faultCode}</Code><Message>secret detail</Message></Fault>`),
          XML_HEADERS,
        ];
      });

    const error = await upstreamErrorOf(adapter().createLoaders().accrualsByQuoteId.load('a0Q1'));

    expect(error).toMatchObject({
      code,
      upstream: { system: 'incentives', operation: 'getAccrualsByQuote' },
    });
    expect(error.message).not.toMatch(/secret detail|LEDGER_LOCKED/);
    expect(calls).toBe(1);
  });

  it('retries a 503 fault and answers once the system is back', async () => {
    ics()
      .get('/ics/v1/accruals')
      .query(true)
      .reply(503, xml('<Fault><Code>SERVER_ERROR</Code><Message>busy</Message></Fault>'), XML_HEADERS);
    ics()
      .get('/ics/v1/accruals')
      .query(true)
      .reply(
        200,
        xml(
          '<AccrualList><LastBatchRunAt>2026-11-23T02:00:00.000Z</LastBatchRunAt><Accruals/></AccrualList>',
        ),
        XML_HEADERS,
      );

    expect(await adapter().createLoaders().accrualsByQuoteId.load('a0Q1')).toBeNull();
  });

  it('answers an empty ledger for a PARTNER_NOT_FOUND fault', async () => {
    ics()
      .get('/ics/v1/partners/P-00404/accruals')
      .query(true)
      .reply(
        404,
        xml('<Fault><Code>PARTNER_NOT_FOUND</Code><Message>No partner</Message></Fault>'),
        XML_HEADERS,
      );

    expect((await adapter().createLoaders().accrualsByPartnerId.load('P-00404')).accruals).toEqual([]);
  });

  it('fails only the quote whose accrual is malformed, not the others read in the same call', async () => {
    const accrual = (quoteId: string, amount: string) =>
      `<Accrual><Id>ACR-1</Id><TransactionId>TXN-1</TransactionId><PartnerId>P-00001</PartnerId><QuoteId>${quoteId}</QuoteId><ProgramId>PRG-1</ProgramId><CloseDate>2026-11-02</CloseDate><Quarter>2026-Q4</Quarter><Currency>USD</Currency><PartnerTier>Gold</PartnerTier><DealAmount>1000.00</DealAmount><BaseAmount>40.00</BaseAmount><SpiffAmount>0.00</SpiffAmount><AcceleratorAmount>0.00</AcceleratorAmount><CapAdjustment>0.00</CapAdjustment><Amount>${amount}</Amount><Status>Posted</Status><PostedAt>2026-11-03T02:00:00.000Z</PostedAt></Accrual>`;
    ics()
      .get('/ics/v1/accruals')
      .query({ quoteIds: 'a0Qgood,a0Qbad' })
      .reply(
        200,
        xml(
          `<AccrualList><LastBatchRunAt>2026-11-23T02:00:00.000Z</LastBatchRunAt><Accruals>${accrual('a0Qgood', '40.00')}${accrual('a0Qbad', 'forty')}</Accruals></AccrualList>`,
        ),
        XML_HEADERS,
      );
    const loaders = adapter().createLoaders();

    const [good, bad] = await Promise.allSettled([
      loaders.accrualsByQuoteId.load('a0Qgood'),
      loaders.accrualsByQuoteId.load('a0Qbad'),
    ]);

    expect(good).toMatchObject({
      status: 'fulfilled',
      value: { quoteId: 'a0Qgood', amount: { amount: '40.00' } },
    });
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'UPSTREAM_BAD_RESPONSE' } });
  });
});

describe('programs while the system is down', () => {
  /** Programs cached with a 1 ms TTL are due for a refresh once a millisecond has passed. */
  const pastTtl = (asOf: string) =>
    waitFor('the entry past its time to live', () => Date.now() > Date.parse(asOf) + 1);

  it('serves the last good programs, marked stale, and fresh ones again once it is back', async () => {
    const list = xml(`<ProgramList>${paging(1, 1, 1)}<Programs>${PROGRAM}</Programs></ProgramList>`);
    ics().get('/ics/v1/programs').query(true).reply(200, list, XML_HEADERS);
    ics()
      .get('/ics/v1/programs')
      .query(true)
      .times(3)
      .replyWithError(connectionError('ECONNREFUSED', 'connect ECONNREFUSED'));
    ics().get('/ics/v1/programs').query(true).reply(200, list, XML_HEADERS);
    const incentives = adapter({ ttlMs: 1, staleTtlMs: 60_000 });

    const fresh = await incentives.createLoaders().programs.load(ALL_PROGRAMS);
    await pastTtl(fresh.freshness.asOf);
    const stale = await incentives.createLoaders().programs.load(ALL_PROGRAMS);
    const back = await incentives.createLoaders().programs.load(ALL_PROGRAMS);

    // A list of one program is a list; empty SPIFFs are none.
    expect(fresh.value).toEqual([
      {
        id: 'PRG-1',
        name: 'One',
        status: 'ACTIVE',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        baseRates: [{ productFamily: 'NETWORK', partnerTier: 'GOLD', ratePercent: '4.00' }],
        spiffs: [],
        accelerator: { quotaAttainmentPercent: '100', multiplier: '1.50' },
        dealCaps: [{ amount: '40000.00', currency: 'USD' }],
      },
    ]);
    expect(stale).toEqual({ value: fresh.value, freshness: expect.objectContaining({ stale: true }) });
    expect(stale.freshness.asOf).toBe(fresh.freshness.asOf);
    expect(back.freshness.stale).toBe(false);
    expect(nock.isDone()).toBe(true);
  });

  it('does not serve stale programs for a business refusal', async () => {
    const list = xml(`<ProgramList>${paging(1, 1, 1)}<Programs>${PROGRAM}</Programs></ProgramList>`);
    ics().get('/ics/v1/programs').query(true).reply(200, list, XML_HEADERS);
    ics()
      .get('/ics/v1/programs')
      .query(true)
      .reply(400, xml('<Fault><Code>INVALID_PAGING</Code><Message>no</Message></Fault>'), XML_HEADERS);
    const incentives = adapter({ ttlMs: 1, staleTtlMs: 60_000 });

    await pastTtl((await incentives.createLoaders().programs.load(ALL_PROGRAMS)).freshness.asOf);

    expect(await upstreamErrorOf(incentives.createLoaders().programs.load(ALL_PROGRAMS))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('classifyIncentivesAnswer and parseIncentivesXml', () => {
  it('leaves data, 429 and 5xx to the status', () => {
    expect(classifyIncentivesAnswer(200, xml('<ProgramList/>'))).toBeUndefined();
    expect(
      classifyIncentivesAnswer(429, xml('<Fault><Code>RATE_LIMITED</Code><Message/></Fault>')),
    ).toBeUndefined();
    expect(
      classifyIncentivesAnswer(503, xml('<Fault><Code>INVALID_REQUEST</Code><Message/></Fault>')),
    ).toBeUndefined();
    expect(classifyIncentivesAnswer(404, 'Not Found')).toBeUndefined();
  });

  it('calls a broken fault with 200 a bad response', () => {
    expect(classifyIncentivesAnswer(200, '<Fault><Code>X</Code>')).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('reads lists of one as lists, documents as documents, and refuses what is not XML', () => {
    expect(parseIncentivesXml(xml(PROGRAM))).toMatchObject({
      Program: { Id: 'PRG-1', BaseRates: { BaseRate: [{ RatePercent: '4.00' }] }, Spiffs: '' },
    });
    expect(() => parseIncentivesXml('<a><b></a>')).toThrow(SyntaxError);
    expect(() => parseIncentivesXml('   ')).toThrow(SyntaxError);
  });
});
