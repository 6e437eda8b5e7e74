import express from 'express';
import {
  createIdentitySigner,
  IDENTITY_HEADER,
  listen,
  verifyIdentity,
  type RunningServer,
} from '../runtime';
import { partnerTierSource } from './partner-tiers';

/** The partner's tier for its default budgets: asked of the partners subgraph once, then remembered. */
const SECRET = 'test-identity-secret-0123456789-0123456789';
const viewer = { sub: 'user@P-00001', partnerId: 'P-00001', roles: ['partner_rep' as const] };

describe('partnerTierSource', () => {
  let subgraph: RunningServer;
  let asked: Array<string | undefined> = [];
  let answer: unknown = { data: { me: { tier: 'GOLD' } } };
  beforeAll(async () => {
    const app = express();
    app.post('/graphql', express.json(), (req, res) => {
      const identity = verifyIdentity(req.get(IDENTITY_HEADER), SECRET);
      asked.push('viewer' in identity ? identity.viewer.partnerId : undefined);
      res.json(answer);
    });
    subgraph = await listen(app, 0);
  });
  afterAll(() => subgraph?.close());
  beforeEach(() => {
    asked = [];
    answer = { data: { me: { tier: 'GOLD' } } };
  });

  const source = (url: string) =>
    partnerTierSource({
      url,
      signIdentity: createIdentitySigner(SECRET),
      ttlMs: 60_000,
      failureTtlMs: 60_000,
      timeoutMs: 1000,
      fallbackTier: 'REGISTERED',
    });

  it("asks the partners subgraph once, as the viewer, and remembers the partner's tier", async () => {
    const tierOf = source(`${subgraph.url}/graphql`);

    const tiers = await Promise.all([
      tierOf(viewer),
      tierOf(viewer),
      tierOf({ ...viewer, sub: 'other@P-00001' }),
    ]);
    expect(await tierOf(viewer)).toBe('GOLD');

    expect(tiers).toEqual(['GOLD', 'GOLD', 'GOLD']);
    expect(asked).toEqual(['P-00001']);
  });

  it('falls back to the configured tier when the subgraph answers no tier, or cannot be reached', async () => {
    answer = {
      data: { me: null },
      errors: [{ message: 'PRM down', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }],
    };
    const tierOf = source(`${subgraph.url}/graphql`);
    expect(await tierOf(viewer)).toBe('REGISTERED');
    // Remembered for failureTtlMs: a sick PRM costs one lookup, not one per request.
    answer = { data: { me: { tier: 'GOLD' } } };
    expect(await tierOf(viewer)).toBe('REGISTERED');
    expect(asked).toHaveLength(1);

    expect(await source('http://127.0.0.1:1/graphql')(viewer)).toBe('REGISTERED');
  });
});
