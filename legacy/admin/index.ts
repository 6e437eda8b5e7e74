import express, { type Express, type Request, type Response, type RequestHandler } from 'express';
import {
  corruptTypes,
  corruptXmlTypes,
  faultListSchema,
  faultMatches,
  isStandingFault,
  type Fault,
} from './faults';

export { faultSchema, type Fault } from './faults';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type LegacyHandler = (req: Request, res: Response) => void | Promise<void>;

/**
 * The admin surface every stand-in shares: fault injection and call statistics. Stand-ins register
 * their business routes through `route()` so that faults and counters apply by route name, the
 * same names `GET /__stats` reports.
 */
export interface LegacyAdmin {
  route(method: Method, path: string, handler: LegacyHandler): void;
  stats(): Record<string, number>;
}

export interface LegacyAdminOptions {
  /**
   * How the system answers an injected error or rate limit, in its own error format. Defaults to
   * Salesforce's JSON list `[{ errorCode, message }]`.
   */
  renderError?: (res: Response, status: number, errorCode: string, message: string) => void;
  /** Expires every access token issued so far (the `expireTokens` fault); systems with tokens only. */
  expireTokens?: () => void;
}

function renderJsonErrorList(res: Response, status: number, errorCode: string, message: string): void {
  res.status(status).json([{ errorCode, message }]);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function truncated(body: string): string {
  return body.slice(0, Math.floor(body.length / 2));
}

/**
 * Makes the response malformed whichever way the handler sends it: `res.json` bodies are corrupted
 * as values then serialised, XML text sent with `res.send` is corrupted as text.
 */
function malformResponses(res: Response, mode: NonNullable<Fault['malformed']>): void {
  const send = res.send.bind(res);
  res.json = (body: unknown) => {
    const payload = JSON.stringify(mode === 'wrong-types' ? corruptTypes(body) : body);
    res.type('application/json');
    return send(mode === 'truncate' ? truncated(payload) : payload);
  };
  res.send = (body?: unknown) => {
    if (typeof body !== 'string' || !/xml/i.test(String(res.get('content-type') ?? ''))) return send(body);
    return send(mode === 'truncate' ? truncated(body) : corruptXmlTypes(body));
  };
}

export function createLegacyAdmin(
  app: Express,
  system: string,
  options: LegacyAdminOptions = {},
): LegacyAdmin {
  const renderError = options.renderError ?? renderJsonErrorList;
  let faults: Fault[] = [];
  let calls: Record<string, number> = {};

  app.use('/__faults', express.json());
  app.post('/__faults', (req, res) => {
    const parsed = faultListSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        error: 'INVALID_FAULT',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
      return;
    }
    const posted = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    if (posted.some((fault) => fault.expireTokens)) {
      if (!options.expireTokens) {
        res
          .status(400)
          .json({ error: 'INVALID_FAULT', issues: [`expireTokens: ${system} issues no tokens`] });
        return;
      }
      options.expireTokens();
    }
    faults = faults.concat(posted.filter(isStandingFault).map(({ expireTokens: _event, ...fault }) => fault));
    res.status(201).json({ system, faults });
  });
  app.get('/__faults', (_req, res) => void res.json({ system, faults }));
  app.delete('/__faults', (_req, res) => {
    faults = [];
    res.status(204).end();
  });
  app.get('/__stats', (_req, res) => {
    const total = Object.values(calls).reduce((sum, n) => sum + n, 0);
    res.json({ system, total, calls });
  });
  app.delete('/__stats', (_req, res) => {
    calls = {};
    res.status(204).end();
  });

  function withFaults(routeKey: string, handler: LegacyHandler): RequestHandler {
    return async (req, res, next) => {
      calls[routeKey] = (calls[routeKey] ?? 0) + 1;
      const active = faults.filter((fault) => faultMatches(fault, routeKey));
      try {
        for (const fault of active) {
          const wait =
            fault.latencyMs + (fault.jitterMs > 0 ? Math.floor(Math.random() * fault.jitterMs) : 0);
          if (wait > 0) await delay(wait);
          if (fault.down) {
            req.socket.destroy();
            return;
          }
          if (fault.rateLimitRetryAfterSeconds !== undefined) {
            res.setHeader('Retry-After', String(fault.rateLimitRetryAfterSeconds));
            renderError(res, 429, 'RATE_LIMITED', 'Too many requests');
            return;
          }
          if (fault.errorRate > 0 && Math.random() < fault.errorRate) {
            renderError(res, fault.errorStatus, 'SERVER_ERROR', 'Injected failure');
            return;
          }
        }
        const malformed = active.find((fault) => fault.malformed !== undefined)?.malformed;
        if (malformed) malformResponses(res, malformed);
        await handler(req, res);
      } catch (error) {
        next(error);
      }
    };
  }

  return {
    route(method, path, handler) {
      const routeKey = `${method} ${path}`;
      const register = {
        GET: app.get.bind(app),
        POST: app.post.bind(app),
        PATCH: app.patch.bind(app),
        PUT: app.put.bind(app),
        DELETE: app.delete.bind(app),
      }[method];
      register(path, withFaults(routeKey, handler));
    },
    stats: () => ({ ...calls }),
  };
}
