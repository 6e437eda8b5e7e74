import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitOnSignal, requiredArg } from '../processes';

/**
 * The status quo: what a partner portal's backend does for the dashboard without the graph. It
 * calls the four legacy APIs itself, one record set at a time: the account from the PRM, the
 * partner's quotes from the CPQ, then for each quote its lines (CPQ), its invoices (billing) and its
 * accrual in the incentive ledger (XML) — the ledger is all a portal without the graph can show:
 * the graph's incentive *estimate* is computed from the program rules, which the portal would have
 * to reimplement. It assembles the same JSON shape the graph answers, so the bench checks both the
 * same way. Served over HTTP so the same load tool measures it:
 *
 *   POST /dashboard/sequential  every legacy call after the previous one
 *   POST /dashboard/parallel    account and quotes at once, then every quote's calls at once
 *
 * The portal knows its user's partner from its own session (BENCH_VIEWER's partnerId).
 *
 *   node --import tsx bench/contenders/status-quo.ts --port 0
 */
interface LegacyAccess {
  cpqUrl: string;
  prmUrl: string;
  billingUrl: string;
  incentivesUrl: string;
  cpqClientId: string;
  cpqClientSecret: string;
  prmApiKey: string;
  billingClientId: string;
  billingClientSecret: string;
  incentivesUsername: string;
  incentivesPassword: string;
}

const CPQ_API = '/services/data/v60.0';
const QUOTES_SHOWN = 50;
const QUOTE_STATUS: Record<string, string> = {
  Draft: 'DRAFT',
  'In Review': 'IN_REVIEW',
  Approved: 'APPROVED',
  Presented: 'PRESENTED',
  Accepted: 'ACCEPTED',
  Rejected: 'REJECTED',
};

type SfRecord = Record<string, unknown> & { Id: string };

class LegacyCallError extends Error {}

/** A bearer token from a client-credentials endpoint, fetched once and again after a 401. */
function bearerToken(system: string, url: string, clientId: string, clientSecret: string) {
  let token: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    if (!response.ok) throw new LegacyCallError(`${system} token: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  return {
    get: () =>
      (token ??= fetchToken().catch((error: unknown) => {
        token = undefined;
        throw error;
      })),
    expire: () => {
      token = undefined;
    },
  };
}

function legacyClient(access: LegacyAccess) {
  const cpqToken = bearerToken(
    'cpq',
    `${access.cpqUrl}/services/oauth2/token`,
    access.cpqClientId,
    access.cpqClientSecret,
  );
  const billingToken = bearerToken(
    'billing',
    `${access.billingUrl}/oauth/token`,
    access.billingClientId,
    access.billingClientSecret,
  );
  const incentivesAuth = `Basic ${Buffer.from(`${access.incentivesUsername}:${access.incentivesPassword}`).toString('base64')}`;

  async function withBearer(
    system: string,
    token: ReturnType<typeof bearerToken>,
    url: string,
    retried = false,
  ): Promise<Response> {
    const response = await fetch(url, { headers: { authorization: `Bearer ${await token.get()}` } });
    if (response.status === 401 && !retried) {
      token.expire();
      return withBearer(system, token, url, true);
    }
    if (!response.ok) throw new LegacyCallError(`${system}: ${response.status}`);
    return response;
  }

  async function soql(query: string): Promise<{ totalSize: number; records: SfRecord[] }> {
    const url = `${access.cpqUrl}${CPQ_API}/query?q=${encodeURIComponent(query)}`;
    return (await (await withBearer('cpq', cpqToken, url)).json()) as {
      totalSize: number;
      records: SfRecord[];
    };
  }

  async function invoices(quoteId: string): Promise<Array<Record<string, unknown>>> {
    const url = `${access.billingUrl}/v1/invoices?quoteIds=${encodeURIComponent(quoteId)}`;
    const body = (await (await withBearer('billing', billingToken, url)).json()) as {
      success: boolean;
      invoices?: Array<Record<string, unknown>>;
    };
    // Billing's quirk: business errors are HTTP 200 with success: false.
    if (!body.success) throw new LegacyCallError('billing: success false');
    return body.invoices ?? [];
  }

  /** The quote's accrual in the incentive ledger (XML), if the nightly batch has posted one. */
  async function accrual(quoteId: string): Promise<{ amount: string; currency: string } | null> {
    const response = await fetch(
      `${access.incentivesUrl}/ics/v1/accruals?quoteIds=${encodeURIComponent(quoteId)}`,
      {
        headers: { authorization: incentivesAuth },
      },
    );
    if (!response.ok) throw new LegacyCallError(`incentives: ${response.status}`);
    const xml = await response.text();
    const amount = /<Amount>([^<]*)<\/Amount>/.exec(xml)?.[1];
    const currency = /<Currency>([^<]*)<\/Currency>/.exec(xml)?.[1];
    return amount && currency ? { amount, currency } : null;
  }

  async function account(partnerId: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${access.prmUrl}/api/objects/v1/Account/${encodeURIComponent(partnerId)}`, {
      headers: { authorization: `prm-key ${access.prmApiKey}` },
    });
    if (!response.ok) throw new LegacyCallError(`prm account: ${response.status}`);
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  }

  const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return {
    account,
    invoices,
    accrual,
    quotes: (partnerId: string) =>
      soql(
        `SELECT Id, Name, SBQQ__Status__c, SBQQ__NetAmount__c, CurrencyIsoCode FROM SBQQ__Quote__c WHERE SBQQ__Partner__c = ${literal(partnerId)} ORDER BY CreatedDate DESC`,
      ),
    lines: async (quoteId: string) =>
      (
        await soql(
          `SELECT Id, SBQQ__ProductCode__c, SBQQ__ProductName__c, SBQQ__Quantity__c, SBQQ__NetPrice__c FROM SBQQ__QuoteLine__c WHERE SBQQ__Quote__c = ${literal(quoteId)} ORDER BY Name`,
        )
      ).records,
  };
}

