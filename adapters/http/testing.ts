import { UpstreamError } from '../../runtime';

/** Helpers for this folder's tests; not exported from index.ts. */
export async function upstreamErrorOf(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}

/** A connection error as Node reports it (nock needs an Error instance, not a plain object). */
export function connectionError(code: 'ECONNREFUSED' | 'ECONNRESET', message: string): Error {
  return Object.assign(new Error(message), { code });
}
