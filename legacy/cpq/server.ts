import { randomBytes } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import { createLegacyAdmin, type LegacyAdmin } from '../admin';
import type { Dataset } from '../seed/dataset';
import { matchesConditions, parseSoql, SoqlError } from './soql';

/**
 * A Salesforce-CPQ-like stand-in: OAuth2 client credentials, sObject reads by id, composite reads
 * by id list, and a SOQL-subset query endpoint with Salesforce's paging (nextRecordsUrl).
 * Errors come back as Salesforce does: a JSON array of `{ message, errorCode }`.
 */
export interface CpqOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlMs: number;
  /** Records per query page before `nextRecordsUrl` takes over (Salesforce: 2000). */
  queryBatchSize: number;
}

export const API_BASE = '/services/data/v60.0';

type SObjectRecord = { Id: string } & Record<string, unknown>;
const NUMERIC_VALUE = /^-?\d+(?:\.\d+)?$/;

function sfError(res: Response, status: number, errorCode: string, message: string): void {
  res.status(status).json([{ message, errorCode }]);
}

function publicRecord(record: SObjectRecord): SObjectRecord {
  // Product2 carries its list prices for the generator; the API shows them as price book entries.
  const { prices: _prices, ...rest } = record as SObjectRecord & { prices?: unknown };
  return rest;
}

function project(record: SObjectRecord, fields: string[]): SObjectRecord {
  const projected: SObjectRecord = { attributes: record.attributes, Id: record.Id };
  for (const field of fields) projected[field] = record[field];
  return projected;
}

export function createCpqApp(dataset: Dataset, options: CpqOptions): { app: Express; admin: LegacyAdmin } {
  const app = express();
  app.disable('x-powered-by');
  const admin = createLegacyAdmin(app, 'cpq');
  const tokens = new Map<string, number>();
  const cursors = new Map<string, { rest: SObjectRecord[]; totalSize: number }>();

  const tables = new Map<string, SObjectRecord[]>([
    ['Product2', dataset.products.map((p) => publicRecord(p as unknown as SObjectRecord))],
    ['SBQQ__Quote__c', dataset.quotes as unknown as SObjectRecord[]],
    ['SBQQ__QuoteLine__c', dataset.quoteLines as unknown as SObjectRecord[]],
  ]);
  const byId = new Map<string, Map<string, SObjectRecord>>(
    [...tables].map(([name, rows]) => [name, new Map(rows.map((row) => [row.Id, row]))]),
  );

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

  app.use(API_BASE, (req, res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const expiresAt = token ? tokens.get(token) : undefined;
    if (expiresAt === undefined || expiresAt < Date.now()) {
      if (token) tokens.delete(token);
      sfError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      return;
    }
    next();
  });

  function table(req: Request, res: Response): Map<string, SObjectRecord> | undefined {
    const rows = byId.get(String(req.params.sobject));
    if (!rows)
      sfError(res, 404, 'NOT_FOUND', `sObject type '${String(req.params.sobject)}' is not supported`);
    return rows;
  }

  admin.route('GET', `${API_BASE}/sobjects/:sobject/:id`, (req, res) => {
    const rows = table(req, res);
    if (!rows) return;
    const record = rows.get(String(req.params.id));
    if (!record) {
      sfError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      return;
    }
    res.json(publicRecord(record));
  });

  admin.route('GET', `${API_BASE}/composite/sobjects/:sobject`, (req, res) => {
    const rows = table(req, res);
    if (!rows) return;
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
        const record = rows.get(id);
        if (!record) return null;
        return fields ? project(record, fields) : publicRecord(record);
      }),
    );
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
    const rows = tables.get(query.object);
    if (!rows) {
      sfError(res, 400, 'INVALID_TYPE', `sObject type '${query.object}' is not supported`);
      return;
    }
    const sample = rows[0] ?? {};
    const unknownField = [
      ...(query.fields === 'COUNT' ? [] : query.fields),
      ...query.where.map((c) => c.field),
      ...(query.orderBy ? [query.orderBy.field] : []),
    ].find((field) => !(field in sample));
    if (unknownField) {
      sfError(res, 400, 'INVALID_FIELD', `No such column '${unknownField}' on entity '${query.object}'`);
      return;
    }
    let matched = rows.filter((row) => matchesConditions(row, query.where));
    if (query.orderBy) {
      const { field, direction } = query.orderBy;
      const sign = direction === 'DESC' ? -1 : 1;
      // Amounts travel as decimal strings here, but Salesforce orders number and currency columns by value.
      const byValue = rows.every((row) => NUMERIC_VALUE.test(String(row[field])));
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

  return { app, admin };
}
