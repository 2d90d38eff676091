export type { NextSession, SessionAccess, SessionOwner } from './access.js';
export type { SessionCoordinator } from './coordinator.js';
export { createSessionOwner, type SessionOwnerOptions } from './owner.js';
export { LocalLock } from './lock.js';
export { RefreshShare, type SharedAnswer } from './shared-refresh.js';
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
export {
  loggedIn,
  refreshed,
  mfaGranted,
  connectionGranted,
  linked,
  startsNewSession,
  RedeemedSession,
  type TokenAnswer,
  type MfaGrantTarget,
} from './rules.js';
export { isStateData, assertStateData } from './state-data.js';
export { findConnectionTokenSet, withConnectionTokenSet } from './connection-token-sets.js';
