export { createFunnelFetch, parseRetryAfter, type FetchLike, type FunnelFetchOptions } from './fetch.js';
export {
  createClientAuth,
  type ClientAuthentication,
  type ClientAuthMethod,
  type ClientAuthOptions,
} from './client-auth.js';
export { createDiscovery } from './discovery.js';
export {
  createKeyResolver,
  JWKS_CACHE_MAX_AGE,
  JWKS_COOLDOWN,
  type KeyResolver,
  type KeyResolverOptions,
} from './jwks.js';
export { jsonInit, readJson, type JsonRequest } from './json.js';
export { checkDpopBound, dpopHandle, withNonceRetry } from './dpop.js';
export { oauthCallOptions, type OauthCallOptions } from './oauth-call.js';
export { Transport, type TransportOptions, type RunOptions } from './transport.js';
export {
  normalizeError,
  aborted,
  errorAnswer,
  errorAnswerOf,
  fromErrorAnswer,
  parseJson,
  type ErrorAnswer,
  type InvalidGrantMeaning,
} from './normalize.js';
export { abortable, delay } from './abort.js';
