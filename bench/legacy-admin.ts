/**
 * The stand-ins' admin API as the bench uses it: faults per scenario, call counts per run.
 * See legacy/admin: `POST|DELETE /__faults`, `GET|DELETE /__stats`.
 */
export interface LegacyStats {
  total: number;
  calls: Record<string, number>;
}

/** One retry on a connection error: a stand-in that was just swamped may drop an idle keep-alive socket. */
async function call(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status)
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

export async function setFaults(baseUrl: string, faults: Array<Record<string, unknown>>): Promise<void> {
  await expectStatus(await call(`${baseUrl}/__faults`, { method: 'DELETE' }), 204, 'clear faults');
  if (faults.length === 0) return;
  const response = await call(`${baseUrl}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  await expectStatus(response, 201, 'set faults');
}

export async function resetStats(baseUrl: string): Promise<void> {
  await expectStatus(await call(`${baseUrl}/__stats`, { method: 'DELETE' }), 204, 'reset stats');
}

export async function readStats(baseUrl: string): Promise<LegacyStats> {
  const response = await call(`${baseUrl}/__stats`);
  await expectStatus(response, 200, 'read stats');
  const { total, calls } = (await response.json()) as LegacyStats;
  return { total, calls };
}
