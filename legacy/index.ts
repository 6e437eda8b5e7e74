import { listen, type RunningServer } from '../runtime';
import { createCpqApp, type CpqOptions } from './cpq/server';
import { createPrmApp, type PrmOptions } from './prm/server';
import { generateDataset, type Dataset, type DatasetOptions } from './seed/dataset';

export { generateDataset, partnerId, type Dataset, type Scale } from './seed/dataset';
export { API_BASE as CPQ_API_BASE } from './cpq/server';
export { PRM_BASE } from './prm/server';
export type { Fault } from './admin';

export type LegacySystemName = 'cpq' | 'prm';

export interface LegacyStackOptions {
  data: DatasetOptions;
  ports: Record<LegacySystemName, number>;
  cpq: CpqOptions;
  prm: PrmOptions;
}

export interface LegacyStack {
  dataset: Dataset;
  urls: Record<LegacySystemName, string>;
  close(): Promise<void>;
}

export const DEFAULT_CPQ_OPTIONS: CpqOptions = {
  clientId: 'partner-graph',
  clientSecret: 'cpq-dev-secret',
  tokenTtlMs: 2 * 60 * 60 * 1000,
  queryBatchSize: 2000,
};
export const DEFAULT_PRM_OPTIONS: PrmOptions = { apiKey: 'prm-dev-key' };

/** Starts every legacy stand-in over one generated dataset, so the systems agree with each other. */
export async function startLegacyStack(options: LegacyStackOptions): Promise<LegacyStack> {
  const dataset = generateDataset(options.data);
  const servers: RunningServer[] = [];
  try {
    const cpq = await listen(createCpqApp(dataset, options.cpq).app, options.ports.cpq);
    servers.push(cpq);
    const prm = await listen(createPrmApp(dataset, options.prm).app, options.ports.prm);
    servers.push(prm);
    return {
      dataset,
      urls: { cpq: cpq.url, prm: prm.url },
      close: async () => void (await Promise.all(servers.map((server) => server.close()))),
    };
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
}
