import express, { type Express, type Response } from 'express';
import { createLegacyAdmin, type LegacyAdmin } from '../admin';
import type { Dataset } from '../seed/dataset';

/**
 * An Impartner-like PRM stand-in: partner accounts over REST, an API key in the
 * `Authorization: prm-key <key>` header, skip/take paging, and Impartner's envelope
 * `{ success, message, data: { count, results } }`.
 */
export interface PrmOptions {
  apiKey: string;
}

export const PRM_BASE = '/api/objects/v1';
const MAX_TAKE = 500;

function fail(res: Response, status: number, message: string): void {
  res.status(status).json({ success: false, message, data: null });
}

export function createPrmApp(dataset: Dataset, options: PrmOptions): { app: Express; admin: LegacyAdmin } {
  const app = express();
  app.disable('x-powered-by');
  const admin = createLegacyAdmin(app, 'prm');
  const accounts = new Map(dataset.partners.map((partner) => [partner.id, partner]));

  app.use(PRM_BASE, (req, res, next) => {
    if (req.get('authorization') !== `prm-key ${options.apiKey}`) {
      fail(res, 401, 'Invalid or missing API key');
      return;
    }
    next();
  });

  admin.route('GET', `${PRM_BASE}/Account/:id`, (req, res) => {
    const account = accounts.get(String(req.params.id));
    if (!account) {
      fail(res, 404, `Account ${String(req.params.id)} not found`);
      return;
    }
    res.json({ success: true, message: null, data: account });
  });

  admin.route('GET', `${PRM_BASE}/Account`, (req, res) => {
    const skip = Number(req.query.skip ?? 0);
    const take = Number(req.query.take ?? 100);
    if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(take) || take < 1 || take > MAX_TAKE) {
      fail(res, 400, `skip must be a non-negative integer and take an integer from 1 to ${MAX_TAKE}`);
      return;
    }
    const ids = typeof req.query.ids === 'string' ? req.query.ids.split(',').filter(Boolean) : undefined;
    const matched = ids ? ids.flatMap((id) => accounts.get(id) ?? []) : dataset.partners;
    res.json({
      success: true,
      message: null,
      data: { count: matched.length, results: matched.slice(skip, skip + take) },
    });
  });

  return { app, admin };
}
