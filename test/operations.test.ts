import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildManifest, MANIFEST_PATH, OPERATIONS_DIR } from '../scripts/manifest';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, startTestStack, tokenFor } from './stack';

/**
 * The example operations in schema/operations (shown in docs/api.md) run as documented, as
 * P-00001's partner_rep, both as plain queries and through the safelist built from them.
 */
const files = readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith('.graphql'));

function variablesFor(file: string): Record<string, unknown> | undefined {
  const variablesFile = path.join(OPERATIONS_DIR, file.replace(/\.graphql$/, '.variables.json'));
  return existsSync(variablesFile)
    ? (JSON.parse(readFileSync(variablesFile, 'utf8')) as Record<string, unknown>)
    : undefined;
}

describe('example operations', () => {
  it('the committed safelist manifest is built from schema/operations', () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(buildManifest());
  });

  describe.each([
    ['plain', {}],
    ['safelist', { PERSISTED_QUERIES: 'safelist', SAFELIST_MANIFEST: MANIFEST_PATH }],
  ])('%s', (_mode, env) => {
    let stack: RunningStack;
    beforeAll(async () => {
      stack = await startTestStack(env as Record<string, string>);
    });
    afterAll(async () => {
      await stack?.close();
    });

    it.each(files)('%s answers without errors', async (file) => {
      const query = readFileSync(path.join(OPERATIONS_DIR, file), 'utf8');
      const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as {
        operations: Array<{ name: string; body: string }>;
      };
      const body = manifest.operations.find((operation) => file.startsWith(operation.name))!.body;
      const response = await graphqlAs(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        _mode === 'plain' ? query : body,
        variablesFor(file),
      );
      expect(response.errors).toBeUndefined();
      expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
    });
  });
});
