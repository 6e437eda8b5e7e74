import { readFileSync } from 'node:fs';
import path from 'node:path';
import { supergraphRoutedTo } from './harness';
import { boundByOf } from './report';
import { judge, SCENARIOS, type StepContext } from './scenarios';
import type { DatasetPicks } from './servers/stack';

/** The bench's own logic, on the checked-in supergraph; speed itself is never asserted in tests. */
const picks: DatasetPicks = {
  partnerId: 'P-00001',
  quoteCount: 1,
  lineCount: 1,
  quoteId: 'a0Q000000000001AAA',
  quoteLineCount: 1,
  customerId: '001000000000001AAA',
  sessionSkus: ['NET-0001', 'NET-0002', 'NET-0003', 'NET-0004', 'NET-0005'],
};
const stepOf = (id: string, index = 0) => SCENARIOS.find((s) => s.id === id)!.steps(picks)[index]!;
const dashboard = stepOf('dashboard');
const partner = { me: { id: 'P-00001', name: 'Acme', tier: 'GOLD', quotes: null } };

describe('judge', () => {
  it('calls an answer without errors complete', () => {
    expect(judge(dashboard, 200, JSON.stringify({ data: partner }))).toEqual({ outcome: 'complete' });
  });

  it('calls an answer with errors but the partner fields partial, with the first error code', () => {
    const body = {
      data: partner,
      errors: [{ message: 'down', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }],
    };
    expect(judge(dashboard, 200, JSON.stringify(body))).toEqual({
      outcome: 'partial',
      errorCode: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('calls an answer whose healthy part was nulled failed', () => {
    const body = {
      data: { me: null },
      errors: [{ message: 'down', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }],
    };
    expect(judge(dashboard, 200, JSON.stringify(body))).toEqual({
      outcome: 'failed',
      errorCode: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('calls HTTP errors and unparseable bodies failed', () => {
    expect(judge(dashboard, 502, '{"errors":[{"message":"x"}]}')).toEqual({
      outcome: 'failed',
      errorCode: 'NO_CODE',
    });
    expect(judge(dashboard, 200, '{"data":')).toEqual({ outcome: 'failed', errorCode: 'UNPARSEABLE' });
  });
});

describe('the quote session', () => {
  it('is nine steps that carry the created quote to the next ones', () => {
    const steps = SCENARIOS.find((s) => s.id === 'session')!.steps(picks);
    expect(steps.map((step) => step.name)).toEqual([
      'QuoteCreate',
      ...Array(5).fill('QuoteLineAdd'),
      'QuotePrice',
      'QuoteEstimate',
      'QuoteSubmit',
    ]);
    const context: StepContext = {};
    const created = { data: { createQuote: { quote: { id: 'Q1' }, userErrors: [] } } };
    expect(judge(steps[0]!, 200, JSON.stringify(created), context)).toEqual({ outcome: 'complete' });
    expect(steps[1]!.variables(context)).toEqual({ quoteId: 'Q1', input: { sku: 'NET-0001', quantity: 5 } });
  });

  it('calls a mutation with user errors failed, with their code', () => {
    const refused = { data: { addQuoteLine: { quoteLine: null, userErrors: [{ code: 'NOT_CERTIFIED' }] } } };
    expect(judge(stepOf('session', 1), 200, JSON.stringify(refused))).toEqual({
      outcome: 'failed',
      errorCode: 'userError:NOT_CERTIFIED',
    });
  });
});

describe('supergraphRoutedTo', () => {
  const supergraph = readFileSync(path.join(__dirname, '..', 'schema', 'supergraph.graphql'), 'utf8');
  const names = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]!);

  it('points every subgraph of the checked-in supergraph at the given URL', () => {
    const urls = Object.fromEntries(names.map((name, i) => [name, `http://127.0.0.1:${5000 + i}/graphql`]));
    const routed = supergraphRoutedTo(supergraph, urls);
    for (const [name, url] of Object.entries(urls))
      expect(routed).toContain(`@join__graph(name: "${name}", url: "${url}")`);
  });

  it('refuses a supergraph subgraph that is not running', () => {
    expect(() => supergraphRoutedTo(supergraph, {})).toThrow(/no running subgraph/);
  });
});

describe('boundByOf', () => {
  const idle = { contender: 0.1, subgraphs: 0.1, legacy: 0.1, loadGenerator: 0.05, otherProcesses: 0 };
  it('names a process that kept a core busy, the machine when all cores were, else latency', () => {
    expect(boundByOf({ ...idle, legacy: 0.95 }, 2)).toBe('legacy');
    expect(boundByOf({ ...idle, contender: 0.7, subgraphs: 0.7, otherProcesses: 0.4 }, 2)).toBe('all cores');
    expect(boundByOf(idle, 2)).toBe('latency');
  });
});
