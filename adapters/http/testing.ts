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

/** Polls instead of sleeping a fixed time: returns as soon as the condition holds. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A connection error as Node reports it (nock needs an Error instance, not a plain object). */
export function connectionError(code: 'ECONNREFUSED' | 'ECONNRESET', message: string): Error {
  return Object.assign(new Error(message), { code });
}
