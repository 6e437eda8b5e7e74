import type { CpqRequestLoaders } from '../../adapters/cpq';
import type { PrmCommands, PrmRequestLoaders } from '../../adapters/prm';
import type { PartnerUsage, Viewer } from '../../runtime';

/** What every partners resolver gets, fresh per request. */
export interface PartnersContext {
  viewer: Viewer;
  prm: PrmRequestLoaders;
  prmCommands: PrmCommands;
  cpq: Pick<CpqRequestLoaders, 'customerById'>;
  /** The viewer's partner's budget usage, as the gateway forwarded it. */
  usage?: PartnerUsage;
}
