import { spawn } from 'node:child_process';
import path from 'node:path';
import type { RunningStack } from '../scripts/stack';
import { startTestStack } from './stack';

/**
 * `npm run example:quote-session`, the README's quote session, as a user runs it: against one
 * running stack, again and again. Each run chains the ids it created, so the second run is no
 * different from the first (the README's former examples all edited one seeded quote and failed
 * the second time with NOT_EDITABLE or CONFLICT).
 */
const root = path.resolve(__dirname, '..');

function runSession(url: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/quote-session.ts', '--url', url], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('npm run example:quote-session', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('creates, prices and submits a new quote on every run', async () => {
    const first = await runSession(stack.urls.gateway);
    const second = await runSession(stack.urls.gateway);

    for (const run of [first, second]) {
      expect(run.output).toMatch(/^createQuote\s+\{"id":"[^"]+"/m);
      expect(run.output).toMatch(/^priceQuote\s+\{"pricedOn":"\d{4}-\d{2}-\d{2}"/m);
      expect(run.output).toMatch(/^submitQuote\s+\{"status":"(IN_REVIEW|APPROVED)"/m);
      expect(run.code).toBe(0);
    }
    const quoteId = (output: string) => /^createQuote\s+\{"id":"([^"]+)"/m.exec(output)![1];
    expect(quoteId(second.output)).not.toBe(quoteId(first.output));
  });
});
