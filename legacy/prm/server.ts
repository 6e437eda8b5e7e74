import Decimal from 'decimal.js';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import { createLegacyAdmin, type LegacyAdmin } from '../admin';
import { addDays, sequenceNumber, utcToday } from '../seed/common';
import type { Dataset, PrmTierName } from '../seed/dataset';
import { DEAL_REGISTRATION_DAYS, type PrmDealRegistration } from '../seed/prm';
import { createLoadShedding, type PrmLoadLimits } from './load-shedding';

/**
 * An Impartner-like PRM stand-in: partner accounts, contacts, certifications and deal registrations
 * over REST, an API key in the `Authorization: prm-key <key>` header, skip/take paging, Impartner's
 * envelope `{ success, message, data: { count, results } }`, and 429 with Retry-After under load.
 */
export interface PrmOptions extends PrmLoadLimits {
  apiKey: string;
  /** The business date (YYYY-MM-DD) new registrations are submitted on; the UTC date by default. */
  today?: () => string;
}

export const PRM_BASE = '/api/objects/v1';
const MAX_TAKE = 500;

/** The protected discount a newly submitted registration asks for, by partner tier. */
export const REGISTRATION_DISCOUNT_PERCENT: Record<PrmTierName, string> = {
  Registered: '3.00',
  Silver: '4.00',
  Gold: '5.00',
  Platinum: '6.00',
};

function fail(res: Response, status: number, message: string): void {
  res.status(status).json({ success: false, message, data: null });
}

const newRegistrationSchema = z
  .object({
    accountId: z.string().min(1),
    customerName: z.string().trim().min(1).max(200),
    customerAccountId: z.string().min(1).nullable().default(null),
    productFamily: z.enum(['Network', 'Security', 'Cloud', 'Support']),
    estimatedAmount: z.string().regex(/^\d+(\.\d{1,2})?$/, 'expected a decimal string with up to 2 places'),
    /** The caller's own reference; one per partner account (the duplicate rule below). */
    externalReference: z.string().min(1).max(255).optional(),
  })
  .strict();

type StoredRegistration = PrmDealRegistration & { externalReference?: string };

