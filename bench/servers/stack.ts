import { loadEnv } from '../../config';
import type { Dataset } from '../../legacy';
import { startStack } from '../../scripts/stack';
import { announceReady, exitOnSignal } from '../processes';

/**
 * One benchmark backend process: `startStack` configured by the environment the bench gives it.
 * The bench starts it twice: once for the legacy stand-ins (START_LEGACY=true) and once for the
 * subgraphs pointed at them (START_LEGACY=false, *_URL), so that the stand-ins' CPU work never
 * blocks the subgraphs' event loop, as on real, separate machines. Each also starts an idle
 * gateway of its own, which the bench does not use.
 */
export interface StackDetails {
  urls: { subgraphs: Record<string, string>; legacy: Record<string, string> };
  /** Present when this process serves the stand-ins: the records the scenarios ask for. */
  picks?: DatasetPicks;
}

export interface DatasetPicks {
  /** Of the partners that can quote, the one with the most quotes (then lines): the heaviest dashboard. */
  partnerId: string;
  quoteCount: number;
  lineCount: number;
  /** That partner's quote with the most lines. */
  quoteId: string;
  quoteLineCount: number;
  /** One of the partner's end customers, for the quote session. */
  customerId: string;
  /** Products the quote session adds: filled by the bench from the partner's catalog (certified families). */
  sessionSkus: string[];
}

function pickRecords(dataset: Dataset): DatasetPicks {
  const linesPerQuote = new Map<string, number>();
  for (const line of dataset.quoteLines)
    linesPerQuote.set(line.SBQQ__Quote__c, (linesPerQuote.get(line.SBQQ__Quote__c) ?? 0) + 1);
  // Active, with end customers and a certification well clear of expiry, so it may build quotes.
  const customerOf = new Map(dataset.customers.map((customer) => [customer.Partner__c, customer.Id]));
  const certified = new Set(
    dataset.certifications
      .filter((c) => c.status === 'Active' && c.expiresOn > dataset.asOf && c.certifiedOn < dataset.asOf)
      .map((c) => c.accountId),
  );
  const active = new Set(
    dataset.partners
      .filter((p) => p.accountStatus === 'Active' && customerOf.has(p.id) && certified.has(p.id))
      .map((p) => p.id),
  );
  const perPartner = new Map<string, { quotes: number; lines: number; top: { id: string; lines: number } }>();
  for (const quote of dataset.quotes) {
    if (!active.has(quote.SBQQ__Partner__c)) continue;
    const lines = linesPerQuote.get(quote.Id) ?? 0;
    const entry = perPartner.get(quote.SBQQ__Partner__c) ?? {
      quotes: 0,
      lines: 0,
      top: { id: '', lines: -1 },
    };
    entry.quotes += 1;
    entry.lines += lines;
    if (lines > entry.top.lines) entry.top = { id: quote.Id, lines };
    perPartner.set(quote.SBQQ__Partner__c, entry);
  }
  const [partnerId, best] = [...perPartner].sort(
    ([idA, a], [idB, b]) => b.quotes - a.quotes || b.lines - a.lines || idA.localeCompare(idB),
  )[0]!;
  return {
    partnerId,
    quoteCount: best.quotes,
    lineCount: best.lines,
    quoteId: best.top.id,
    quoteLineCount: best.top.lines,
    customerId: customerOf.get(partnerId)!,
    sessionSkus: [],
  };
}

async function main(): Promise<void> {
  const stack = await startStack(loadEnv());
  exitOnSignal(() => stack.close());
  const details: StackDetails = {
    urls: { subgraphs: stack.urls.subgraphs, legacy: stack.urls.legacy },
    picks: stack.legacy ? pickRecords(stack.legacy.dataset) : undefined,
  };
  announceReady(details);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
