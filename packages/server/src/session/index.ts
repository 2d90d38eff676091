export type { SessionAccess } from './access.js';
export { newSessionId } from './session-id.js';
export {
  DEFAULT_AUDIENCE,
  audienceToSend,
  tokenSetMatches,
  findTokenSet,
  upsertTokenSet,
  scopesOf,
  type TokenSetQuery,
} from './token-sets.js';
export {
  applyTokenResponse,
  type SessionTokenResponse,
  type ApplyTokenResponseOptions,
} from './apply-token-response.js';
export {
  resolveSessionLifetime,
  absoluteExpiry,
  sessionExpiry,
  cookieAttributes,
  secureByDefault,
  hostPrefixAllowed,
  HOST_PREFIX,
  type SessionConfiguration,
  type SessionCookieOptions,
  type SessionLifetime,
} from './lifetime.js';
export { assertSameUser } from './same-user.js';
