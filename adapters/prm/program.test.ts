import nock from 'nock';
import { Registry } from 'prom-client';
import { generateDataset, type PrmDealRegistration } from '../../legacy/seed/dataset';
import { createPrmApp } from '../../legacy/prm/server';
import { listen, type RunningServer } from '../../runtime';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS } from '../http';
import { upstreamErrorOf } from '../http/testing';
import { createPrmAdapter, type PrmAdapter } from './client';

/** The PRM adapter's contacts, certifications and deal registrations, against the stand-in and nock. */
const API_KEY = 'prm-test-key';
const TODAY = '2026-12-01';
const dataset = generateDataset({ seed: 5, scale: 'small' });
const REGISTRATIONS = 'GET /api/objects/v1/DealRegistration';

async function legacyCalls(server: RunningServer): Promise<Record<string, number>> {
  const response = await fetch(`${server.url}/__stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

function adapterFor(baseUrl: string): PrmAdapter {
  return createPrmAdapter({
    baseUrl,
    apiKey: API_KEY,
    timeoutMs: 5000,
    breaker: DEFAULT_BREAKER_OPTIONS,
    retry: { maxRetries: 2, baseDelayMs: 1 },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  });
}

describe('PRM adapter: partner program records against the stand-in', () => {
  let server: RunningServer;
  let adapter: PrmAdapter;

  beforeAll(async () => {
    server = await listen(createPrmApp(dataset, { apiKey: API_KEY, today: () => TODAY }).app, 0);
    adapter = adapterFor(server.url);
  });
  afterAll(async () => {
    adapter?.http.close();
    await server?.close();
  });
  beforeEach(async () => {
    await fetch(`${server.url}/__stats`, { method: 'DELETE' });
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
  });

  it("loads two partners' contacts, certifications and registrations with one call per partner and list", async () => {
    const loaders = adapter.createLoaders();
    const ids = ['P-00003', 'P-00004'];

    const [contacts, certifications, registrations] = await Promise.all([
      Promise.all(ids.map((id) => loaders.contactsByPartnerId.load(id))),
      Promise.all(ids.map((id) => loaders.certificationsByPartnerId.load(id))),
      Promise.all(ids.map((id) => loaders.dealRegistrationsByPartnerId.load(id))),
    ]);

    ids.forEach((id, index) => {
      expect(contacts[index]!.map((contact) => contact.id)).toEqual(
        dataset.contacts.filter((contact) => contact.accountId === id).map((contact) => contact.id),
      );
      expect(certifications[index]!.map((certification) => certification.id)).toEqual(
        dataset.certifications.filter((c) => c.accountId === id).map((c) => c.id),
      );
      expect(registrations[index]!.map((registration) => registration.id)).toEqual(
        dataset.dealRegistrations.filter((r) => r.accountId === id).map((r) => r.id),
      );
    });
    expect(contacts[0]![0]).toMatchObject({ partnerId: 'P-00003', role: 'PRIMARY', primary: true });
    expect(await legacyCalls(server)).toEqual({
      'GET /api/objects/v1/Contact': 2,
      'GET /api/objects/v1/Certification': 2,
      [REGISTRATIONS]: 2,
    });
  });

  it('reads one registration by id, and null for an unknown one', async () => {
    const seeded = dataset.dealRegistrations[0]!;
    const loaders = adapter.createLoaders();

    const [known, unknown] = await Promise.all([
      loaders.dealRegistrationById.load(seeded.id),
      loaders.dealRegistrationById.load('DR-999999'),
    ]);

    expect(known).toMatchObject({
      id: seeded.id,
      partnerId: seeded.accountId,
      customerName: seeded.customerName,
      estimatedAmount: { amount: seeded.estimatedAmount, currency: seeded.currencyCode },
      status: seeded.status.toUpperCase(),
      expiresOn: seeded.expiresOn,
    });
    expect(unknown).toBeNull();
  });

  it('registers a deal: Submitted, protected for 90 days, in the partner currency', async () => {
    const partner = dataset.partners[1]!;

    const registration = await adapter.createCommands().registerDeal({
      partnerId: partner.id,
      customerName: 'Adapter Test Customer',
      customerAccountId: null,
      productFamily: 'SECURITY',
      estimatedAmount: '25000.5',
    });

    expect(registration).toMatchObject({
      partnerId: partner.id,
      customerName: 'Adapter Test Customer',
      productFamily: 'SECURITY',
      estimatedAmount: { amount: '25000.50', currency: partner.currencyCode },
      status: 'SUBMITTED',
      submittedOn: TODAY,
      expiresOn: '2027-03-01',
    });
    expect(await adapter.createLoaders().dealRegistrationById.load(registration.id)).toEqual(registration);
  });

  it('reports a customer and family already registered as CONFLICT, and a bad amount as BAD_USER_INPUT', async () => {
    const taken = dataset.dealRegistrations.find(
      (r: PrmDealRegistration) => r.status === 'Approved' && r.expiresOn >= TODAY,
    )!;
    const commands = adapter.createCommands();
    const request = {
      partnerId: 'P-00001',
      customerName: taken.customerName.toUpperCase(),
      customerAccountId: null,
      productFamily: taken.productFamily.toUpperCase() as 'NETWORK',
      estimatedAmount: '1000.00',
    };

    expect(await upstreamErrorOf(commands.registerDeal(request))).toMatchObject({
      code: 'CONFLICT',
      upstream: { system: 'prm', operation: 'registerDeal' },
    });
    expect(
      await upstreamErrorOf(
        commands.registerDeal({ ...request, customerName: 'Fresh', estimatedAmount: '1.234' }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('never retries a registration: a 503 fails after one attempt', async () => {
    await fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        route: 'POST /api/objects/v1/DealRegistration',
        errorRate: 1,
        errorStatus: 503,
      }),
    });

    const error = await upstreamErrorOf(
      adapter.createCommands().registerDeal({
        partnerId: 'P-00002',
        customerName: 'Never Twice',
        customerAccountId: null,
        productFamily: 'CLOUD',
        estimatedAmount: '10.00',
      }),
    );

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await legacyCalls(server))['POST /api/objects/v1/DealRegistration']).toBe(1);
  });

  it('rejects a malformed registration list as UPSTREAM_BAD_RESPONSE, for that partner only', async () => {
    await fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: REGISTRATIONS, malformed: 'wrong-types' }),
    });
    const loaders = adapter.createLoaders();

    await expect(loaders.dealRegistrationsByPartnerId.load('P-00001')).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
    expect(await loaders.contactsByPartnerId.load('P-00001')).not.toHaveLength(0);
  });
});

describe('PRM adapter: paging (nock)', () => {
  const BASE_URL = 'http://127.0.0.1:1';
  let adapter: PrmAdapter;

  beforeAll(() => {
    nock.disableNetConnect();
  });
  beforeEach(() => {
    adapter = adapterFor(BASE_URL);
  });
  afterEach(() => {
    adapter.http.close();
    nock.cleanAll();
  });
  afterAll(() => {
    nock.restore();
    nock.enableNetConnect();
  });

  const contact = (n: number) => ({
    id: `CON-${String(n).padStart(6, '0')}`,
    accountId: 'P-00001',
    firstName: 'Ana',
    lastName: 'Ng',
    email: `ana${n}@example.com`,
    title: 'Account Executive',
    role: 'Sales',
    isPrimary: false,
    status: 'Active',
  });

  it("follows skip/take until a partner's whole list is read", async () => {
    const firstPage = nock(BASE_URL)
      .get('/api/objects/v1/Contact')
      .query({ accountId: 'P-00001', skip: '0', take: '500' })
      .reply(200, {
        success: true,
        message: null,
        data: { count: 502, results: Array.from({ length: 500 }, (_, n) => contact(n + 1)) },
      });
    const secondPage = nock(BASE_URL)
      .get('/api/objects/v1/Contact')
      .query({ accountId: 'P-00001', skip: '500', take: '500' })
      .reply(200, {
        success: true,
        message: null,
        data: { count: 502, results: [contact(501), contact(502)] },
      });

    const contacts = await adapter.createLoaders().contactsByPartnerId.load('P-00001');

    expect(contacts).toHaveLength(502);
    expect(contacts[501]!.id).toBe('CON-000502');
    expect(firstPage.isDone() && secondPage.isDone()).toBe(true);
  });

  it('refuses an answer whose envelope says it failed', async () => {
    nock(BASE_URL)
      .get('/api/objects/v1/Certification')
      .query(true)
      .reply(200, { success: false, message: 'internal', data: null });

    await expect(adapter.createLoaders().certificationsByPartnerId.load('P-00001')).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});
