import type { RequestHandler, Response } from 'express';

/**
 * How Impartner sheds load: 429 with `Retry-After` once too many requests are in flight at once or
 * too many arrived within a window. Both thresholds are off unless configured.
 */
export interface PrmLoadLimits {
  /** Requests served at the same time; one more gets 429 (Retry-After: 1). */
  maxConcurrentRequests?: number;
  /** Requests per fixed window; beyond it 429 until the window ends (Retry-After: seconds left). */
  rateLimit?: { maxRequests: number; windowMs: number };
}

export function createLoadShedding(
  limits: PrmLoadLimits,
  refuse: (res: Response, retryAfterSeconds: number) => void,
): RequestHandler {
  let inFlight = 0;
  let windowStartedAt = Date.now();
  let inWindow = 0;
  return (_req, res, next) => {
    const { maxConcurrentRequests, rateLimit } = limits;
    if (rateLimit) {
      const now = Date.now();
      if (now - windowStartedAt >= rateLimit.windowMs) {
        windowStartedAt = now;
        inWindow = 0;
      }
      if (inWindow >= rateLimit.maxRequests) {
        refuse(res, Math.max(1, Math.ceil((windowStartedAt + rateLimit.windowMs - now) / 1000)));
        return;
      }
      inWindow += 1;
    }
    if (maxConcurrentRequests !== undefined) {
      if (inFlight >= maxConcurrentRequests) {
        refuse(res, 1);
        return;
      }
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
      });
    }
    next();
  };
}
