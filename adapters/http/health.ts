import type { BreakerState } from '../../runtime';

/**
 * Every legacy client's breakers in one place, for a readiness endpoint: a client adds itself
 * when created and removes itself when closed. Breakers exist per operation once it has been
 * called, so a client that has made no call yet lists none.
 */
export interface BreakerHealth {
  system: string;
  operation: string;
  state: BreakerState;
}

export interface BreakerSource {
  readonly system: string;
  breakerStates(): Record<string, BreakerState>;
}

export interface LegacyHealthRegistry {
  /** Lists the source's breakers until the returned function is called. */
  add(source: BreakerSource): () => void;
  breakers(): BreakerHealth[];
}

export function createLegacyHealthRegistry(): LegacyHealthRegistry {
  const sources = new Set<BreakerSource>();
  return {
    add(source) {
      sources.add(source);
      return () => void sources.delete(source);
    },
    breakers: () =>
      [...sources].flatMap((source) =>
        Object.entries(source.breakerStates()).map(([operation, state]) => ({
          system: source.system,
          operation,
          state,
        })),
      ),
  };
}

/** The process's registry, which clients use unless given their own (tests give their own). */
export const legacyHealth: LegacyHealthRegistry = createLegacyHealthRegistry();
