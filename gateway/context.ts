import type { Viewer } from '../runtime';

/** What the gateway knows about a request once it is authenticated. */
export interface GatewayContext {
  viewer: Viewer;
  /** Correlates logs across gateway, subgraphs and legacy calls; sent as `x-request-id`. */
  requestId: string;
  /** Epoch ms after which no subgraph or legacy call for this request is worth making. */
  deadline: number;
  /** W3C trace context from the client, passed through unchanged. */
  traceparent?: string;
}
