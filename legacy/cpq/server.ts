import { randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import { createLegacyAdmin, type LegacyAdmin } from '../admin';
import { utcToday } from '../seed/common';
import type { Dataset } from '../seed/dataset';
import { createApiLimit, type ApiRequestLimit } from './api-limit';
import { IDEMPOTENCY_KEY_FIELD, QuoteService, type Outcome } from './quotes';
import { CpqStore, etagOf, publicRecord, type SObjectRecord } from './store';
import { matchesConditions, parseSoql, SoqlError } from './soql';

/**
 * A Salesforce-CPQ-like stand-in: OAuth2 client credentials, sObject reads by id, composite reads
 * by id list, a SOQL-subset query endpoint with Salesforce's paging (nextRecordsUrl), quote and
 * quote line writes (with Salesforce's conditional requests and external-id upserts), a price
 * calculation endpoint and an API request limit.
 * Errors come back as Salesforce does: a JSON array of `{ message, errorCode }`.
 */
export interface CpqOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlMs: number;
  /** Records per query page before `nextRecordsUrl` takes over (Salesforce: 2000). */
  queryBatchSize: number;
  /** API requests allowed per window, then 403 REQUEST_LIMIT_EXCEEDED; no limit when absent. */
  apiRequestLimit?: ApiRequestLimit;
  /** The business date (YYYY-MM-DD) for pricing and new quotes; the UTC date by default. */
  today?: () => string;
}

export const API_BASE = '/services/data/v60.0';
export const APEX_BASE = '/services/apexrest';

const NUMERIC_VALUE = /^-?\d+(?:\.\d+)?$/;
const WRITABLE_TYPES = new Set(['SBQQ__Quote__c', 'SBQQ__QuoteLine__c']);

function sfError(res: Response, status: number, errorCode: string, message: string, fields?: string[]): void {
  res.status(status).json([{ message, errorCode, ...(fields ? { fields } : {}) }]);
}

/**
 * Salesforce's conditional write: `If-Match` (entity tags, or `*`) and, without it,
 * `If-Unmodified-Since` (an HTTP date, so to the second) against the record as it is now.
 */
function preconditionFailed(req: Request, record: SObjectRecord): boolean {
  if (record.LastModifiedDate === undefined) return false;
  const ifMatch = req.get('if-match');
  if (ifMatch !== undefined) {
    const tags = ifMatch.split(',').map((tag) => tag.trim());
    return !tags.includes('*') && !tags.includes(etagOf(record));
  }
  const since = Date.parse(req.get('if-unmodified-since') ?? '');
  if (Number.isNaN(since)) return false;
  const modifiedSecond = Math.floor(Date.parse(String(record.LastModifiedDate)) / 1000) * 1000;
  return modifiedSecond > since;
}

