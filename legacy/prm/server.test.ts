import { listen, type RunningServer } from '../../runtime';
import { generateDataset, type PrmAccount } from '../seed/dataset';
import { createPrmApp, PRM_BASE } from './server';

const dataset = generateDataset({ seed: 5, scale: 'small' });
const apiKey = 'test-prm-key';

interface Envelope<T> {
  success: boolean;
  message: string | null;
  data: T;
}
type AccountPage = Envelope<{ count: number; results: PrmAccount[] }>;

describe('PRM stand-in', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await listen(createPrmApp(dataset, { apiKey }).app, 0);
  });
  afterAll(() => server.close());

  async function get<T>(path: string, key: string | null = apiKey): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.url}${PRM_BASE}${path}`, {
      headers: key === null ? {} : { authorization: `prm-key ${key}` },
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  it('answers 401 without the API key or with a wrong one', async () => {
    for (const key of [null, 'wrong']) {
      expect(await get('/Account/P-00001', key)).toEqual({
        status: 401,
        body: { success: false, message: expect.any(String), data: null },
      });
    }
  });

  it('returns an account by id in the Impartner envelope', async () => {
    expect(await get('/Account/P-00007')).toEqual({
      status: 200,
      body: { success: true, message: null, data: dataset.partners[6] },
    });
  });

  it('answers 404 for an unknown account', async () => {
    expect(await get('/Account/P-99999')).toMatchObject({
      status: 404,
      body: { success: false, data: null },
    });
  });

  it('lists accounts in id order, 100 by default, with the full count', async () => {
    const { status, body } = await get<AccountPage>('/Account');
    expect(status).toBe(200);
    expect(body.data).toEqual({ count: 50, results: dataset.partners });
  });

  it('pages the list with skip and take', async () => {
    const { body } = await get<AccountPage>('/Account?skip=10&take=5');
    expect(body.data.count).toBe(50);
    expect(body.data.results.map((account) => account.id)).toEqual([
      'P-00011',
      'P-00012',
      'P-00013',
      'P-00014',
      'P-00015',
    ]);
    expect((await get<AccountPage>('/Account?skip=48&take=5')).body.data.results).toHaveLength(2);
  });

  it('filters by ids, in the order given, leaving out unknown ones', async () => {
    const { body } = await get<AccountPage>('/Account?ids=P-00003,P-99999,P-00001');
    expect(body.data).toEqual({ count: 2, results: [dataset.partners[2], dataset.partners[0]] });
  });

  it('accepts take up to 500', async () => {
    expect((await get('/Account?take=500')).status).toBe(200);
  });

  it.each(['skip=-1', 'skip=abc', 'skip=1.5', 'take=0', 'take=501', 'take=2.5', 'take=many'])(
    'answers 400 for %s',
    async (query) => {
      expect(await get(`/Account?${query}`)).toMatchObject({
        status: 400,
        body: { success: false, data: null },
      });
    },
  );
});
