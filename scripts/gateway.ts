import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadEnv } from '../config';
import { startGateway } from '../gateway';
import { gatewayConfigOf } from './gateway-config';

/**
 * `npm run gateway -- --supergraph <file> --port <n>`: the gateway alone, in front of any
 * federation 2 supergraph, routing to the subgraph URLs the supergraph names. Everything else
 * (auth, limits, persisted queries ...) is configured by the same environment as `npm start`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { supergraph: { type: 'string' }, port: { type: 'string' } },
  });
  const env = loadEnv({
    ...process.env,
    ...(values.supergraph ? { SUPERGRAPH_PATH: path.resolve(values.supergraph) } : {}),
    ...(values.port ? { GATEWAY_PORT: values.port } : {}),
  });
  const parts = gatewayConfigOf(env, {
    port: env.GATEWAY_PORT,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: {},
  });
  const gateway = await startGateway(parts.config);
  console.log(`gateway ${gateway.url}/graphql serving ${env.SUPERGRAPH_PATH}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), env.DRAIN_TIMEOUT_MS + 1000).unref();
    gateway
      .close()
      .then(() => parts.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `gateway: ${(error as Error).message}`);
  process.exit(1);
});
