import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type EnumTypeDefinitionNode } from 'graphql';
import type { UserErrorCode as PartnersUserErrorCode } from '../subgraphs/partners/generated/resolvers-types';
import type { UserErrorCode as QuotingUserErrorCode } from '../subgraphs/quoting/generated/resolvers-types';
import { USER_ERROR_CODES, type SubgraphPassedThroughCode, type UserErrorCode } from './error-codes';
import type { UpstreamErrorCode } from './upstream-error';

/**
 * `npm run typecheck` fails here when a generated union and the module's differ either way (the
 * enum's text is compared below; codegen:check keeps the generated files in step with the SDL).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const generatedUnionsMatch: [
  Same<PartnersUserErrorCode, UserErrorCode>,
  Same<QuotingUserErrorCode, UserErrorCode>,
] = [true, true];

/** Likewise when an adapter throws a code that the subgraphs and the gateway would hide as INTERNAL. */
export const adapterCodesPassThrough: [UpstreamErrorCode] extends [SubgraphPassedThroughCode] ? true : false =
  true;

const schemaDir = path.resolve(__dirname, '..', 'schema');

function userErrorCodesIn(file: string): string[] | undefined {
  const document = parse(readFileSync(path.join(schemaDir, file), 'utf8'));
  const definition = document.definitions.find(
    (node): node is EnumTypeDefinitionNode =>
      node.kind === 'EnumTypeDefinition' && node.name.value === 'UserErrorCode',
  );
  return definition?.values?.map((value) => value.name.value);
}

describe('error codes', () => {
  const declaring = readdirSync(schemaDir).filter(
    (file) => file.endsWith('.graphql') && userErrorCodesIn(file) !== undefined,
  );

  it('finds the enum in the subgraphs with mutations and in the supergraph', () => {
    expect(declaring).toEqual(
      expect.arrayContaining(['partners.graphql', 'quoting.graphql', 'supergraph.graphql']),
    );
  });

  it.each(declaring)('has the UserErrorCode enum of %s equal to USER_ERROR_CODES', (file) => {
    expect(userErrorCodesIn(file)?.sort()).toEqual([...USER_ERROR_CODES].sort());
  });
});
