import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeFromRoverConfig } from './supergraph';

/**
 * `npm run compose`: rover.yaml -> schema/supergraph.graphql.
 * `npm run compose:check`: fails when the checked-in supergraph differs from a fresh composition.
 */
const root = path.resolve(__dirname, '..');
const configPath = path.join(root, 'rover.yaml');
const outputPath = path.join(root, 'schema', 'supergraph.graphql');
const check = process.argv.includes('--check');

const result = composeFromRoverConfig(configPath);
for (const hint of result.hints) console.warn(`hint  ${hint}`);
if (!result.supergraphSdl) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}
if (check) {
  const current = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '';
  if (current !== result.supergraphSdl) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date.');
} else {
  writeFileSync(outputPath, result.supergraphSdl);
  console.log(`Wrote ${path.relative(root, outputPath)}`);
}
