import express, { type Express, type Request, type Response, type RequestHandler } from 'express';
import { corruptTypes, faultListSchema, faultMatches, type Fault } from './faults';

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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends `body` the way the active malformed-fault says, or as it is. */
function sendMalformed(res: Response, status: number, body: string, mode: Fault['malformed']): void {
  const text = mode === 'truncate' ? body.slice(0, Math.floor(body.length / 2)) : body;
  res.status(status).send(text);
}

export function createLegacyAdmin(app: Express, system: string): LegacyAdmin {
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
    faults = faults.concat(parsed.data);
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
            res.status(429).json([{ errorCode: 'RATE_LIMITED', message: 'Too many requests' }]);
            return;
          }
          if (fault.errorRate > 0 && Math.random() < fault.errorRate) {
            res.status(fault.errorStatus).json([{ errorCode: 'SERVER_ERROR', message: 'Injected failure' }]);
            return;
          }
        }
        const malformed = active.find((fault) => fault.malformed !== undefined)?.malformed;
        if (malformed) {
          const send = res.send.bind(res);
          res.json = (body: unknown) => {
            const payload = malformed === 'wrong-types' ? corruptTypes(body) : body;
            res.type('application/json');
            sendMalformed(Object.assign(res, { send }), res.statusCode, JSON.stringify(payload), malformed);
            return res;
          };
        }
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
