import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { IDENTITY_HEADER } from '../../runtime';
import { exitOnSignal, requiredArg } from '../processes';
import { fixedIdentity } from './fixed-identity';

/**
 * Hive Gateway (The Guild) over the same supergraph file: its runtime, as its docs show it embedded
 * in a Node HTTP server (one process, like the other contenders; the `hive-gateway` CLI would add
 * the same runtime behind optional worker forks). Default options but logging (off, as for every contender); the one addition is
 * the signed identity header, through the runtime's own `propagateHeaders` option. No Hive token, so no usage
 * reporting and no CDN: it runs offline.
 *
 *   node --import tsx bench/contenders/hive-gateway.ts --supergraph <file> --port 0
 */
async function main(): Promise<void> {
  const identity = fixedIdentity();
  const gateway = createGatewayRuntime({
    supergraph: requiredArg('supergraph'),
    // As quiet as the other contenders (LOG_LEVEL=silent); Hive would log at info otherwise.
    logging: false,
    propagateHeaders: { fromClientToSubgraphs: () => ({ [IDENTITY_HEADER]: identity() }) },
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(Number(requiredArg('port')), '127.0.0.1', resolve));
  exitOnSignal(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await gateway.dispose();
  });
  const { port } = server.address() as AddressInfo;
  console.log(`hive-gateway http://127.0.0.1:${port}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
