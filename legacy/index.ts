import { listen, type RunningServer } from '../runtime';
import { createBillingApp, type BillingOptions } from './billing/server';
import { createCpqApp, type CpqOptions } from './cpq/server';
import { createIncentivesApp, type IncentivesOptions } from './incentives/server';
import { createPrmApp, type PrmOptions } from './prm/server';
import { generateDataset, type Dataset, type DatasetOptions } from './seed/dataset';

export { generateDataset, partnerId, type Dataset, type Scale } from './seed/dataset';
export { API_BASE as CPQ_API_BASE } from './cpq/server';
export { PRM_BASE } from './prm/server';
export { BILLING_API_BASE } from './billing/server';
export { INCENTIVES_BASE } from './incentives/server';
export type { Fault } from './admin';
export type { BillingOptions, CpqOptions, IncentivesOptions, PrmOptions };

export type LegacySystemName = 'cpq' | 'billing' | 'incentives' | 'prm';

export interface LegacyStackOptions {
  data: DatasetOptions;
  /** 0 picks a free port; billing and incentives default to 0. */
  ports: { cpq: number; prm: number; billing?: number; incentives?: number };
  cpq: CpqOptions;
  prm: PrmOptions;
  billing?: BillingOptions;
  incentives?: IncentivesOptions;
}

export interface LegacyStack {
  dataset: Dataset;
  urls: Record<LegacySystemName, string>;
  close(): Promise<void>;
}

/** Where each stand-in listens when started on its own or by `npm start`. */
export const DEFAULT_LEGACY_PORTS: Record<LegacySystemName, number> = {
  cpq: 4101,
  billing: 4102,
  incentives: 4103,
  prm: 4104,
};

export const DEFAULT_CPQ_OPTIONS: CpqOptions = {
  clientId: 'partner-graph',
  clientSecret: 'cpq-dev-secret',
  tokenTtlMs: 2 * 60 * 60 * 1000,
  queryBatchSize: 2000,
};
export const DEFAULT_PRM_OPTIONS: PrmOptions = { apiKey: 'prm-dev-key' };
export const DEFAULT_BILLING_OPTIONS: BillingOptions = {
  clientId: 'partner-graph',
  clientSecret: 'billing-dev-secret',
  tokenTtlMs: 60 * 60 * 1000,
};
export const DEFAULT_INCENTIVES_OPTIONS: IncentivesOptions = {
  username: 'partner-graph',
  password: 'incentives-dev-password',
  latencyMs: { min: 100, max: 300 },
};

/** Starts every legacy stand-in over one generated dataset, so the systems agree with each other. */
export async function startLegacyStack(options: LegacyStackOptions): Promise<LegacyStack> {
  const dataset = generateDataset(options.data);
  const servers: RunningServer[] = [];
  const start = async (app: Parameters<typeof listen>[0], port: number): Promise<RunningServer> => {
    const server = await listen(app, port);
    servers.push(server);
    return server;
  };
  try {
    const cpq = await start(createCpqApp(dataset, options.cpq).app, options.ports.cpq);
    const billing = await start(
      createBillingApp(dataset, options.billing ?? DEFAULT_BILLING_OPTIONS).app,
      options.ports.billing ?? 0,
    );
    const incentives = await start(
      createIncentivesApp(dataset, options.incentives ?? DEFAULT_INCENTIVES_OPTIONS).app,
      options.ports.incentives ?? 0,
    );
    const prm = await start(createPrmApp(dataset, options.prm).app, options.ports.prm);
    return {
      dataset,
      urls: { cpq: cpq.url, billing: billing.url, incentives: incentives.url, prm: prm.url },
      close: async () => void (await Promise.all(servers.map((server) => server.close()))),
    };
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
}