type Legacy = ReturnType<typeof legacyClient>;

/** What the portal shows of one quote beyond the quote record itself. */
interface QuoteDetails {
  lines: SfRecord[];
  invoices: Array<Record<string, unknown>>;
  accrual: { amount: string; currency: string } | null;
}

function dashboardOf(
  partner: Record<string, unknown>,
  quotes: { totalSize: number; records: SfRecord[] },
  details: QuoteDetails[],
) {
  return {
    data: {
      me: {
        id: partner.id,
        name: partner.name,
        tier: String((partner.partnerLevel as { name?: string } | undefined)?.name ?? '').toUpperCase(),
        quotes: {
          totalCount: quotes.totalSize,
          edges: quotes.records.slice(0, QUOTES_SHOWN).map((quote, index) => ({
            node: {
              id: quote.Id,
              number: quote.Name,
              status: QUOTE_STATUS[String(quote.SBQQ__Status__c)],
              netTotal: { amount: quote.SBQQ__NetAmount__c, currency: quote.CurrencyIsoCode },
              lines: (details[index]?.lines ?? []).map((line) => ({
                product: { sku: line.SBQQ__ProductCode__c, name: line.SBQQ__ProductName__c },
                quantity: line.SBQQ__Quantity__c,
                netPrice: { amount: line.SBQQ__NetPrice__c },
              })),
              incentiveEstimate: details[index]?.accrual ? { total: details[index].accrual } : null,
              invoices: (details[index]?.invoices ?? []).map((invoice) => ({
                id: invoice.id,
                number: invoice.invoiceNumber,
                status: invoice.status,
                total: { amount: invoice.amount, currency: invoice.currency },
              })),
            },
          })),
        },
      },
    },
  };
}

async function sequentialDashboard(legacy: Legacy, partnerId: string) {
  const partner = await legacy.account(partnerId);
  const quotes = await legacy.quotes(partnerId);
  const details: QuoteDetails[] = [];
  for (const quote of quotes.records.slice(0, QUOTES_SHOWN)) {
    const lines = await legacy.lines(quote.Id);
    const invoices = await legacy.invoices(quote.Id);
    const accrual = await legacy.accrual(quote.Id);
    details.push({ lines, invoices, accrual });
  }
  return dashboardOf(partner, quotes, details);
}

async function parallelDashboard(legacy: Legacy, partnerId: string) {
  const [partner, quotes] = await Promise.all([legacy.account(partnerId), legacy.quotes(partnerId)]);
  const details = await Promise.all(
    quotes.records.slice(0, QUOTES_SHOWN).map(async (quote) => {
      const [lines, invoices, accrual] = await Promise.all([
        legacy.lines(quote.Id),
        legacy.invoices(quote.Id),
        legacy.accrual(quote.Id),
      ]);
      return { lines, invoices, accrual };
    }),
  );
  return dashboardOf(partner, quotes, details);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function main(): Promise<void> {
  const env = process.env;
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const legacy = legacyClient({
    cpqUrl: required('CPQ_URL'),
    prmUrl: required('PRM_URL'),
    billingUrl: required('BILLING_URL'),
    incentivesUrl: required('INCENTIVES_URL'),
    cpqClientId: required('CPQ_CLIENT_ID'),
    cpqClientSecret: required('CPQ_CLIENT_SECRET'),
    prmApiKey: required('PRM_API_KEY'),
    billingClientId: required('BILLING_CLIENT_ID'),
    billingClientSecret: required('BILLING_CLIENT_SECRET'),
    incentivesUsername: required('INCENTIVES_USERNAME'),
    incentivesPassword: required('INCENTIVES_PASSWORD'),
  });
  const partnerId = (JSON.parse(required('BENCH_VIEWER')) as { partnerId: string }).partnerId;
  const modes: Record<string, typeof sequentialDashboard> = {
    '/dashboard/sequential': sequentialDashboard,
    '/dashboard/parallel': parallelDashboard,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const dashboard = modes[req.url ?? ''];
    // The request body (the client's GraphQL query) is read and ignored: the portal's page is fixed.
    req.resume();
    if (!dashboard) return send(res, 404, { errors: [{ message: 'not found' }] });
    dashboard(legacy, partnerId).then(
      (body) => send(res, 200, body),
      (error: unknown) =>
        send(res, 502, {
          errors: [{ message: error instanceof LegacyCallError ? error.message : 'legacy call failed' }],
        }),
    );
  });
  await new Promise<void>((resolve) => server.listen(Number(requiredArg('port')), '127.0.0.1', resolve));
  exitOnSignal(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  console.log(`status-quo http://127.0.0.1:${port}/dashboard`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