function project(record: SObjectRecord, fields: string[]): SObjectRecord {
  const projected: SObjectRecord = { attributes: record.attributes, Id: record.Id };
  for (const field of fields) projected[field] = record[field];
  return projected;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const percent = z.union([z.string(), z.number()]).transform(String);
const calculateSchema = z.union([
  z
    .object({ quoteId: z.string().min(1), save: z.boolean().optional(), pricingDate: isoDate.optional() })
    .strict(),
  z
    .object({
      partnerId: z.string().min(1),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      dealRegistrationId: z.string().min(1).optional(),
      pricingDate: isoDate.optional(),
      lines: z
        .array(
          z
            .object({
              productCode: z.string().min(1).optional(),
              productId: z.string().min(1).optional(),
              quantity: z.number(),
              additionalDiscount: percent.optional(),
            })
            .strict()
            .refine((line) => (line.productCode === undefined) !== (line.productId === undefined), {
              message: 'give productCode or productId',
            }),
        )
        .min(1)
        .max(200),
    })
    .strict(),
]);

export function createCpqApp(dataset: Dataset, options: CpqOptions): { app: Express; admin: LegacyAdmin } {
  const app = express();
  app.disable('x-powered-by');
  const tokens = new Map<string, number>();
  const admin = createLegacyAdmin(app, 'cpq', { expireTokens: () => tokens.clear() });
  const cursors = new Map<string, { rest: SObjectRecord[]; totalSize: number }>();
  const store = new CpqStore(dataset);
  const today = options.today ?? utcToday;
  const quotes = new QuoteService(store, dataset, today);
  const apiLimit = createApiLimit(options.apiRequestLimit, sfError);

  app.use('/services/oauth2/token', express.urlencoded({ extended: false }), express.json());
  admin.route('POST', '/services/oauth2/token', (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') {
      res
        .status(400)
        .json({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
      return;
    }
    if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret) {
      res.status(400).json({ error: 'invalid_client', error_description: 'invalid client credentials' });
      return;
    }
    const token = `00D${randomBytes(24).toString('base64url')}`;
    tokens.set(token, Date.now() + options.tokenTtlMs);
    res.json({
      access_token: token,
      instance_url: `${req.protocol}://${req.get('host')}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
    });
  });

  app.use(
    [API_BASE, APEX_BASE],
    (req, res, next) => {
      const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      const expiresAt = token ? tokens.get(token) : undefined;
      if (expiresAt === undefined || expiresAt < Date.now()) {
        if (token) tokens.delete(token);
        sfError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        return;
      }
      next();
    },
    apiLimit.middleware,
    express.json(),
  );

  function knownType(req: Request, res: Response): string | undefined {
    const type = String(req.params.sobject);
    if (!store.has(type)) {
      sfError(res, 404, 'NOT_FOUND', `sObject type '${type}' is not supported`);
      return undefined;
    }
    return type;
  }

  admin.route('GET', `${API_BASE}/limits`, (_req, res) => {
    const usage = apiLimit.usage();
    res.json({ DailyApiRequests: usage ? { Max: usage.max, Remaining: usage.remaining } : null });
  });

  admin.route('GET', `${API_BASE}/sobjects/:sobject/:id`, (req, res) => {
    const type = knownType(req, res);
    if (!type) return;
    const record = store.get(type, String(req.params.id));
    if (!record) {
      sfError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      return;
    }
    if (record.LastModifiedDate !== undefined) {
      res.set('ETag', etagOf(record));
      res.set('Last-Modified', new Date(String(record.LastModifiedDate)).toUTCString());
    }
    res.json(publicRecord(record));
  });

  admin.route('GET', `${API_BASE}/composite/sobjects/:sobject`, (req, res) => {
    const type = knownType(req, res);
    if (!type) return;
    const ids = String(req.query.ids ?? '')
      .split(',')
      .filter(Boolean);
    if (ids.length === 0 || ids.length > 2000) {
      sfError(res, 400, 'INVALID_QUERY_PARAMETER', 'ids must list 1 to 2000 record ids');
      return;
    }
    const fields = req.query.fields ? String(req.query.fields).split(',') : undefined;
    res.json(
      ids.map((id) => {
        const record = store.get(type, id);
        if (!record) return null;
        return fields ? project(record, fields) : publicRecord(record);
      }),
    );
  });

  function answer<T>(res: Response, outcome: Outcome<T>, success: (value: T) => void): void {
    if ('error' in outcome) {
      const { status, errorCode, message, fields } = outcome.error;
      sfError(res, status, errorCode, message, fields);
      return;
    }
    success(outcome.ok);
  }

  function writableType(req: Request, res: Response): string | undefined {
    const type = knownType(req, res);
    if (!type) return undefined;
    if (!WRITABLE_TYPES.has(type)) {
      sfError(res, 400, 'INVALID_TYPE_FOR_OPERATION', `${type} is read-only through this API`);
      return undefined;
    }
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      sfError(res, 400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
      return undefined;
    }
    return type;
  }

  admin.route('POST', `${API_BASE}/sobjects/:sobject`, (req, res) => {
    const type = writableType(req, res);
    if (!type) return;
    const body = req.body as Record<string, unknown>;
    const created = type === 'SBQQ__Quote__c' ? quotes.createQuote(body) : quotes.createLine(body);
    answer(res, created, (id) => void res.status(201).json({ id, success: true, errors: [] }));
  });

  /** Answers 412 when the request is conditional and the record changed since; true if it did. */
  function refusedByPrecondition(req: Request, res: Response, type: string, id: string): boolean {
    const record = store.get(type, id);
    if (!record || !preconditionFailed(req, record)) return false;
    sfError(
      res,
      412,
      'PRECONDITION_FAILED',
      `The ${type} record ${id} has changed since the version the request names (If-Match / If-Unmodified-Since)`,
    );
    return true;
  }

  admin.route('PATCH', `${API_BASE}/sobjects/:sobject/:field/:value`, (req, res) => {
    const type = writableType(req, res) as 'SBQQ__Quote__c' | 'SBQQ__QuoteLine__c' | undefined;
    if (!type) return;
    if (req.params.field !== IDEMPOTENCY_KEY_FIELD) {
      sfError(
        res,
        400,
        'INVALID_FIELD',
        `Field ${String(req.params.field)} is not an External ID or indexed field for ${type}`,
      );
      return;
    }
    const upserted = quotes.upsert(type, String(req.params.value), req.body as Record<string, unknown>);
    answer(
      res,
      upserted,
      ({ id, created }) =>
        void res.status(created ? 201 : 200).json({ id, success: true, errors: [], created }),
    );
  });

  admin.route('PATCH', `${API_BASE}/sobjects/:sobject/:id`, (req, res) => {
    const type = writableType(req, res);
    if (!type) return;
    const id = String(req.params.id);
    if (refusedByPrecondition(req, res, type, id)) return;
    const body = req.body as Record<string, unknown>;
    const updated = type === 'SBQQ__Quote__c' ? quotes.updateQuote(id, body) : quotes.updateLine(id, body);
    answer(res, updated, () => void res.status(204).end());
  });

  admin.route('DELETE', `${API_BASE}/sobjects/:sobject/:id`, (req, res) => {
    const type = knownType(req, res);
    if (!type) return;
    if (!WRITABLE_TYPES.has(type)) {
      sfError(res, 400, 'INVALID_TYPE_FOR_OPERATION', `${type} is read-only through this API`);
      return;
    }
    const id = String(req.params.id);
    if (refusedByPrecondition(req, res, type, id)) return;
    const deleted = type === 'SBQQ__Quote__c' ? quotes.deleteQuote(id) : quotes.deleteLine(id);
    answer(res, deleted, () => void res.status(204).end());
  });

  admin.route('POST', `${APEX_BASE}/quote/calculate`, (req, res) => {
    const parsed = calculateSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sfError(res, 400, 'APEX_ERROR', `${issue.path.join('.') || 'body'}: ${issue.message}`);
      return;
    }
    answer(res, quotes.calculate(parsed.data), (calculation) => void res.json(calculation));
  });

  function sendPage(res: Response, records: SObjectRecord[], totalSize: number): void {
    const page = records.slice(0, options.queryBatchSize);
    const rest = records.slice(options.queryBatchSize);
    let nextRecordsUrl: string | undefined;
    if (rest.length > 0) {
      const cursor = `01g${randomBytes(9).toString('hex')}-${options.queryBatchSize}`;
      cursors.set(cursor, { rest, totalSize });
      if (cursors.size > 1000) cursors.delete(cursors.keys().next().value as string);
      nextRecordsUrl = `${API_BASE}/query/${cursor}`;
    }
    res.json({
      totalSize,
      done: nextRecordsUrl === undefined,
      records: page,
      ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
    });
  }

  admin.route('GET', `${API_BASE}/query`, (req, res) => {
    let query;
    try {
      query = parseSoql(String(req.query.q ?? ''));
    } catch (error) {
      sfError(res, 400, 'MALFORMED_QUERY', error instanceof SoqlError ? error.message : 'malformed query');
      return;
    }
    if (!store.has(query.object)) {
      sfError(res, 400, 'INVALID_TYPE', `sObject type '${query.object}' is not supported`);
      return;
    }
    const known = store.fields(query.object);
    const unknownField = [
      ...(query.fields === 'COUNT' ? [] : query.fields),
      ...query.where.map((c) => c.field),
      ...(query.orderBy ? [query.orderBy.field] : []),
    ].find((field) => !known.has(field));
    if (unknownField) {
      sfError(res, 400, 'INVALID_FIELD', `No such column '${unknownField}' on entity '${query.object}'`);
      return;
    }
    // An = or IN condition reads through the store's index; the other conditions filter what it finds.
    const equality = query.where.find((condition) => condition.operator !== '!=');
    const rows = equality
      ? store.matching(query.object, equality.field, equality.values)
      : store.all(query.object);
    let matched = rows.filter((row) => matchesConditions(row, query.where));
    if (query.orderBy) {
      const { field, direction } = query.orderBy;
      const sign = direction === 'DESC' ? -1 : 1;
      // Amounts travel as decimal strings here, but Salesforce orders number and currency columns by value.
      const byValue = matched.every((row) => NUMERIC_VALUE.test(String(row[field])));
      const compare = byValue
        ? (a: SObjectRecord, b: SObjectRecord) => Number(a[field]) - Number(b[field])
        : (a: SObjectRecord, b: SObjectRecord) => String(a[field]).localeCompare(String(b[field]));
      matched = [...matched].sort((a, b) => sign * compare(a, b));
    }
    matched = matched.slice(
      query.offset ?? 0,
      query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit,
    );
    if (query.fields === 'COUNT') {
      res.json({ totalSize: matched.length, done: true, records: [] });
      return;
    }
    const fields = query.fields;
    sendPage(
      res,
      matched.map((row) =>
        project(
          row,
          fields.filter((f) => f !== 'Id'),
        ),
      ),
      matched.length,
    );
  });

  admin.route('GET', `${API_BASE}/query/:cursor`, (req, res) => {
    const pending = cursors.get(String(req.params.cursor));
    if (!pending) {
      sfError(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return;
    }
    cursors.delete(String(req.params.cursor));
    sendPage(res, pending.rest, pending.totalSize);
  });

  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (res.headersSent || error.type !== 'entity.parse.failed') {
      next(error);
      return;
    }
    sfError(res, 400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
  };
  app.use(bodyErrors);

  return { app, admin };
}
