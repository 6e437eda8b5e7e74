import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity } from '../runtime';
import type { GatewayContext } from './context';

/**
 * The gateway's fetcher to one subgraph: adds the verified viewer, signed, to every subgraph
 * request (including the `_entities` fetches of the query plan), so subgraphs can enforce tenancy
 * without trusting anything a client sent.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly identitySecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const viewer = (context as Partial<GatewayContext>).viewer;
    if (viewer) request.http?.headers.set(IDENTITY_HEADER, signIdentity(viewer, this.identitySecret));
  }
}
