import type { Page } from '../../domain';
import { badUserInput } from './errors';
import { assertIdentifier } from './input-validation';

/**
 * Relay-style paging over a list a subgraph already holds. Cursors are opaque to clients:
 * base64url of `offset:<n>`, the position of the edge in the full list.
 */
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  assertIdentifier('cursor', cursor, 'after');
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput('`after` is not a cursor returned by this field', 'after');
  return Number(match[1]);
}

/** Which slice of a list a client asked for. */
export interface PageRequest {
  size: number;
  offset: number;
}

/**
 * Checks `first` and `after`; resolvers call it before loading the list, so that a malformed page
 * request costs no legacy call, and hand its answer to pageOf.
 */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`, 'first');
  }
  return { size, offset: after ? decodeCursor(after) + 1 : 0 };
}

export function pageOf<T>(items: readonly T[], { size, offset }: PageRequest): Page<T> {
  return {
    items: items.slice(offset, offset + size),
    totalCount: items.length,
    offset,
    hasNextPage: offset + size < items.length,
  };
}

export function connectionOf<T>(page: Page<T>) {
  const edges = page.items.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
