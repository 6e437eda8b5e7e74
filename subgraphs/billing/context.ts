import type { BillingRequestLoaders } from '../../adapters/billing';
import type { Viewer } from '../../runtime';

/** What every billing resolver gets, fresh per request. */
export interface BillingContext {
  viewer: Viewer;
  billing: BillingRequestLoaders;
}