export function createPrmApp(dataset: Dataset, options: PrmOptions): { app: Express; admin: LegacyAdmin } {
  const app = express();
  app.disable('x-powered-by');
  const admin = createLegacyAdmin(app, 'prm');
  const today = options.today ?? utcToday;
  const accounts = new Map(dataset.partners.map((partner) => [partner.id, partner]));
  const registrations: StoredRegistration[] = [...dataset.dealRegistrations];

  app.use(
    PRM_BASE,
    createLoadShedding(options, (res, retryAfterSeconds) => {
      res.setHeader('Retry-After', String(retryAfterSeconds));
      fail(res, 429, 'Too many requests, retry later');
    }),
    (req, res, next) => {
      if (req.get('authorization') !== `prm-key ${options.apiKey}`) {
        fail(res, 401, 'Invalid or missing API key');
        return;
      }
      next();
    },
    express.json(),
  );

  /** skip and take from the query, or undefined after answering 400. */
  function paging(req: Request, res: Response): { skip: number; take: number } | undefined {
    const skip = Number(req.query.skip ?? 0);
    const take = Number(req.query.take ?? 100);
    if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(take) || take < 1 || take > MAX_TAKE) {
      fail(res, 400, `skip must be a non-negative integer and take an integer from 1 to ${MAX_TAKE}`);
      return undefined;
    }
    return { skip, take };
  }

  function sendPage<T>(res: Response, matched: T[], page: { skip: number; take: number }): void {
    res.json({
      success: true,
      message: null,
      data: { count: matched.length, results: matched.slice(page.skip, page.skip + page.take) },
    });
  }

  /** A list with skip/take, filtered by the listed query parameters (exact match on the field). */
  function listRoute<T extends { id: string }>(
    object: string,
    records: () => T[],
    filters: Array<keyof T & string>,
  ): void {
    admin.route('GET', `${PRM_BASE}/${object}/:id`, (req, res) => {
      const record = records().find((candidate) => candidate.id === req.params.id);
      if (!record) {
        fail(res, 404, `${object} ${String(req.params.id)} not found`);
        return;
      }
      res.json({ success: true, message: null, data: record });
    });
    admin.route('GET', `${PRM_BASE}/${object}`, (req, res) => {
      const page = paging(req, res);
      if (!page) return;
      const active = filters.flatMap((field) =>
        typeof req.query[field] === 'string' ? [[field, req.query[field]] as const] : [],
      );
      sendPage(
        res,
        records().filter((record) => active.every(([field, value]) => String(record[field]) === value)),
        page,
      );
    });
  }

  admin.route('GET', `${PRM_BASE}/Account/:id`, (req, res) => {
    const account = accounts.get(String(req.params.id));
    if (!account) {
      fail(res, 404, `Account ${String(req.params.id)} not found`);
      return;
    }
    res.json({ success: true, message: null, data: account });
  });

  admin.route('GET', `${PRM_BASE}/Account`, (req, res) => {
    const page = paging(req, res);
    if (!page) return;
    const ids = typeof req.query.ids === 'string' ? req.query.ids.split(',').filter(Boolean) : undefined;
    sendPage(res, ids ? ids.flatMap((id) => accounts.get(id) ?? []) : dataset.partners, page);
  });

  listRoute('Contact', () => dataset.contacts, ['accountId', 'role', 'status']);
  listRoute('Certification', () => dataset.certifications, ['accountId', 'productFamily', 'status']);

  admin.route('POST', `${PRM_BASE}/DealRegistration`, (req, res) => {
    const parsed = newRegistrationSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      fail(res, 400, `${issue.path.join('.') || 'body'}: ${issue.message}`);
      return;
    }
    const request = parsed.data;
    const partner = accounts.get(request.accountId);
    if (!partner) {
      fail(res, 400, `accountId: no partner account ${request.accountId}`);
      return;
    }
    // Impartner's duplicate rule: the partner's own earlier registration with this reference is the
    // answer, so a request repeated after a lost answer never registers twice.
    const duplicate =
      request.externalReference === undefined
        ? undefined
        : registrations.find(
            (r) => r.accountId === partner.id && r.externalReference === request.externalReference,
          );
    if (duplicate) {
      res.status(200).json({ success: true, message: `Duplicate of ${duplicate.id}`, data: duplicate });
      return;
    }
    const submittedOn = today();
    const holder = registrations.find(
      (r) =>
        r.customerName.toLowerCase() === request.customerName.toLowerCase() &&
        r.productFamily === request.productFamily &&
        (r.status === 'Approved' || r.status === 'Submitted') &&
        r.expiresOn >= submittedOn,
    );
    if (holder) {
      fail(
        res,
        409,
        holder.accountId === partner.id
          ? `Already registered as ${holder.id}`
          : `Channel conflict: ${request.customerName} (${request.productFamily}) is registered by another partner`,
      );
      return;
    }
    const registration: StoredRegistration = {
      id: sequenceNumber('DR-', registrations.length + 1, 6),
      accountId: partner.id,
      customerName: request.customerName,
      customerAccountId: request.customerAccountId,
      productFamily: request.productFamily,
      estimatedAmount: new Decimal(request.estimatedAmount).toFixed(2),
      currencyCode: partner.currencyCode,
      status: 'Submitted',
      submittedOn,
      expiresOn: addDays(submittedOn, DEAL_REGISTRATION_DAYS),
      protectedDiscountPercent: REGISTRATION_DISCOUNT_PERCENT[partner.partnerLevel.name],
      ...(request.externalReference === undefined ? {} : { externalReference: request.externalReference }),
    };
    registrations.push(registration);
    res.status(201).json({ success: true, message: null, data: registration });
  });
  listRoute('DealRegistration', () => registrations, ['accountId', 'status', 'productFamily']);

  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (res.headersSent || error.type !== 'entity.parse.failed') {
      next(error);
      return;
    }
    fail(res, 400, 'The request body is not valid JSON');
  };
  app.use(bodyErrors);

  return { app, admin };
}
