/**
 * The gateway tells each subgraph when the client's request must be answered: epoch ms in this
 * header. The gateway's fetcher aborts at it, and a subgraph bounds its legacy calls by it.
 */
export const DEADLINE_HEADER = 'x-request-deadline';
