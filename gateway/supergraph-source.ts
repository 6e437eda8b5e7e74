import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from 'pino';

/**
 * Serves the supergraph from a file and hot-reloads it when the file changes. A file that does not
 * load (unreadable, not a valid supergraph) is refused by the gateway before it touches its state,
 * so the previous supergraph keeps serving; the reason is logged.
 */
export interface SupergraphFileSource {
  hook: SupergraphSdlHook;
  /** Resolves after the next reload attempt, for tests: true if the new supergraph is serving. */
  nextReload(): Promise<boolean>;
}

export function supergraphFromFile(path: string, logger: Logger, pollIntervalMs = 500): SupergraphFileSource {
  const waiters: Array<(loaded: boolean) => void> = [];
  const settle = (loaded: boolean) => waiters.splice(0).forEach((resolve) => resolve(loaded));

  const hook: SupergraphSdlHook = async ({ update }) => {
    const initial = readFileSync(path, 'utf8');
    let current = initial;
    // fs.watchFile polls, which also works on network and container file systems where
    // fs.watch misses atomic renames (how editors and `npm run compose` replace files).
    watchFile(path, { interval: pollIntervalMs, persistent: false }, () => {
      let next: string;
      try {
        next = readFileSync(path, 'utf8');
      } catch (error) {
        logger.error(
          { path, reason: (error as Error).message },
          'supergraph unreadable; keeping the current one',
        );
        settle(false);
        return;
      }
      if (next === current) return;
      try {
        update(next);
        current = next;
        logger.info({ path }, 'supergraph reloaded');
        settle(true);
      } catch (error) {
        logger.error(
          { path, reason: (error as Error).message },
          'supergraph failed to load; keeping the current one',
        );
        settle(false);
      }
    });
    return { supergraphSdl: initial, cleanup: async () => unwatchFile(path) };
  };

  return { hook, nextReload: () => new Promise((resolve) => waiters.push(resolve)) };
}
