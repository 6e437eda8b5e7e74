import { listen, type RunningServer } from '../../runtime';
import { createPrmApp, PRM_BASE } from '../prm/server';
import { generateDataset } from '../seed/dataset';

/** Exercised through the PRM stand-in; every stand-in registers its routes through the same admin. */
const dataset = generateDataset({ seed: 3, scale: 'small' });
const apiKey = 'test-prm-key';
const accountRoute = `GET ${PRM_BASE}/Account/:id`;
const listRoute = `GET ${PRM_BASE}/Account`;

describe('legacy admin', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await listen(createPrmApp(dataset, { apiKey }).app, 0);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
    await fetch(`${server.url}/__stats`, { method: 'DELETE' });
  });

  function callPrm(path: string): Promise<Response> {
    return fetch(`${server.url}${PRM_BASE}${path}`, { headers: { authorization: `prm-key ${apiKey}` } });
  }

  function postFaults(body: unknown): Promise<Response> {
    return fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function injectFault(fault: Record<string, unknown> | Array<Record<string, unknown>>): Promise<void> {
    const response = await postFaults(fault);
    expect(response.status).toBe(201);
  }

  async function activeFaults(): Promise<unknown[]> {
    return ((await (await fetch(`${server.url}/__faults`)).json()) as { faults: unknown[] }).faults;
  }

  describe('POST /__faults', () => {
    it('stores a valid fault with its defaults and lists it', async () => {
      const response = await postFaults({ route: accountRoute, errorRate: 0.5 });
      expect(response.status).toBe(201);
      const stored = {
        route: accountRoute,
        latencyMs: 0,
        jitterMs: 0,
        errorRate: 0.5,
        errorStatus: 503,
        down: false,
      };
      expect(await response.json()).toEqual({ system: 'prm', faults: [stored] });
      expect(await activeFaults()).toEqual([stored]);
    });

    it('accepts a list of faults', async () => {
      await injectFault([{ latencyMs: 1 }, { route: listRoute, errorStatus: 502 }]);
      expect(await activeFaults()).toHaveLength(2);
    });

    it.each([
      ['an unknown key', { latency: 100 }],
      ['an errorRate above 1', { errorRate: 2 }],
      ['a non-error errorStatus', { errorStatus: 200 }],
      ['a negative latency', { latencyMs: -1 }],
      ['an unknown malformed mode', { malformed: 'garbage' }],
      ['a string where a number belongs', { latencyMs: '100' }],
      ['an empty route', { route: '' }],
    ])('answers 400 INVALID_FAULT with issues for %s, and stores nothing', async (_case, fault) => {
      const response = await postFaults(fault);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; issues: string[] };
      expect(body.error).toBe('INVALID_FAULT');
      expect(body.issues.length).toBeGreaterThan(0);
      expect(await activeFaults()).toEqual([]);
    });

    it('names the offending key in the issues', async () => {
      const response = await postFaults({ errorRate: 2 });
      expect(((await response.json()) as { issues: string[] }).issues).toEqual([
        expect.stringMatching(/^errorRate: /),
      ]);
    });

    it('refuses to expire tokens on a system that issues none', async () => {
      const response = await postFaults({ expireTokens: true });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'INVALID_FAULT',
        issues: ['expireTokens: prm issues no tokens'],
      });
      expect(await activeFaults()).toEqual([]);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const response = await fetch(`${server.url}/__faults`, { method: 'POST', body: 'latencyMs=100' });
      expect(response.status).toBe(400);
      expect(await activeFaults()).toEqual([]);
    });
  });

  it('delays a call by at least latencyMs and still answers it', async () => {
    const latencyMs = 150;
    await injectFault({ latencyMs });
    const started = performance.now();
    const response = await callPrm('/Account/P-00001');
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    // Lower bound only; 1 ms of slack because timers fire on whole milliseconds.
    expect(elapsed).toBeGreaterThanOrEqual(latencyMs - 1);
  });

  it('fails every call with errorStatus at errorRate 1', async () => {
    await injectFault({ errorRate: 1, errorStatus: 500 });
    const response = await callPrm('/Account/P-00001');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual([{ errorCode: 'SERVER_ERROR', message: 'Injected failure' }]);
  });

  it('drops the connection without a response when down', async () => {
    await injectFault({ down: true });
    await expect(callPrm('/Account/P-00001')).rejects.toThrow();
  });

  it('cuts the body in half with malformed truncate', async () => {
    const intact = await (await callPrm('/Account/P-00001')).text();
    await injectFault({ malformed: 'truncate' });
    const response = await callPrm('/Account/P-00001');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(intact.slice(0, Math.floor(intact.length / 2)));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('turns strings into numbers with malformed wrong-types', async () => {
    await injectFault({ malformed: 'wrong-types' });
    const body = (await (await callPrm('/Account/P-00001')).json()) as {
      success: unknown;
      data: Record<string, unknown>;
    };
    expect(body.success).toBe(true);
    expect(body.data.id).toBe('P-00001'.length);
    expect(body.data.name).toBe(dataset.partners[0]!.name.length);
    expect(body.data.partnerLevel).toEqual({ name: dataset.partners[0]!.partnerLevel.name.length });
  });

  it('answers 429 with Retry-After when rate limited', async () => {
    await injectFault({ rateLimitRetryAfterSeconds: 30 });
    const response = await callPrm('/Account/P-00001');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
  });

  it('applies a route-scoped fault to that route only', async () => {
    await injectFault({ route: accountRoute, errorRate: 1, errorStatus: 500 });
    expect((await callPrm('/Account/P-00001')).status).toBe(500);
    expect((await callPrm('/Account?take=1')).status).toBe(200);
  });

  it('keeps the admin API reachable while the system is down', async () => {
    await injectFault({ down: true });
    expect((await fetch(`${server.url}/__faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await callPrm('/Account/P-00001')).status).toBe(200);
  });

  it('clears every fault on DELETE /__faults', async () => {
    await injectFault([{ errorRate: 1 }, { route: accountRoute, rateLimitRetryAfterSeconds: 5 }]);
    expect((await callPrm('/Account/P-00001')).status).not.toBe(200);
    expect((await fetch(`${server.url}/__faults`, { method: 'DELETE' })).status).toBe(204);
    expect(await activeFaults()).toEqual([]);
    expect((await callPrm('/Account/P-00001')).status).toBe(200);
  });

  it('counts calls per route on GET /__stats and resets them on DELETE /__stats', async () => {
    await callPrm('/Account/P-00001');
    await callPrm('/Account/P-00002');
    await callPrm('/Account?take=1');
    const stats = async () => (await fetch(`${server.url}/__stats`)).json();
    expect(await stats()).toEqual({ system: 'prm', total: 3, calls: { [accountRoute]: 2, [listRoute]: 1 } });
    expect((await fetch(`${server.url}/__stats`, { method: 'DELETE' })).status).toBe(204);
    expect(await stats()).toEqual({ system: 'prm', total: 0, calls: {} });
  });
});
