export { createFunnelFetch, parseRetryAfter, type FetchLike, type FunnelFetchOptions } from './fetch.js';
export {
  createClientAuth,
  clientAuthFields,
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
  normaliseError,
  aborted,
  fromErrorBody,
  parseRequirements,
  MfaRequiredSignal,
  type RawMfaRequired,
  type InvalidGrantMeaning,
} from './normalise.js';
