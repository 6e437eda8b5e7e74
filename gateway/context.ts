import type { Viewer } from '../runtime';

/** What the gateway knows about a request once it is authenticated. */
export interface GatewayContext {
  viewer: Viewer;
}
