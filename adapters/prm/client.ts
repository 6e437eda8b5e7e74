import DataLoader from 'dataloader';
import type {
  Certification,
  Contact,
  DealRegistration,
  DealRegistrationRequest,
  Partner,
} from '../../domain';
import {
  createLegacyHttpClient,
  type BreakerOptions,
  type CallPriority,
  isUpstreamError,
  type LegacyCallContext,
  type LegacyHttpClient,
  type LegacyResilienceOptions,
  staticHeaderAuth,
  UpstreamError,
  mapByKey,
  settlePerKey,
} from '../http';
import { PRM_FAMILIES, toCertification, toContact, toDealRegistration, toPartner } from './mappers';
import { prmItemEnvelopeSchema, prmListEnvelopeSchema } from './types';

export interface PrmConfig extends LegacyResilienceOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  breaker: BreakerOptions;
}

const OBJECTS_PATH = '/api/objects/v1';
const ACCOUNT_PATH = `${OBJECTS_PATH}/Account`;
/** The PRM's largest `take`; id batches are cut to fit one page. */
const MAX_TAKE = 500;
/** Pages followed for one partner's list before the answer is considered runaway. */
const MAX_PAGES = 20;

/**
 * Loaders live for one GraphQL request, so batching and caching never cross tenants or requests.
 * The PRM filters lists by one `accountId` at a time, so the per-partner lists cost one call per
 * partner asked for (all in parallel); a partner user's request only ever asks for its own.
 */
export interface PrmRequestLoaders {
  partnerById: DataLoader<string, Partner | null>;
  contactsByPartnerId: DataLoader<string, Contact[]>;
  certificationsByPartnerId: DataLoader<string, Certification[]>;
  dealRegistrationsByPartnerId: DataLoader<string, DealRegistration[]>;
  /** One call per id: the PRM has no read by id list for registrations. */
  dealRegistrationById: DataLoader<string, DealRegistration | null>;
}

/**
 * Writes, bound to one request's deadline. Its duplicate checks make a repeated registration
 * harmless: a customer and family already registered is refused (409), and a registration with the
 * external reference of an earlier one of the same partner answers that one (200, Impartner's
 * duplicate rule), which also lets a write with a key be retried (see adapters/http/retry.ts).
 */
export interface PrmCommands {
  registerDeal(request: DealRegistrationRequest & { idempotencyKey?: string }): Promise<DealRegistration>;
}

export interface PrmAdapter {
  http: LegacyHttpClient;
  getPartners(ids: readonly string[], context?: LegacyCallContext): Promise<Array<Partner | null | Error>>;
  createLoaders(context?: LegacyCallContext): PrmRequestLoaders;
  createCommands(context?: LegacyCallContext): PrmCommands;
}

/**
 * Which PRM calls keep going when it pushes back (429): the partner record and certifications
 * every quote write checks and deal registrations go on (the latter also find one registration);
 * contact lists, display data only, are shed.
 */
const PRM_PRIORITIES: Readonly<Record<string, CallPriority>> = {
  getAccounts: 'interactive',
  listCertifications: 'interactive',
  getDealRegistration: 'interactive',
  registerDeal: 'interactive',
  listDealRegistrations: 'standard',
  listContacts: 'bulk',
};

export function createPrmAdapter(config: PrmConfig): PrmAdapter {
  const { apiKey, ...options } = config;
  const http = createLegacyHttpClient({
    ...options,
    system: 'prm',
    priorities: PRM_PRIORITIES,
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
      mapByKey(envelope.data.results, (record) => (record as { id?: unknown } | null)?.id, toPartner, found);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  /** Every record of one partner's list, page by page; one malformed record fails the list. */
  async function listOf<T>(
    object: string,
    operation: string,
    partnerId: string,
    map: (record: unknown) => T,
    context: LegacyCallContext,
  ): Promise<T[]> {
    const records: T[] = [];
    for (let page = 0; ; page += 1) {
      if (page >= MAX_PAGES) {
        throw new UpstreamError('UPSTREAM_BAD_RESPONSE', `prm listed more than ${MAX_PAGES} pages`, {
          system: 'prm',
          operation,
          breaker: 'closed',
        });
      }
      const envelope = await http.request({
        ...context,
        operation,
        path: `${OBJECTS_PATH}/${object}`,
        params: { accountId: partnerId, skip: page * MAX_TAKE, take: MAX_TAKE },
        schema: prmListEnvelopeSchema,
      });
      records.push(...envelope.data.results.map(map));
      if (envelope.data.results.length < MAX_TAKE || records.length >= envelope.data.count) return records;
    }
  }

  /** One list call per partner, in parallel; a failure fails only its own partner's key. */
  function perPartner<T>(
    object: string,
    operation: string,
    map: (record: unknown) => T,
    context: LegacyCallContext,
  ): DataLoader<string, T[]> {
    return new DataLoader((partnerIds) =>
      settlePerKey(partnerIds, (partnerId) => listOf(object, operation, partnerId, map, context)),
    );
  }

  async function dealRegistration(id: string, context: LegacyCallContext): Promise<DealRegistration | null> {
    try {
      const envelope = await http.request({
        ...context,
        operation: 'getDealRegistration',
        path: `${OBJECTS_PATH}/DealRegistration/${encodeURIComponent(id)}`,
        schema: prmItemEnvelopeSchema,
      });
      return toDealRegistration(envelope.data);
    } catch (error) {
      if (isUpstreamError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  return {
    http,
    getPartners,
    createLoaders: (context = {}) => ({
      partnerById: new DataLoader((ids) => getPartners(ids, context)),
      contactsByPartnerId: perPartner('Contact', 'listContacts', toContact, context),
      certificationsByPartnerId: perPartner('Certification', 'listCertifications', toCertification, context),
      dealRegistrationsByPartnerId: perPartner(
        'DealRegistration',
        'listDealRegistrations',
        toDealRegistration,
        context,
      ),
      dealRegistrationById: new DataLoader(async (ids) =>
        (await Promise.allSettled(ids.map((id) => dealRegistration(id, context)))).map((result) =>
          result.status === 'fulfilled' ? result.value : (result.reason as Error),
        ),
      ),
    }),
    createCommands: (context = {}) => ({
      async registerDeal(request) {
        const envelope = await http.request({
          ...context,
          operation: 'registerDeal',
          method: 'POST',
          path: `${OBJECTS_PATH}/DealRegistration`,
          idempotencyKey: request.idempotencyKey,
          body: {
            ...(request.idempotencyKey === undefined ? {} : { externalReference: request.idempotencyKey }),
            accountId: request.partnerId,
            customerName: request.customerName,
            customerAccountId: request.customerAccountId,
            productFamily: PRM_FAMILIES[request.productFamily],
            estimatedAmount: request.estimatedAmount,
          },
          schema: prmItemEnvelopeSchema,
        });
        return toDealRegistration(envelope.data);
      },
    }),
  };
}
