import { ConfigError, loadEnv } from '../config';
import { startStack } from './stack';

const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * `npm start`: the whole stack with embedded defaults; Ctrl-C or SIGTERM stops it cleanly. The npm
 * script `exec`s node (with tsx as a loader): npm forwards SIGTERM to its `sh -c`, and sh would die
 * of it without passing it on, leaving this process serving.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const stack = await startStack(env);
  console.log('partner-graph is up:');
  console.log(`  gateway      ${stack.urls.gateway}`);
  for (const [name, url] of Object.entries(stack.urls.subgraphs))
    console.log(`  subgraph     ${name.padEnd(12)} ${url}`);
  for (const [name, url] of Object.entries(stack.urls.legacy))
    console.log(`  legacy       ${name.padEnd(12)} ${url}`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    // npm and tsx relay the terminal's signal too, so one Ctrl-C can arrive more than once.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down...`);
    setTimeout(() => {
      console.error(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms: exiting.`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    stack.close().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const address = (error as NodeJS.ErrnoException & { port?: number }).port;
    console.error(
      `A port is already in use${address ? ` (${address})` : ''}: stop the other process or set the *_PORT variables.`,
    );
  } else {
    console.error('Start-up failed:', error);
  }
  process.exit(1);
});
