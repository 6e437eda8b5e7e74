export {
  createIdentitySigner,
  IDENTITY_HEADER,
  IDENTITY_MAX_AGE_MS,
  ROLES,
  signIdentity,
  verifyIdentity,
  viewerSchema,
  type IdentityProblem,
  type IdentitySigner,
  type Role,
  type Viewer,
} from './identity';
export { DEADLINE_HEADER } from './deadline';
export { listen, type ListenOptions, type RunningServer } from './listen';
export { installScalars, SCALARS } from './scalars';
export { createLogger, type Logger } from './logger';
