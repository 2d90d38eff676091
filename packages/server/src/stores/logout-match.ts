import type { LogoutTokenClaims, StateData } from '../types.js';

/**
 * Whether a back-channel logout token's claims name this session (OpenID Connect Back-Channel
 * Logout 1.0, section 2.4): `sid` is the authorization server's session id, kept as the ID token's
 * `sid` claim in `user.sid`; with both `sid` and `sub`, both must match; with only `sub`, every
 * session of that user matches. When the token and the user both carry `iss`, they must agree.
 * Claims naming neither `sid` nor `sub` match nothing.
 */
export function matchesLogoutToken(state: StateData, claims: LogoutTokenClaims): boolean {
  const user = state.user;
  if (!user || (claims.sid === undefined && claims.sub === undefined)) return false;
  if (claims.sid !== undefined && user['sid'] !== claims.sid) return false;
  if (claims.sub !== undefined && user.sub !== claims.sub) return false;
  if (claims.iss !== undefined && typeof user['iss'] === 'string' && user['iss'] !== claims.iss) return false;
  return true;
}
