import { randomBytes, randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import { createLegacyAdmin, type LegacyAdmin } from '../admin';
import { utcToday } from '../seed/common';
import type { Dataset, Invoice } from '../seed/dataset';
import { IdempotencyStore, type StoredAnswer } from './idempotency';
import { BillingStore, REASON_CODES, type Reason } from './store';

/**
 * A Zuora-like billing stand-in: OAuth2 client credentials (`POST /oauth/token`), accounts,
 * subscriptions with rate plan charges, invoices with items, payments and partner payouts with
 * revenue-share splits, under `/v1`.
 *
 * Its quirk, as Zuora's: a business error (unknown account, invalid field, unpaid invoice) is
 * HTTP 200 with `{ success: false, reasons: [{ code, message }] }`; only a missing or expired token
 * (401), an idempotency conflict (409) and failures (5xx) use the HTTP status. Create calls honour
 * `Idempotency-Key`.
 */
export interface BillingOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlMs: number;
  /** The business date (YYYY-MM-DD) payouts are dated; the UTC date by default. */
  today?: () => string;
}

export const BILLING_API_BASE = '/v1';
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
const MAX_BATCH_IDS = 100;

function reasons(res: Response, status: number, ...list: Reason[]): void {
  res.status(status).json({ success: false, processId: randomBytes(8).toString('hex'), reasons: list });
}

/** Business errors travel as HTTP 200: Zuora's quirk. */
function businessError(res: Response, reason: Reason): void {
  reasons(res, 200, reason);
}

function idList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').filter(Boolean) : [];
}

/** Zuora's paging: `page` from 1, `pageSize` up to 100, and a `nextPage` URL while there is more. */
function paged<T>(req: Request, res: Response, items: T[]): { page: T[]; nextPage?: string } | undefined {
  const page = Number(req.query.page ?? 1);
  const pageSize = Number(req.query.pageSize ?? DEFAULT_PAGE_SIZE);
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > MAX_PAGE_SIZE
  ) {
    businessError(res, {
      code: REASON_CODES.invalidValue,
      message: `page must be an integer from 1 and pageSize an integer from 1 to ${MAX_PAGE_SIZE}`,
    });
    return undefined;
  }
  const start = (page - 1) * pageSize;
  if (start + pageSize >= items.length) return { page: items.slice(start, start + pageSize) };
  const next = new URLSearchParams(req.query as Record<string, string>);
  next.set('page', String(page + 1));
  next.set('pageSize', String(pageSize));
  return { page: items.slice(start, start + pageSize), nextPage: `${req.baseUrl}${req.path}?${next}` };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const decimalString = z.string().regex(/^\d+(\.\d{1,2})?$/, 'expected a decimal string with up to 2 places');

