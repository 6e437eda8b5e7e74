import DataLoader from 'dataloader';
import type { Partner } from '../../domain';
import {
  createLegacyHttpClient,
  type BreakerOptions,
  type LegacyCallContext,
  type LegacyHttpClient,
  type LegacyResilienceOptions,
  staticHeaderAuth,
} from '../http';
import { toPartner } from './mappers';
import { prmListEnvelopeSchema } from './types';

export interface PrmConfig extends LegacyResilienceOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  breaker: BreakerOptions;
}

const ACCOUNT_PATH = '/api/objects/v1/Account';
/** The PRM's largest `take`; id batches are cut to fit one page. */
const MAX_TAKE = 500;

/** Loaders live for one GraphQL request, so batching and caching never cross tenants or requests. */
export interface PrmRequestLoaders {
  partnerById: DataLoader<string, Partner | null>;
}

export interface PrmAdapter {
  http: LegacyHttpClient;
  getPartners(ids: readonly string[], context?: LegacyCallContext): Promise<Array<Partner | null | Error>>;
  createLoaders(context?: LegacyCallContext): PrmRequestLoaders;
}

export function createPrmAdapter(config: PrmConfig): PrmAdapter {
  const { apiKey, ...options } = config;
  const http = createLegacyHttpClient({
    ...options,
    system: 'prm',
    auth: () => staticHeaderAuth('authorization', `prm-key ${apiKey}`),
  });

  async function getPartners(
    ids: readonly string[],
    context: LegacyCallContext = {},
  ): Promise<Array<Partner | null | Error>> {
    const found = new Map<string, Partner | Error>();
    for (let start = 0; start < ids.length; start += MAX_TAKE) {
      const chunk = ids.slice(start, start + MAX_TAKE);
      const envelope = await http.request({
        ...context,
        operation: 'getAccounts',
        path: ACCOUNT_PATH,
        params: { ids: chunk.join(','), take: MAX_TAKE },
        schema: prmListEnvelopeSchema,
      });
      for (const record of envelope.data.results) {
        const id = (record as { id?: unknown } | null)?.id;
        // A record without an id cannot be matched to its key, so the whole answer is suspect.
        if (typeof id !== 'string') toPartner(record);
        try {
          found.set(String(id), toPartner(record));
        } catch (error) {
          found.set(String(id), error as Error);
        }
      }
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  return {
    http,
    getPartners,
    createLoaders: (context) => ({ partnerById: new DataLoader((ids) => getPartners(ids, context)) }),
  };
}
