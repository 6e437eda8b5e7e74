export {
  IDENTITY_HEADER,
  IDENTITY_MAX_AGE_MS,
  ROLES,
  signIdentity,
  verifyIdentity,
  viewerSchema,
  type IdentityProblem,
  type Role,
  type Viewer,
} from './identity';
export { listen, type RunningServer } from './listen';
