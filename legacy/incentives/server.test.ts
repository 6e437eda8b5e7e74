import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { listen, type RunningServer } from '../../runtime';
import { generateDataset, type Accrual } from '../seed/dataset';
import { IncentiveLedger } from './ledger';
import { ledgerReferenceData } from '../seed/incentives';
import { createIncentivesApp, INCENTIVES_BASE, type IncentivesOptions } from './server';

const dataset = generateDataset({ seed: 3, scale: 'small' });
const options: IncentivesOptions = {
  username: 'ics-user',
  password: 'ics-pass',
  latencyMs: { min: 0, max: 0 },
};
const authorization = `Basic ${Buffer.from('ics-user:ics-pass').toString('base64')}`;
const LISTS = new Set([
  'Program',
  'Accrual',
  'BaseRate',
  'Spiff',
  'DealCap',
  'Transaction',
  'Line',
  'AccrualId',
  'Rejection',
]);
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name, jpath) => LISTS.has(name) && jpath !== name,
});

const { pendingTransactions } = dataset.incentives;
const pendingPartner = pendingTransactions[0]?.partnerId;
if (!pendingPartner || pendingTransactions.length < 2) throw new Error('seed 3 no longer fits these tests');

type XmlDocument = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed XML is untyped by nature

interface XmlAnswer {
  status: number;
  text: string;
  xml: XmlDocument;
  headers: Headers;
}

async function startIncentives(overrides: Partial<IncentivesOptions> = {}): Promise<RunningServer> {
  return listen(createIncentivesApp(dataset, { ...options, ...overrides }).app, 0);
}

