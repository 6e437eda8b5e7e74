import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadEnv } from '../config';
import { signDevToken } from '../runtime';

/**
 * `npm run example:quote-session [-- --url http://127.0.0.1:4000/graphql --partner P-00001]`: the
 * README's quote session against a running stack — create a quote, add a line, change it, price it,
 * submit it — printing each step. Every step uses the id the previous one created, and the
 * documented operations in schema/operations/, so it works on every run, not only on fresh data.
 */
const OPERATIONS = path.join(__dirname, '..', 'schema', 'operations');

interface GraphQLAnswer {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

interface UserError {
  field?: string[] | null;
  message: string;
  code: string;
}

function operation(name: string): { query: string; variables: Record<string, unknown> } {
  return {
    query: readFileSync(path.join(OPERATIONS, `${name}.graphql`), 'utf8'),
    variables: JSON.parse(readFileSync(path.join(OPERATIONS, `${name}.variables.json`), 'utf8')) as Record<
      string,
      unknown
    >,
  };
}

class SessionError extends Error {}

async function send(
  url: string,
  token: string,
  name: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { query } = operation(name);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer;
  if (answer.errors?.length) {
    const problems = answer.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
    throw new SessionError(`${name}: ${problems.join('; ')}`);
  }
  const payload = Object.values(answer.data ?? {})[0];
  if (!payload) throw new SessionError(`${name}: empty answer (HTTP ${response.status})`);
  const userErrors = (payload.userErrors ?? []) as UserError[];
  if (userErrors.length > 0) {
    throw new SessionError(
      `${name}: ${userErrors.map((error) => `${error.code}: ${error.message}`).join('; ')}`,
    );
  }
  return payload;
}

function show(step: string, value: unknown): void {
  console.log(`${step.padEnd(16)} ${JSON.stringify(value)}`);
}

async function main(): Promise<void> {
  const env = loadEnv();
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: `http://127.0.0.1:${env.GATEWAY_PORT}/graphql` },
      partner: { type: 'string', default: 'P-00001' },
    },
  });
  const url = values.url!;
  const token = await signDevToken(
    {
      sub: `quote-session@${values.partner}`,
      partnerId: values.partner!,
      roles: ['partner_rep'],
      expiresIn: '10m',
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
    },
    env.AUTH_JWT_SECRET,
  );

  const created = await send(url, token, 'QuoteCreate', operation('QuoteCreate').variables);
  const quote = created.quote as { id: string; number: string; status: string };
  show('createQuote', { id: quote.id, number: quote.number, status: quote.status });

  const { input: lineInput } = operation('QuoteLineAdd').variables;
  const added = await send(url, token, 'QuoteLineAdd', { quoteId: quote.id, input: lineInput });
  const line = added.quoteLine as { id: string; quantity: number; discount: string };
  show('addQuoteLine', {
    lineId: line.id,
    quantity: line.quantity,
    netTotal: (added.quote as { netTotal: unknown }).netTotal,
  });

  const { input: lineChange } = operation('QuoteLineUpdate').variables;
  const updated = await send(url, token, 'QuoteLineUpdate', { lineId: line.id, input: lineChange });
  show('updateQuoteLine', { quantity: (updated.quoteLine as { quantity: number }).quantity });

  const priced = await send(url, token, 'QuotePrice', { quoteId: quote.id });
  const pricing = priced.pricing as { pricedOn: string; approval: unknown };
  show('priceQuote', {
    pricedOn: pricing.pricedOn,
    netTotal: (priced.quote as { netTotal: unknown }).netTotal,
  });

  const submitted = await send(url, token, 'QuoteSubmit', { quoteId: quote.id });
  show('submitQuote', {
    status: (submitted.quote as { status: string }).status,
    approval: submitted.approval,
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SessionError) console.error(error.message);
  else console.error(`quote-session: ${(error as Error).message}`);
  process.exit(1);
});