const newSubscriptionSchema = z
  .object({
    accountKey: z.string().min(1),
    contractEffectiveDate: isoDate,
    initialTerm: z.number().int().min(1).max(120).default(12),
    QuoteId__c: z.string().min(1).optional(),
    OpportunityId__c: z.string().min(1).optional(),
    runBilling: z.boolean().default(false),
    subscribeToRatePlans: z
      .array(
        z
          .object({
            productCode: z.string().min(1),
            quantity: z.number().int().min(1),
            price: decimalString.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

const newPayoutSchema = z.object({ invoiceId: z.string().min(1) }).strict();

function invalidBody(error: z.ZodError): Reason {
  const issue = error.issues[0]!;
  const missing = issue.code === 'invalid_type' && issue.message.includes('undefined');
  return {
    code: missing ? REASON_CODES.missingValue : REASON_CODES.invalidValue,
    message: `${issue.path.join('.') || 'body'}: ${issue.message}`,
  };
}

export function createBillingApp(
  dataset: Dataset,
  options: BillingOptions,
): { app: Express; admin: LegacyAdmin } {
  const today = options.today ?? utcToday;
  const app = express();
  app.disable('x-powered-by');
  const tokens = new Map<string, number>();
  const admin = createLegacyAdmin(app, 'billing', {
    renderError: (res, status, errorCode, message) =>
      reasons(res, status, { code: REASON_CODES.internal, message: `${errorCode}: ${message}` }),
    expireTokens: () => tokens.clear(),
  });
  const store = new BillingStore(dataset);
  const idempotency = new IdempotencyStore();

  app.use('/oauth/token', express.urlencoded({ extended: false }), express.json());
  admin.route('POST', '/oauth/token', (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') {
      res
        .status(400)
        .json({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
      return;
    }
    if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret) {
      res.status(401).json({ error: 'invalid_client', error_description: 'invalid client credentials' });
      return;
    }
    const token = randomBytes(24).toString('hex');
    tokens.set(token, Date.now() + options.tokenTtlMs);
    res.json({
      access_token: token,
      token_type: 'bearer',
      expires_in: Math.floor(options.tokenTtlMs / 1000),
      scope: 'entity.default',
      jti: randomUUID(),
    });
  });

  app.use(
    BILLING_API_BASE,
    (req, res, next) => {
      const token = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
      const expiresAt = token ? tokens.get(token) : undefined;
      if (expiresAt === undefined || expiresAt < Date.now()) {
        if (token) tokens.delete(token);
        reasons(res, 401, { code: REASON_CODES.authentication, message: 'Authentication error' });
        return;
      }
      next();
    },
    express.json(),
  );

  const withItems = (invoice: Invoice) => ({
    ...invoice,
    invoiceItems: store.itemsByInvoice.get(invoice.id),
  });

  admin.route('GET', `${BILLING_API_BASE}/accounts`, (req, res) => {
    const partnerId = typeof req.query.partnerId === 'string' ? req.query.partnerId : undefined;
    if (!partnerId) {
      businessError(res, { code: REASON_CODES.missingValue, message: 'partnerId is required' });
      return;
    }
    const result = paged(req, res, store.accountsByPartner.get(partnerId));
    if (result)
      res.json({
        success: true,
        accounts: result.page,
        ...(result.nextPage ? { nextPage: result.nextPage } : {}),
      });
  });

  admin.route('GET', `${BILLING_API_BASE}/accounts/:accountKey`, (req, res) => {
    const account = store.account(String(req.params.accountKey));
    if (!account) {
      businessError(res, notFoundReason(REASON_CODES.accountNotFound, String(req.params.accountKey)));
      return;
    }
    const { billToContact, billCycleDay, paymentTerm, currency, ...basicInfo } = account;
    const balance = store.accountBalance(account);
    res.json({
      success: true,
      basicInfo,
      billingAndPayment: { billCycleDay, currency, paymentTerm },
      billToContact,
      metrics: { balance, totalInvoiceBalance: balance, currency },
    });
  });

  admin.route('GET', `${BILLING_API_BASE}/subscriptions/accounts/:accountKey`, (req, res) => {
    const account = store.account(String(req.params.accountKey));
    if (!account) {
      businessError(res, notFoundReason(REASON_CODES.accountNotFound, String(req.params.accountKey)));
      return;
    }
    const result = paged(req, res, store.subscriptionsByAccount.get(account.id));
    if (result)
      res.json({
        success: true,
        subscriptions: result.page,
        ...(result.nextPage ? { nextPage: result.nextPage } : {}),
      });
  });

  admin.route('GET', `${BILLING_API_BASE}/subscriptions`, (req, res) => {
    const quoteIds = idList(req.query.quoteIds);
    if (quoteIds.length === 0 || quoteIds.length > MAX_BATCH_IDS) {
      businessError(res, {
        code: REASON_CODES.invalidValue,
        message: `quoteIds must list 1 to ${MAX_BATCH_IDS} quote ids`,
      });
      return;
    }
    res.json({ success: true, subscriptions: quoteIds.flatMap((id) => store.subscriptionsByQuote.get(id)) });
  });

  admin.route('GET', `${BILLING_API_BASE}/subscriptions/:subscriptionKey`, (req, res) => {
    const subscription = store.subscription(String(req.params.subscriptionKey));
    if (!subscription) {
      businessError(
        res,
        notFoundReason(REASON_CODES.subscriptionNotFound, String(req.params.subscriptionKey)),
      );
      return;
    }
    res.json({ success: true, ...subscription });
  });

  function idempotent(routeKey: string, req: Request, res: Response, create: () => StoredAnswer): void {
    const key = req.get('idempotency-key');
    if (!key) {
      const answer = create();
      res.status(answer.status).json(answer.body);
      return;
    }
    const outcome = idempotency.run(routeKey, key, req.body, create);
    if (outcome.kind === 'conflict') {
      reasons(res, 409, {
        code: REASON_CODES.idempotencyConflict,
        message: `Idempotency-Key '${key}' was already used with a different request body.`,
      });
      return;
    }
    if (outcome.kind === 'replayed') res.setHeader('Idempotent-Replayed', 'true');
    res.status(outcome.answer.status).json(outcome.answer.body);
  }

  admin.route('POST', `${BILLING_API_BASE}/subscriptions`, (req, res) => {
    idempotent('POST /v1/subscriptions', req, res, () => {
      const parsed = newSubscriptionSchema.safeParse(req.body);
      if (!parsed.success) return { status: 200, body: failure(invalidBody(parsed.error)) };
      const created = store.createSubscription(parsed.data);
      if ('reason' in created) return { status: 200, body: failure(created.reason) };
      const { subscription, invoice } = created.ok;
      return {
        status: 200,
        body: {
          success: true,
          subscriptionId: subscription.id,
          subscriptionNumber: subscription.subscriptionNumber,
          totalContractedValue: subscription.totalContractedValue,
          ...(invoice ? { invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber } : {}),
        },
      };
    });
  });

  admin.route('GET', `${BILLING_API_BASE}/invoices`, (req, res) => {
    const accountIds = idList(req.query.accountIds);
    const quoteIds = idList(req.query.quoteIds);
    const ids = accountIds.length > 0 ? accountIds : quoteIds;
    if (accountIds.length > 0 === quoteIds.length > 0 || ids.length > MAX_BATCH_IDS) {
      businessError(res, {
        code: REASON_CODES.invalidValue,
        message: `give either accountIds or quoteIds, 1 to ${MAX_BATCH_IDS} ids`,
      });
      return;
    }
    const invoices =
      accountIds.length > 0
        ? accountIds.flatMap((key) => {
            const account = store.account(key);
            return account ? store.invoicesByAccount.get(account.id) : [];
          })
        : quoteIds.flatMap((id) => store.invoicesByQuote.get(id));
    res.json({ success: true, invoices: invoices.map(withItems) });
  });

  admin.route('GET', `${BILLING_API_BASE}/invoices/:invoiceKey/items`, (req, res) => {
    const invoice = store.invoice(String(req.params.invoiceKey));
    if (!invoice) {
      businessError(res, notFoundReason(REASON_CODES.invoiceNotFound, String(req.params.invoiceKey)));
      return;
    }
    res.json({ success: true, invoiceItems: store.itemsByInvoice.get(invoice.id) });
  });

  admin.route('GET', `${BILLING_API_BASE}/invoices/:invoiceKey`, (req, res) => {
    const invoice = store.invoice(String(req.params.invoiceKey));
    if (!invoice) {
      businessError(res, notFoundReason(REASON_CODES.invoiceNotFound, String(req.params.invoiceKey)));
      return;
    }
    res.json({ success: true, ...withItems(invoice) });
  });

  admin.route('GET', `${BILLING_API_BASE}/transactions/payments/accounts/:accountKey`, (req, res) => {
    const account = store.account(String(req.params.accountKey));
    if (!account) {
      businessError(res, notFoundReason(REASON_CODES.accountNotFound, String(req.params.accountKey)));
      return;
    }
    const result = paged(req, res, store.paymentsByAccount.get(account.id));
    if (result)
      res.json({
        success: true,
        payments: result.page,
        ...(result.nextPage ? { nextPage: result.nextPage } : {}),
      });
  });

  admin.route('GET', `${BILLING_API_BASE}/payments/:paymentId`, (req, res) => {
    const payment = store.payment(String(req.params.paymentId));
    if (!payment) {
      businessError(res, notFoundReason(REASON_CODES.paymentNotFound, String(req.params.paymentId)));
      return;
    }
    res.json({ success: true, ...payment });
  });

  admin.route('GET', `${BILLING_API_BASE}/payouts`, (req, res) => {
    const partnerId = typeof req.query.partnerId === 'string' ? req.query.partnerId : undefined;
    if (!partnerId) {
      businessError(res, { code: REASON_CODES.missingValue, message: 'partnerId is required' });
      return;
    }
    const result = paged(req, res, store.payoutsByPartner.get(partnerId));
    if (result)
      res.json({
        success: true,
        payouts: result.page,
        ...(result.nextPage ? { nextPage: result.nextPage } : {}),
      });
  });

  admin.route('GET', `${BILLING_API_BASE}/payouts/:payoutId`, (req, res) => {
    const payout = store.payout(String(req.params.payoutId));
    if (!payout) {
      businessError(res, notFoundReason(REASON_CODES.payoutNotFound, String(req.params.payoutId)));
      return;
    }
    res.json({ success: true, ...payout });
  });

  admin.route('POST', `${BILLING_API_BASE}/payouts`, (req, res) => {
    idempotent('POST /v1/payouts', req, res, () => {
      const parsed = newPayoutSchema.safeParse(req.body);
      if (!parsed.success) return { status: 200, body: failure(invalidBody(parsed.error)) };
      const created = store.createPayout(parsed.data.invoiceId, today());
      if ('reason' in created) return { status: 200, body: failure(created.reason) };
      return { status: 200, body: { success: true, ...created.ok } };
    });
  });

  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error.type === 'entity.parse.failed') {
      businessError(res, { code: REASON_CODES.malformedRequest, message: 'Malformed JSON request body.' });
      return;
    }
    reasons(res, 500, { code: REASON_CODES.internal, message: 'Internal error.' });
  };
  app.use(bodyErrors);

  return { app, admin };
}

function failure(reason: Reason): { success: false; processId: string; reasons: Reason[] } {
  return { success: false, processId: randomBytes(8).toString('hex'), reasons: [reason] };
}

function notFoundReason(code: number, key: string): Reason {
  return { code, message: `Cannot find entity by key: '${key}'.` };
}
