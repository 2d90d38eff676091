export { createFunnelFetch, parseRetryAfter, type FetchLike, type FunnelFetchOptions } from './fetch.js';
export {
  createClientAuth,
  type ClientAuthentication,
  type ClientAuthMethod,
  type ClientAuthOptions,
} from './client-auth.js';
export {
  createKeyResolver,
  JWKS_CACHE_MAX_AGE,
  JWKS_COOLDOWN,
  type KeyResolver,
  type KeyResolverOptions,
} from './jwks.js';
export {
  Transport,
  type TransportOptions,
  type OauthCallOptions,
  type JsonRequest,
  type MfaBinding,
  type MfaSealer,
  type RunOptions,
} from './transport.js';
export {
  normalizeError,
  aborted,
  fromErrorBody,
  parseRequirements,
  MfaRequiredSignal,
  type RawMfaRequired,
  type InvalidGrantMeaning,
} from './normalize.js';
