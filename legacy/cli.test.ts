import { LegacyCliError, startLegacyCommand } from './cli';

const EPHEMERAL = { CPQ_PORT: '0', BILLING_PORT: '0', INCENTIVES_PORT: '0', PRM_PORT: '0' };

async function stats(url: string): Promise<{ system: string }> {
  return (await (await fetch(`${url}/__stats`)).json()) as { system: string };
}

describe('legacy command line', () => {
  it.each(['cpq', 'billing', 'incentives', 'prm'])('starts the %s stand-in alone', async (system) => {
    const running = await startLegacyCommand([system], { ...EPHEMERAL, LEGACY_SEED: '9' });
    try {
      expect(Object.keys(running.urls)).toEqual([system]);
      expect(await stats(running.urls[system as 'cpq']!)).toMatchObject({ system });
    } finally {
      await running.close();
    }
  });

  it('starts all four with "all"', async () => {
    const running = await startLegacyCommand(['all'], EPHEMERAL);
    try {
      const systems = await Promise.all(
        Object.values(running.urls).map(async (url) => (await stats(url)).system),
      );
      expect(systems.sort()).toEqual(['billing', 'cpq', 'incentives', 'prm']);
    } finally {
      await running.close();
    }
  });

  it.each([[[]], [['crm']], [['cpq', 'prm']]])('refuses the arguments %j with the usage', async (args) => {
    await expect(startLegacyCommand(args, EPHEMERAL)).rejects.toThrow(
      new LegacyCliError('Usage: npm run legacy -- <cpq|billing|incentives|prm|all>'),
    );
  });

  it.each([
    ['LEGACY_SCALE', { LEGACY_SCALE: 'huge' }],
    ['LEGACY_SEED', { LEGACY_SEED: '-1' }],
    ['PRM_PORT', { PRM_PORT: '70000' }],
    ['INCENTIVES_MIN_LATENCY_MS', { INCENTIVES_MIN_LATENCY_MS: '500', INCENTIVES_MAX_LATENCY_MS: '100' }],
  ])('refuses an invalid %s, naming it', async (name, env) => {
    await expect(startLegacyCommand(['prm'], { ...EPHEMERAL, ...env })).rejects.toThrow(
      new RegExp(`Invalid environment:\\n  ${name}: `),
    );
  });
});