async function call(server: RunningServer, method: string, path: string, body?: string): Promise<XmlAnswer> {
  const response = await fetch(`${server.url}${path.startsWith('/__') ? '' : INCENTIVES_BASE}${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/xml' }) },
    body,
  });
  const text = await response.text();
  const xml = (XMLValidator.validate(text) === true ? parser.parse(text) : {}) as XmlDocument;
  return { status: response.status, text, xml, headers: response.headers };
}

/** An accrual as the XML carries it, back in the dataset's shape. */
function accrualFromXml(element: Record<string, string>): Accrual {
  return {
    id: element.Id!,
    transactionId: element.TransactionId!,
    partnerId: element.PartnerId!,
    quoteId: element.QuoteId!,
    programId: element.ProgramId!,
    closeDate: element.CloseDate!,
    quarter: element.Quarter!,
    currency: element.Currency!,
    partnerTier: element.PartnerTier as Accrual['partnerTier'],
    dealAmount: element.DealAmount!,
    baseAmount: element.BaseAmount!,
    spiffAmount: element.SpiffAmount!,
    acceleratorAmount: element.AcceleratorAmount!,
    capAdjustment: element.CapAdjustment!,
    amount: element.Amount!,
    status: 'Posted',
    postedAt: element.PostedAt!,
  };
}

async function ledgerOf(server: RunningServer, partnerId: string): Promise<Accrual[]> {
  const { xml } = await call(server, 'GET', `/partners/${partnerId}/accruals?pageSize=200`);
  return ((xml.AccrualList.Accruals?.Accrual ?? []) as Array<Record<string, string>>).map(accrualFromXml);
}

function transactionXml(fields: {
  quoteId: string;
  partnerId?: string;
  productCode?: string;
  netTotal?: string;
}): string {
  const partner = dataset.partners.find((p) => p.id === (fields.partnerId ?? 'P-00002'))!;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Transaction>
  <PartnerId>${partner.id}</PartnerId>
  <QuoteId>${fields.quoteId}</QuoteId>
  <CloseDate>2026-12-05</CloseDate>
  <Currency>${partner.currencyCode}</Currency>
  <Lines>
    <Line><LineId>L-1</LineId><ProductCode>${fields.productCode ?? dataset.products[0]!.ProductCode}</ProductCode><Quantity>2</Quantity><NetTotal>${fields.netTotal ?? '1500.00'}</NetTotal></Line>
  </Lines>
</Transaction>`;
}

describe('incentives stand-in', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startIncentives();
  });
  afterAll(() => server.close());
  afterEach(async () => {
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
  });

  it('answers 401 with an XML fault and a Basic challenge without the right credentials', async () => {
    for (const header of [undefined, `Basic ${Buffer.from('ics-user:wrong').toString('base64')}`]) {
      const response = await fetch(`${server.url}${INCENTIVES_BASE}/programs`, {
        headers: header ? { authorization: header } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="ICS"');
      expect(parser.parse(await response.text())).toEqual({
        '?xml': '',
        Fault: { Code: 'AUTHENTICATION_REQUIRED', Message: expect.any(String) },
      });
    }
  });

  describe('programs', () => {
    it('pages programs by page number', async () => {
      const first = await call(server, 'GET', '/programs?pageSize=1');
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/^application\/xml/);
      expect(XMLValidator.validate(first.text)).toBe(true);
      expect(first.xml.ProgramList.Paging).toEqual({
        Page: '1',
        PageSize: '1',
        TotalPages: '3',
        TotalRecords: '3',
      });
      expect(first.xml.ProgramList.Programs.Program.map((p: XmlDocument) => p.Id)).toEqual(['PRG-2025-CORE']);
      const second = await call(server, 'GET', '/programs?page=2&pageSize=1');
      expect(second.xml.ProgramList.Programs.Program.map((p: XmlDocument) => p.Id)).toEqual([
        'PRG-2026-CORE',
      ]);
      const third = await call(server, 'GET', '/programs?page=3&pageSize=1');
      expect(third.xml.ProgramList.Programs.Program.map((p: XmlDocument) => p.Id)).toEqual(['PRG-2027-CORE']);
      const beyond = await call(server, 'GET', '/programs?page=4&pageSize=1');
      expect(beyond.xml.ProgramList.Programs).toBe('');
    });

    it('shows a program with all its rules', async () => {
      const program = dataset.incentives.programs[1]!;
      const { status, xml } = await call(server, 'GET', `/programs/${program.id}`);
      expect(status).toBe(200);
      expect(xml.Program).toEqual({
        Id: program.id,
        Name: program.name,
        Status: 'Active',
        StartDate: '2026-01-01',
        EndDate: '2026-12-31',
        BaseRates: {
          BaseRate: program.baseRates.map((r) => ({
            ProductFamily: r.productFamily,
            PartnerTier: r.partnerTier,
            RatePercent: r.ratePercent,
          })),
        },
        Spiffs: {
          Spiff: program.spiffs.map((s) => ({
            Id: s.id,
            Name: s.name,
            ProductCode: s.productCode,
            StartDate: s.startDate,
            EndDate: s.endDate,
            RatePercent: s.ratePercent,
          })),
        },
        Accelerator: { QuotaAttainmentPercent: '100', Multiplier: '1.50' },
        DealCaps: { DealCap: program.dealCaps.map((c) => ({ Currency: c.currency, Amount: c.amount })) },
      });
    });

    it.each([
      ['an unknown program', '/programs/PRG-1999', 404, 'PROGRAM_NOT_FOUND'],
      ['page 0', '/programs?page=0', 400, 'INVALID_PAGING'],
      ['a page size above 200', '/programs?pageSize=201', 400, 'INVALID_PAGING'],
      ['an unknown partner', '/partners/P-99999/accruals', 404, 'PARTNER_NOT_FOUND'],
      ['accruals without quote ids', '/accruals', 400, 'INVALID_REQUEST'],
      ['an unknown transaction status', '/transactions?status=Posted', 400, 'INVALID_REQUEST'],
    ])('answers %s with an XML fault', async (_case, path, status, code) => {
      const answer = await call(server, 'GET', path);
      expect(answer.status).toBe(status);
      expect(answer.xml.Fault).toEqual({ Code: code, Message: expect.any(String) });
    });
  });

  describe('ledger', () => {
    it("returns a partner's accruals as posted, page by page", async () => {
      const partnerId = dataset.incentives.accruals[0]!.partnerId;
      const expected = dataset.incentives.accruals.filter((a) => a.partnerId === partnerId);
      expect(expected.length).toBeGreaterThan(1);
      expect(await ledgerOf(server, partnerId)).toEqual(expected);
      const { xml } = await call(server, 'GET', `/partners/${partnerId}/accruals?page=2&pageSize=1`);
      expect(xml.AccrualList.Paging).toMatchObject({ Page: '2', TotalRecords: String(expected.length) });
      expect(xml.AccrualList.Accruals.Accrual.map(accrualFromXml)).toEqual([expected[1]]);
      expect(xml.AccrualList.LastBatchRunAt).toBe(dataset.incentives.lastBatchRunAt);
    });

    it('filters the ledger by quarter', async () => {
      const { partnerId, quarter } = dataset.incentives.accruals[0]!;
      const { xml } = await call(
        server,
        'GET',
        `/partners/${partnerId}/accruals?quarter=${quarter}&pageSize=200`,
      );
      expect(xml.AccrualList.Accruals.Accrual.map(accrualFromXml)).toEqual(
        dataset.incentives.accruals.filter((a) => a.partnerId === partnerId && a.quarter === quarter),
      );
    });

    it('reads the accruals of several quotes in one call, leaving out quotes without one', async () => {
      const [a, b] = dataset.incentives.accruals;
      const { xml } = await call(server, 'GET', `/accruals?quoteIds=${b!.quoteId},a0Qnone,${a!.quoteId}`);
      expect(xml.AccrualList.Accruals.Accrual.map(accrualFromXml)).toEqual([b, a]);
    });
  });

  describe('nightly batch', () => {
    let batchServer: RunningServer;

    beforeEach(async () => {
      batchServer = await startIncentives();
    });
    afterEach(() => batchServer.close());

    it('lists the pending transactions and leaves the ledger alone until the batch runs', async () => {
      const { xml } = await call(batchServer, 'GET', '/transactions?pageSize=200');
      expect(
        xml.TransactionList.Transactions.Transaction.map((t: XmlDocument) => [t.Id, t.QuoteId, t.Status]),
      ).toEqual(pendingTransactions.map((t) => [t.id, t.quoteId, 'Pending']));
      const before = await ledgerOf(batchServer, pendingPartner);
      expect(before.map((a) => a.quoteId)).not.toContain(pendingTransactions[0]!.quoteId);
      expect(await ledgerOf(batchServer, pendingPartner)).toEqual(before);
    });

    it('posts every pending transaction when the batch runs, as the rules compute them, and nothing on a second run', async () => {
      const expectedLedger = new IncentiveLedger(
        ledgerReferenceData(dataset.incentives.programs, dataset.partners, dataset.products),
        dataset.incentives.accruals,
      );
      const run = await call(batchServer, 'POST', '/__batch/run');
      expect(run.status).toBe(200);
      expect(run.xml.BatchRun).toMatchObject({ Posted: String(pendingTransactions.length), Rejected: '0' });
      const runAt = run.xml.BatchRun.RunAt as string;
      for (const transaction of [...pendingTransactions].sort(
        (a, b) => a.closeDate.localeCompare(b.closeDate) || a.quoteId.localeCompare(b.quoteId),
      )) {
        expectedLedger.post(transaction, runAt);
      }
      expect(run.xml.BatchRun.Accruals.AccrualId).toEqual(
        expectedLedger
          .all()
          .slice(dataset.incentives.accruals.length)
          .map((a) => a.id),
      );
      const after = await ledgerOf(batchServer, pendingPartner);
      expect(after).toEqual(expectedLedger.forPartner(pendingPartner));
      expect(after.map((a) => a.quoteId)).toContain(pendingTransactions[0]!.quoteId);
      expect((await call(batchServer, 'GET', '/transactions')).xml.TransactionList.Transactions).toBe('');

      const second = await call(batchServer, 'POST', '/__batch/run');
      expect(second.xml.BatchRun).toMatchObject({ Posted: '0', Rejected: '0' });
      expect(await ledgerOf(batchServer, pendingPartner)).toEqual(after);
    });

    it('queues a transaction posted in XML and accrues it only at the next batch run', async () => {
      const before = await ledgerOf(batchServer, 'P-00002');
      const receipt = await call(
        batchServer,
        'POST',
        '/transactions',
        transactionXml({ quoteId: 'a0Qfresh' }),
      );
      expect(receipt.status).toBe(202);
      expect(receipt.xml.TransactionReceipt).toEqual({
        TransactionId: expect.stringMatching(/^TXN-\d{7}$/),
        Status: 'Pending',
      });
      expect(await ledgerOf(batchServer, 'P-00002')).toEqual(before);

      await call(batchServer, 'POST', '/__batch/run');
      const after = await ledgerOf(batchServer, 'P-00002');
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({
        quoteId: 'a0Qfresh',
        transactionId: receipt.xml.TransactionReceipt.TransactionId,
        dealAmount: '1500.00',
        closeDate: '2026-12-05',
        quarter: '2026-Q4',
        programId: 'PRG-2026-CORE',
      });
    });

    it('rejects at batch time a transaction the rules cannot price, and lists it with the reason', async () => {
      await call(
        batchServer,
        'POST',
        '/transactions',
        transactionXml({ quoteId: 'a0Qodd', productCode: 'NOPE-1' }),
      );
      const run = await call(batchServer, 'POST', '/__batch/run');
      expect(run.xml.BatchRun.Rejected).toBe('1');
      expect(run.xml.BatchRun.Rejections.Rejection).toEqual([
        { TransactionId: expect.any(String), Reason: 'unknown product NOPE-1' },
      ]);
      const { xml } = await call(batchServer, 'GET', '/transactions?status=Rejected');
      expect(xml.TransactionList.Transactions.Transaction).toEqual([
        expect.objectContaining({
          QuoteId: 'a0Qodd',
          Status: 'Rejected',
          RejectionReason: 'unknown product NOPE-1',
        }),
      ]);
    });

    it.each([
      ['malformed XML', '<Transaction><PartnerId>P-00002</Transaction>', 400, 'MALFORMED_XML'],
      ['an empty body', '', 400, 'MALFORMED_XML'],
      [
        'a missing element',
        transactionXml({ quoteId: 'a0Qx' }).replace(/<CloseDate>.*<\/CloseDate>/, ''),
        400,
        'INVALID_TRANSACTION',
      ],
      [
        'a float-like amount with 3 places',
        transactionXml({ quoteId: 'a0Qy', netTotal: '1.005' }),
        400,
        'INVALID_TRANSACTION',
      ],
      [
        'a quote already accrued',
        transactionXml({ quoteId: dataset.incentives.accruals[0]!.quoteId }),
        409,
        'DUPLICATE_TRANSACTION',
      ],
    ])('refuses a transaction with %s', async (_case, body, status, code) => {
      const answer = await call(batchServer, 'POST', '/transactions', body);
      expect(answer.status).toBe(status);
      expect(answer.xml.Fault.Code).toBe(code);
    });
  });

  it('is slow by default: each business call takes the configured latency', async () => {
    const slow = await startIncentives({ latencyMs: { min: 120, max: 120 } });
    try {
      const started = performance.now();
      expect((await call(slow, 'GET', '/programs')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(119);
    } finally {
      await slow.close();
    }
  });

  describe('faults, in XML', () => {
    const route = `GET ${INCENTIVES_BASE}/programs/:programId`;
    const path = '/programs/PRG-2026-CORE';

    async function inject(fault: Record<string, unknown>): Promise<void> {
      const response = await fetch(`${server.url}/__faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ route, ...fault }),
      });
      expect(response.status).toBe(201);
    }

    it('answers an injected error as an XML fault with the status', async () => {
      await inject({ errorRate: 1, errorStatus: 502 });
      const answer = await call(server, 'GET', path);
      expect(answer.status).toBe(502);
      expect(answer.xml.Fault).toEqual({ Code: 'SERVER_ERROR', Message: 'Injected failure' });
    });

    it('answers 429 with Retry-After and an XML fault when rate limited', async () => {
      await inject({ rateLimitRetryAfterSeconds: 3 });
      const answer = await call(server, 'GET', path);
      expect([answer.status, answer.headers.get('retry-after'), answer.xml.Fault.Code]).toEqual([
        429,
        '3',
        'RATE_LIMITED',
      ]);
    });

    it('cuts an XML body in half with malformed truncate', async () => {
      const intact = (await call(server, 'GET', path)).text;
      await inject({ malformed: 'truncate' });
      const answer = await call(server, 'GET', path);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(intact.slice(0, Math.floor(intact.length / 2)));
      expect(XMLValidator.validate(answer.text)).not.toBe(true);
    });

    it('turns every XML value into its length with malformed wrong-types, keeping it well-formed', async () => {
      await inject({ malformed: 'wrong-types' });
      const answer = await call(server, 'GET', path);
      expect(XMLValidator.validate(answer.text)).toBe(true);
      expect(answer.xml.Program).toMatchObject({
        Id: String('PRG-2026-CORE'.length),
        StartDate: '10',
        Status: '6',
      });
    });

    it('drops the connection when down, and counts calls per route', async () => {
      await fetch(`${server.url}/__stats`, { method: 'DELETE' });
      await inject({ down: true });
      await expect(call(server, 'GET', path)).rejects.toThrow();
      await call(server, 'GET', '/programs');
      const stats = (await (await fetch(`${server.url}/__stats`)).json()) as {
        calls: Record<string, number>;
      };
      expect(stats.calls).toEqual({ [route]: 1, [`GET ${INCENTIVES_BASE}/programs`]: 1 });
    });
  });
});
