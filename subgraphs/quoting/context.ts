import type { CpqCommands, CpqRequestLoaders } from '../../adapters/cpq';
import type { PrmRequestLoaders } from '../../adapters/prm';
import type { Viewer } from '../../runtime';

/** What every quoting resolver gets, fresh per request. */
export interface QuotingContext {
  viewer: Viewer;
  cpq: CpqRequestLoaders;
  cpqCommands: CpqCommands;
  prm: PrmRequestLoaders;
  lineQuantity: QuantityBounds;
}

/** The quantities a quote line may have, inclusive. */
export interface QuantityBounds {
  min: number;
  max: number;
}
