import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeFromRoverConfig } from '../scripts/supergraph';

const root = path.resolve(__dirname, '..');

describe('supergraph composition', () => {
  it('composes rover.yaml into exactly the checked-in schema/supergraph.graphql', () => {
    const result = composeFromRoverConfig(path.join(root, 'rover.yaml'));
    expect(result.errors).toEqual([]);
    expect(result.supergraphSdl).toBe(readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8'));
    expect(result.supergraphSdl).toContain('type Partner');
    expect(result.supergraphSdl).toMatch(/@join__graph\(name: "quoting"/);
  });

  function composeIn(files: Record<string, string>): ReturnType<typeof composeFromRoverConfig> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    return composeFromRoverConfig(path.join(dir, 'rover.yaml'));
  }

  const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
  const rover = `federation_version: =2.7.1
subgraphs:
  a:
    routing_url: http://127.0.0.1:1/graphql
    schema: { file: ./a.graphql }
  b:
    routing_url: http://127.0.0.1:2/graphql
    schema: { file: ./b.graphql }
`;

  it('fails with readable, coded errors when subgraphs conflict', () => {
    const result = composeIn({
      'rover.yaml': rover,
      'a.graphql': `${link}\ntype Thing @key(fields: "id") { id: ID! size: Int! }\ntype Query { a: Thing }`,
      'b.graphql': `${link}\ntype Thing @key(fields: "id") { id: ID! size: String! }\ntype Query { b: Thing }`,
    });
    expect(result.supergraphSdl).toBeUndefined();
    expect(result.errors.join('\n')).toMatch(/FIELD_TYPE_MISMATCH.*Thing\.size/);
  });

  it('names the subgraph whose SDL does not parse', () => {
    const result = composeIn({
      'rover.yaml': rover,
      'a.graphql': `${link}\ntype Query { a: Int }`,
      'b.graphql': 'type Query {',
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/subgraph "b"/);
  });

  it('rejects a rover.yaml that is not rover config', () => {
    const result = composeIn({ 'rover.yaml': 'federation_version: 1\nsubgraphs: {}\n' });
    expect(result.errors[0]).toMatch(/federation_version/);
  });
});
