import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { sha256 } from '../gateway';

/**
 * `npm run manifest`: schema/operations/*.graphql -> schema/persisted-query-manifest.json, the
 * safelist for PERSISTED_QUERIES=safelist (Apollo's persisted query manifest format). Bodies are
 * printed by graphql-js so ids do not depend on comments or whitespace in the files.
 */
const root = path.resolve(__dirname, '..');
export const OPERATIONS_DIR = path.join(root, 'schema', 'operations');
export const MANIFEST_PATH = path.join(root, 'schema', 'persisted-query-manifest.json');

export function buildManifest(): string {
  const operations = readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = parse(readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'));
      const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
      if (!operation || operation.kind !== 'OperationDefinition' || !operation.name) {
        throw new Error(`${file}: needs exactly one named operation`);
      }
      const body = print(document);
      return { id: sha256(body), name: operation.name.value, type: operation.operation, body };
    });
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}

if (require.main === module) {
  const manifest = buildManifest();
  if (process.argv.includes('--check')) {
    if (readFileSync(MANIFEST_PATH, 'utf8') !== manifest) {
      console.error('schema/persisted-query-manifest.json is stale: run `npm run manifest` and commit it.');
      process.exit(1);
    }
    console.log('schema/persisted-query-manifest.json is up to date.');
  } else {
    writeFileSync(MANIFEST_PATH, manifest);
    console.log(`Wrote ${path.relative(root, MANIFEST_PATH)}`);
  }
}
