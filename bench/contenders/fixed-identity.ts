import { signIdentity, viewerSchema, type Viewer } from '../../runtime';

/**
 * What the stock contenders add to be let into the subgraphs, and nothing more: the signed
 * identity header for one fixed viewer (the bench's partner user), given by the bench as
 * BENCH_VIEWER (JSON) and IDENTITY_SECRET. It is signed per subgraph call, as our gateway does,
 * because a signature is only valid for a minute.
 */
export function fixedIdentity(env: NodeJS.ProcessEnv = process.env): () => string {
  const secret = env.IDENTITY_SECRET;
  if (!secret || !env.BENCH_VIEWER) throw new Error('IDENTITY_SECRET and BENCH_VIEWER are required');
  const viewer: Viewer = viewerSchema.parse(JSON.parse(env.BENCH_VIEWER));
  return () => signIdentity(viewer, secret);
}
