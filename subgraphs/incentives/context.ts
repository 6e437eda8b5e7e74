import type { CpqRequestLoaders } from '../../adapters/cpq';
import type { IncentivesRequestLoaders } from '../../adapters/incentives';
import type { PrmRequestLoaders } from '../../adapters/prm';
import type { Viewer } from '../../runtime';

/** What every incentives resolver gets, fresh per request. */
export interface IncentivesContext {
  viewer: Viewer;
  incentives: IncentivesRequestLoaders;
  prm: PrmRequestLoaders;
  cpq: CpqRequestLoaders;
  /** The business day of the request (UTC), for open quotes' close dates and the current quarter. */
  today: string;
}
