import type { PartnerUsage, Viewer } from '../runtime';

/** What the gateway knows about a request once it is authenticated. */
export interface GatewayContext {
  viewer: Viewer;
  /** Correlates logs across gateway, subgraphs and legacy calls; sent as `x-request-id`. */
  requestId: string;
  /** Epoch ms after which no subgraph or legacy call for this request is worth making. */
  deadline: number;
  /** W3C trace context from the client, passed through unchanged. */
  traceparent?: string;
  /** The operation's cost (limits.ts), set once it is resolved; budgets.ts charges it. */
  cost?: number;
  /** What the viewer's partner has used of its budget, once charged; forwarded to subgraphs. */
  usage?: PartnerUsage;
}
