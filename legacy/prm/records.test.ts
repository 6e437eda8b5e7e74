import { listen, type RunningServer } from '../../runtime';
import { addDays } from '../seed/common';
import { generateDataset } from '../seed/dataset';
import { createPrmApp, PRM_BASE, REGISTRATION_DISCOUNT_PERCENT, type PrmOptions } from './server';

const dataset = generateDataset({ seed: 5, scale: 'small' });
const apiKey = 'test-prm-key';
const TODAY = '2026-12-01';

interface Envelope<T = unknown> {
  success: boolean;
  message: string | null;
  data: T;
}
type Page<T> = Envelope<{ count: number; results: T[] }>;

async function startPrm(overrides: Partial<PrmOptions> = {}): Promise<RunningServer> {
  return listen(createPrmApp(dataset, { apiKey, today: () => TODAY, ...overrides }).app, 0);
}

function request(server: RunningServer, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${PRM_BASE}${path}`, {
    ...init,
    headers: { authorization: `prm-key ${apiKey}`, 'content-type': 'application/json', ...init.headers },
  });
}

async function get<T>(server: RunningServer, path: string): Promise<{ status: number; body: T }> {
  const response = await request(server, path);
  return { status: response.status, body: (await response.json()) as T };
}

describe('PRM stand-in: contacts, certifications, deal registrations and load', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startPrm();
  });
  afterAll(() => server.close());

  it("lists a partner's contacts with skip/take and reads one by id", async () => {
    const contacts = dataset.contacts.filter((c) => c.accountId === 'P-00004');
    const { body } = await get<Page<unknown>>(server, '/Contact?accountId=P-00004&skip=1&take=2');
    expect(body).toEqual({
      success: true,
      message: null,
      data: { count: contacts.length, results: contacts.slice(1, 3) },
    });
    expect((await get(server, `/Contact/${contacts[0]!.id}`)).body).toEqual({
      success: true,
      message: null,
      data: contacts[0],
    });
    expect(await get(server, '/Contact/CON-999999')).toMatchObject({
      status: 404,
      body: { success: false, data: null },
    });
  });

  it('lists certifications by partner and product family', async () => {
    const certification = dataset.certifications[0]!;
    const expected = dataset.certifications.filter(
      (c) => c.accountId === certification.accountId && c.productFamily === certification.productFamily,
    );
    const { body } = await get<Page<unknown>>(
      server,
      `/Certification?accountId=${certification.accountId}&productFamily=${certification.productFamily}`,
    );
    expect(body.data).toEqual({ count: expected.length, results: expected });
    expect((await get<Envelope>(server, `/Certification/${certification.id}`)).body.data).toEqual(
      certification,
    );
  });

  it('lists all deal registrations page by page, and by status', async () => {
    const { body } = await get<Page<{ id: string }>>(server, '/DealRegistration?skip=100&take=5');
    expect(body.data).toEqual({
      count: dataset.dealRegistrations.length,
      results: dataset.dealRegistrations.slice(100, 105),
    });
    const approved = await get<Page<unknown>>(server, '/DealRegistration?status=Approved&take=500');
    expect(approved.body.data.results).toEqual(
      dataset.dealRegistrations.filter((r) => r.status === 'Approved'),
    );
    expect((await get(server, '/DealRegistration?take=501')).status).toBe(400);
  });

  describe('registering a deal', () => {
    let writable: RunningServer;

    beforeEach(async () => {
      writable = await startPrm();
    });
    afterEach(() => writable.close());

    const post = (body: unknown) =>
      request(writable, '/DealRegistration', {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    it('submits a registration protected for 90 days at the tier discount, and lists it', async () => {
      const partner = dataset.partners[3]!;
      const response = await post({
        accountId: partner.id,
        customerName: 'Brand New Prospect',
        productFamily: 'Security',
        estimatedAmount: '125000.5',
      });
      expect(response.status).toBe(201);
      const { data } = (await response.json()) as Envelope<{ id: string }>;
      expect(data).toEqual({
        id: `DR-${String(dataset.dealRegistrations.length + 1).padStart(6, '0')}`,
        accountId: partner.id,
        customerName: 'Brand New Prospect',
        customerAccountId: null,
        productFamily: 'Security',
        estimatedAmount: '125000.50',
        currencyCode: partner.currencyCode,
        status: 'Submitted',
        submittedOn: TODAY,
        expiresOn: addDays(TODAY, 90),
        protectedDiscountPercent: REGISTRATION_DISCOUNT_PERCENT[partner.partnerLevel.name],
      });
      expect((await get<Envelope>(writable, `/DealRegistration/${data.id}`)).body.data).toEqual(data);
      const listed = await get<Page<{ id: string }>>(
        writable,
        `/DealRegistration?accountId=${partner.id}&take=500`,
      );
      expect(listed.body.data.results.map((r) => r.id)).toContain(data.id);
    });

    it('refuses a second registration of the same customer and family: 409, naming a channel conflict', async () => {
      const body = {
        accountId: 'P-00001',
        customerName: 'Contested Corp',
        productFamily: 'Cloud',
        estimatedAmount: '10',
      };
      expect((await post(body)).status).toBe(201);
      const again = await post({ ...body, customerName: 'contested corp' });
      expect(again.status).toBe(409);
      expect(((await again.json()) as Envelope).message).toMatch(/^Already registered as DR-/);
      const rival = await post({ ...body, accountId: 'P-00002' });
      expect(rival.status).toBe(409);
      expect(((await rival.json()) as Envelope).message).toMatch(/Channel conflict/);
      expect((await post({ ...body, productFamily: 'Network' })).status).toBe(201);
    });

    it("answers a repeat of the partner's external reference with the first registration (200), never a second", async () => {
      const body = {
        accountId: 'P-00001',
        customerName: 'Retried Corp',
        productFamily: 'Cloud',
        estimatedAmount: '10',
        externalReference: 'P-00001:key-1',
      };
      const first = await post(body);
      const again = await post(body);
      const otherPartner = await post({ ...body, accountId: 'P-00002', customerName: 'Other Corp' });

      expect(first.status).toBe(201);
      const created = ((await first.json()) as Envelope<{ id: string }>).data;
      expect(again.status).toBe(200);
      expect(((await again.json()) as Envelope<{ id: string }>).data.id).toBe(created.id);
      expect(otherPartner.status).toBe(201);
      const listed = await get<Page<{ customerName: string }>>(
        writable,
        '/DealRegistration?accountId=P-00001&take=500',
      );
      expect(listed.body.data.results.filter((r) => r.customerName === 'Retried Corp')).toHaveLength(1);
    });

    it.each([
      [
        'an unknown partner',
        { accountId: 'P-99999', customerName: 'X', productFamily: 'Cloud', estimatedAmount: '1' },
      ],
      [
        'an unknown family',
        { accountId: 'P-00001', customerName: 'X', productFamily: 'Hardware', estimatedAmount: '1' },
      ],
      [
        'a float amount',
        { accountId: 'P-00001', customerName: 'X', productFamily: 'Cloud', estimatedAmount: 1.5 },
      ],
      [
        'no customer',
        { accountId: 'P-00001', customerName: ' ', productFamily: 'Cloud', estimatedAmount: '1' },
      ],
      [
        'an unknown field',
        {
          accountId: 'P-00001',
          customerName: 'X',
          productFamily: 'Cloud',
          estimatedAmount: '1',
          status: 'Approved',
        },
      ],
      ['a body that is not JSON', '{"accountId":'],
    ])('answers 400 in the envelope for %s', async (_case, body) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ success: false, message: expect.any(String), data: null });
    });
  });

  describe('under load', () => {
    it('answers 429 with Retry-After beyond the rate limit of the window', async () => {
      const limited = await startPrm({ rateLimit: { maxRequests: 3, windowMs: 60_000 } });
      try {
        const statuses = [];
        for (let i = 0; i < 3; i += 1) statuses.push((await request(limited, '/Account/P-00001')).status);
        expect(statuses).toEqual([200, 200, 200]);
        const refused = await request(limited, '/Account/P-00001');
        expect(refused.status).toBe(429);
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(await refused.json()).toEqual({ success: false, message: expect.any(String), data: null });
      } finally {
        await limited.close();
      }
    });

    it('answers 429 to requests beyond the concurrency limit, and serves again once a slot frees', async () => {
      const limited = await startPrm({ maxConcurrentRequests: 2 });
      try {
        // Slow responses keep the first two in flight while the others arrive.
        await fetch(`${limited.url}/__faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ latencyMs: 400 }),
        });
        const statuses = await Promise.all(
          Array.from({ length: 5 }, async () => (await request(limited, '/Contact?take=1')).status),
        );
        expect(statuses.sort()).toEqual([200, 200, 429, 429, 429]);
        await fetch(`${limited.url}/__faults`, { method: 'DELETE' });
        expect((await request(limited, '/Contact?take=1')).status).toBe(200);
      } finally {
        await limited.close();
      }
    });

    it('has no limit by default', async () => {
      const statuses = await Promise.all(
        Array.from({ length: 20 }, async () => (await request(server, '/Account?take=1')).status),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
    });
  });
});
