import { generateDataset, type PrmAccount } from '../../legacy/seed/dataset';
import { createPrmApp } from '../../legacy/prm/server';
import { listen, type RunningServer } from '../../runtime';
import type { Partner } from '../../domain';
import { DEFAULT_BREAKER_OPTIONS } from '../http';
import { createPrmAdapter, type PrmAdapter } from './client';

const API_KEY = 'prm-test-key';
const ACCOUNTS = 'GET /api/objects/v1/Account';
const dataset = generateDataset({ seed: 5, scale: 'small' });

function expectedPartner(account: PrmAccount): Partner {
  return {
    id: account.id,
    name: account.name,
    tier: account.partnerLevel.name.toUpperCase() as Partner['tier'],
    region: account.region,
    status: account.accountStatus.toUpperCase() as Partner['status'],
    country: account.billingCountry,
    currency: account.currencyCode,
    annualQuota: { amount: account.annualQuota, currency: account.currencyCode },
  };
}

async function legacyCalls(server: RunningServer): Promise<Record<string, number>> {
  const response = await fetch(`${server.url}/__stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

describe('createPrmAdapter against the PRM stand-in', () => {
  let server: RunningServer;
  let adapter: PrmAdapter;

  beforeAll(async () => {
    server = await listen(createPrmApp(dataset, { apiKey: API_KEY }).app, 0);
    adapter = createPrmAdapter({
      baseUrl: server.url,
      apiKey: API_KEY,
      timeoutMs: 5000,
      breaker: DEFAULT_BREAKER_OPTIONS,
    });
  });
  afterAll(async () => {
    adapter?.http.close();
    await server?.close();
  });
  beforeEach(async () => {
    await fetch(`${server.url}/__stats`, { method: 'DELETE' });
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
  });

  it('loads 50 partners in one call', async () => {
    expect(dataset.partners).toHaveLength(50);
    const loaders = adapter.createLoaders();

    const partners = await Promise.all(
      dataset.partners.map((account) => loaders.partnerById.load(account.id)),
    );

    expect(partners).toEqual(dataset.partners.map(expectedPartner));
    expect(await legacyCalls(server)).toEqual({ [ACCOUNTS]: 1 });
  });

  it('answers null for an unknown id, in the same call as the known ones', async () => {
    const loaders = adapter.createLoaders();

    const [known, unknown] = await Promise.all([
      loaders.partnerById.load('P-00007'),
      loaders.partnerById.load('P-99999'),
    ]);

    expect(known).toEqual(expectedPartner(dataset.partners[6]!));
    expect(unknown).toBeNull();
    expect(await legacyCalls(server)).toEqual({ [ACCOUNTS]: 1 });
  });

  it('rejects records of the wrong types as UPSTREAM_BAD_RESPONSE', async () => {
    const fault = await fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: ACCOUNTS, malformed: 'wrong-types' }),
    });
    expect(fault.status).toBe(201);
    const loaders = adapter.createLoaders();

    await expect(loaders.partnerById.load('P-00001')).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});
