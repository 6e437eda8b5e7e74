import { readFileSync } from 'node:fs';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { IDENTITY_HEADER } from '../../runtime';
import { exitOnSignal, requiredArg } from '../processes';
import { fixedIdentity } from './fixed-identity';

/**
 * The floor for our gateway's overhead: a stock @apollo/gateway inside a stock @apollo/server
 * (standalone server, default options, no plugins) over the same supergraph. The one addition is
 * the signed identity header, without which the subgraphs answer 401.
 *
 *   node --import tsx bench/contenders/apollo-stock.ts --supergraph <file> --port 0
 */
async function main(): Promise<void> {
  const identity = fixedIdentity();
  class IdentityDataSource extends RemoteGraphQLDataSource {
    override willSendRequest({ request }: GraphQLDataSourceProcessOptions): void {
      request.http?.headers.set(IDENTITY_HEADER, identity());
    }
  }
  const server = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: readFileSync(requiredArg('supergraph'), 'utf8'),
      buildService: ({ url }) => new IdentityDataSource({ url }),
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: Number(requiredArg('port')) },
  });
  exitOnSignal(() => server.stop());
  console.log(`apollo-stock ${url.replace('localhost', '127.0.0.1').replace(/\/$/, '')}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
