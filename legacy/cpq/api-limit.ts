import type { RequestHandler, Response } from 'express';

/**
 * Salesforce's API request limit: a budget of requests per window (the real one: per 24 hours per
 * org). Every API call reports its usage in `Sforce-Limit-Info`; once the budget is spent, calls get
 * 403 REQUEST_LIMIT_EXCEEDED until the window rolls over. Off when no limit is configured.
 */
export interface ApiRequestLimit {
  maxRequests: number;
  windowMs: number;
}

export interface ApiUsage {
  max: number;
  remaining: number;
}

export function createApiLimit(
  limit: ApiRequestLimit | undefined,
  sendError: (res: Response, status: number, errorCode: string, message: string) => void,
): { middleware: RequestHandler; usage(): ApiUsage | undefined } {
  let windowStartedAt = Date.now();
  let used = 0;
  const rollOver = () => {
    if (Date.now() - windowStartedAt >= (limit?.windowMs ?? Infinity)) {
      windowStartedAt = Date.now();
      used = 0;
    }
  };
  return {
    middleware: (_req, res, next) => {
      if (!limit) {
        next();
        return;
      }
      rollOver();
      if (used >= limit.maxRequests) {
        res.setHeader('Sforce-Limit-Info', `api-usage=${used}/${limit.maxRequests}`);
        sendError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        return;
      }
      used += 1;
      res.setHeader('Sforce-Limit-Info', `api-usage=${used}/${limit.maxRequests}`);
      next();
    },
    usage: () => {
      if (!limit) return undefined;
      rollOver();
      return { max: limit.maxRequests, remaining: limit.maxRequests - used };
    },
  };
}
