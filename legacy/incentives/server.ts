import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import { createLegacyAdmin, type LegacyAdmin, type LegacyHandler } from '../admin';
import type { Dataset } from '../seed/dataset';
import { ledgerReferenceData } from '../seed/incentives';
import { IncentiveLedger, type IncentiveTransaction } from './ledger';
import {
  accrualXml,
  pagingXml,
  parseXml,
  programXml,
  sendFault,
  sendXml,
  transactionXml,
  type Paging,
} from './xml';

/**
 * An older commission system: XML over HTTP with Basic authentication under `/ics/v1`. Programs and
 * their rules, a ledger of accruals per partner, and a queue of transactions (accepted deals) that
 * only the nightly batch (`POST /__batch/run`) turns into accruals: the ledger never changes in
 * between. Lists page by page number. Slow by nature: every business call takes `latencyMs`.
 */
export interface IncentivesOptions {
  username: string;
  password: string;
  /** Each business call waits a random time in [min, max] ms (the real system: 100-300 ms). */
  latencyMs: { min: number; max: number };
}

export const INCENTIVES_BASE = '/ics/v1';
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
const MAX_BATCH_IDS = 100;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const transactionSchema = z.object({
  Transaction: z.object({
    PartnerId: z.string().min(1),
    QuoteId: z.string().min(1),
    CloseDate: isoDate,
    Currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code'),
    Lines: z.object({
      Line: z
        .array(
          z.object({
            LineId: z.string().min(1),
            ProductCode: z.string().min(1),
            Quantity: z.string().regex(/^[1-9]\d*$/, 'expected a positive whole number'),
            NetTotal: z.string().regex(/^\d+(\.\d{1,2})?$/, 'expected a decimal amount'),
          }),
        )
        .min(1),
    }),
  }),
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Page and page size from the query, or undefined after answering 400. */
function pageOf(req: Request, res: Response, totalRecords: number): Paging | undefined {
  const page = Number(req.query.page ?? 1);
  const pageSize = Number(req.query.pageSize ?? DEFAULT_PAGE_SIZE);
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > MAX_PAGE_SIZE
  ) {
    sendFault(
      res,
      400,
      'INVALID_PAGING',
      `page must be a whole number from 1 and pageSize from 1 to ${MAX_PAGE_SIZE}`,
    );
    return undefined;
  }
  return { page, pageSize, totalRecords };
}

function pageItems<T>(items: readonly T[], { page, pageSize }: Paging): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

export function createIncentivesApp(
  dataset: Dataset,
  options: IncentivesOptions,
): { app: Express; admin: LegacyAdmin } {
  const app = express();
  app.disable('x-powered-by');
  const admin = createLegacyAdmin(app, 'incentives', { renderError: sendFault });
  const programs = dataset.incentives.programs;
  const reference = ledgerReferenceData(programs, dataset.partners, dataset.products);
  const ledger = new IncentiveLedger(reference, dataset.incentives.accruals);
  let pending: IncentiveTransaction[] = [...dataset.incentives.pendingTransactions];
  const rejected: Array<{ transaction: IncentiveTransaction; reason: string }> = [];
  let transactionCount = dataset.incentives.accruals.length + pending.length;
  let lastBatchRunAt = dataset.incentives.lastBatchRunAt;
  const expectedAuthorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;

  /** A business route: Basic auth checked, then the system's own slowness, then the handler. */
  function route(method: 'GET' | 'POST', path: string, handler: LegacyHandler): void {
    admin.route(method, `${INCENTIVES_BASE}${path}`, async (req, res) => {
      const { min, max } = options.latencyMs;
      const wait = min + Math.floor(Math.random() * (max - min + 1));
      if (wait > 0) await delay(wait);
      await handler(req, res);
    });
  }

  app.use(INCENTIVES_BASE, (req, res, next) => {
    if (req.get('authorization') !== expectedAuthorization) {
      res.setHeader('WWW-Authenticate', 'Basic realm="ICS"');
      sendFault(res, 401, 'AUTHENTICATION_REQUIRED', 'Valid Basic credentials are required');
      return;
    }
    next();
  });
  app.use(INCENTIVES_BASE, express.text({ type: ['application/xml', 'text/xml'] }));

  route('GET', '/programs', (req, res) => {
    const paging = pageOf(req, res, programs.length);
    if (!paging) return;
    sendXml(res, 200, {
      ProgramList: {
        Paging: pagingXml(paging),
        Programs: { Program: pageItems(programs, paging).map(programXml) },
      },
    });
  });

  route('GET', '/programs/:programId', (req, res) => {
    const program = programs.find((p) => p.id === req.params.programId);
    if (!program) {
      sendFault(res, 404, 'PROGRAM_NOT_FOUND', `No program ${String(req.params.programId)}`);
      return;
    }
    sendXml(res, 200, { Program: programXml(program) });
  });

  route('GET', '/partners/:partnerId/accruals', (req, res) => {
    const partnerId = String(req.params.partnerId);
    if (!reference.partners.has(partnerId)) {
      sendFault(res, 404, 'PARTNER_NOT_FOUND', `No partner ${partnerId}`);
      return;
    }
    const quarter = typeof req.query.quarter === 'string' ? req.query.quarter : undefined;
    const accruals = ledger
      .forPartner(partnerId)
      .filter((a) => quarter === undefined || a.quarter === quarter);
    const paging = pageOf(req, res, accruals.length);
    if (!paging) return;
    sendXml(res, 200, {
      AccrualList: {
        PartnerId: partnerId,
        LastBatchRunAt: lastBatchRunAt,
        Paging: pagingXml(paging),
        Accruals: { Accrual: pageItems(accruals, paging).map(accrualXml) },
      },
    });
  });

  route('GET', '/accruals', (req, res) => {
    const quoteIds =
      typeof req.query.quoteIds === 'string' ? req.query.quoteIds.split(',').filter(Boolean) : [];
    if (quoteIds.length === 0 || quoteIds.length > MAX_BATCH_IDS) {
      sendFault(res, 400, 'INVALID_REQUEST', `quoteIds must list 1 to ${MAX_BATCH_IDS} quote ids`);
      return;
    }
    sendXml(res, 200, {
      AccrualList: {
        LastBatchRunAt: lastBatchRunAt,
        Accruals: { Accrual: quoteIds.flatMap((id) => ledger.forQuote(id) ?? []).map(accrualXml) },
      },
    });
  });

  route('GET', '/transactions', (req, res) => {
    const status = req.query.status ?? 'Pending';
    if (status !== 'Pending' && status !== 'Rejected') {
      sendFault(res, 400, 'INVALID_REQUEST', 'status must be Pending or Rejected');
      return;
    }
    const listed =
      status === 'Pending'
        ? pending.map((transaction) => transactionXml(transaction, 'Pending'))
        : rejected.map(({ transaction, reason }) => transactionXml(transaction, 'Rejected', reason));
    const paging = pageOf(req, res, listed.length);
    if (!paging) return;
    sendXml(res, 200, {
      TransactionList: {
        Paging: pagingXml(paging),
        Transactions: { Transaction: pageItems(listed, paging) },
      },
    });
  });

  route('POST', '/transactions', (req, res) => {
    const document = typeof req.body === 'string' ? parseXml(req.body) : undefined;
    if (!document) {
      sendFault(res, 400, 'MALFORMED_XML', 'The body must be a well-formed XML Transaction document');
      return;
    }
    const parsed = transactionSchema.safeParse(document);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sendFault(res, 400, 'INVALID_TRANSACTION', `${issue.path.join('/')}: ${issue.message}`);
      return;
    }
    const body = parsed.data.Transaction;
    if (ledger.forQuote(body.QuoteId) || pending.some((t) => t.quoteId === body.QuoteId)) {
      sendFault(res, 409, 'DUPLICATE_TRANSACTION', `Quote ${body.QuoteId} already has a transaction`);
      return;
    }
    transactionCount += 1;
    const transaction: IncentiveTransaction = {
      id: `TXN-${String(transactionCount).padStart(7, '0')}`,
      partnerId: body.PartnerId,
      quoteId: body.QuoteId,
      closeDate: body.CloseDate,
      currency: body.Currency,
      lines: body.Lines.Line.map((line) => ({
        lineId: line.LineId,
        productCode: line.ProductCode,
        quantity: Number(line.Quantity),
        netTotal: line.NetTotal,
      })),
      receivedAt: new Date().toISOString(),
    };
    pending.push(transaction);
    sendXml(res, 202, { TransactionReceipt: { TransactionId: transaction.id, Status: 'Pending' } });
  });

  /** The nightly batch, on demand: posts every pending transaction in close-date order. */
  admin.route('POST', '/__batch/run', (_req, res) => {
    const runAt = new Date().toISOString();
    const batch = [...pending].sort(
      (a, b) => a.closeDate.localeCompare(b.closeDate) || a.quoteId.localeCompare(b.quoteId),
    );
    pending = [];
    const postedIds: string[] = [];
    const rejections: Array<{ TransactionId: string; Reason: string }> = [];
    for (const transaction of batch) {
      const result = ledger.post(transaction, runAt);
      if ('posted' in result) {
        postedIds.push(result.posted.id);
      } else {
        rejected.push({ transaction, reason: result.rejected });
        rejections.push({ TransactionId: transaction.id, Reason: result.rejected });
      }
    }
    lastBatchRunAt = runAt;
    sendXml(res, 200, {
      BatchRun: {
        RunAt: runAt,
        Posted: postedIds.length,
        Rejected: rejections.length,
        Accruals: { AccrualId: postedIds },
        Rejections: { Rejection: rejections },
      },
    });
  });

  const errors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    sendFault(res, 500, 'INTERNAL_ERROR', 'The request could not be processed');
  };
  app.use(errors);

  return { app, admin };
}
