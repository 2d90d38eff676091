import { SessionExpiredError } from '../errors/index.js';
import type { StateData, UserClaims } from '../types.js';

/**
 * Seconds before an IPSIE `session_expiry` at which the session already counts as ended, as in
 * `@auth0/auth0-server-js`: a request that starts just before it must not outlive it.
 */
export const SESSION_EXPIRY_LEEWAY = 30;

/** The ID token's `session_expiry` (Unix seconds) when it is a plausible one, else `undefined`. */
export function sessionExpiryOf(claims: UserClaims | undefined): number | undefined {
  const value = claims?.session_expiry;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e10
    ? value
    : undefined;
}

/**
 * `state` with the login's `session_expiry` as its `sessionExpiresAt` ceiling (the field name of
 * `@auth0/auth0-server-js`), or `state` itself when the ID token carries none.
 *
 * @throws {SessionExpiredError} `session_expired` when the ceiling is within
 *   {@link SESSION_EXPIRY_LEEWAY} seconds of the ID token's `iat` (or of now, without one).
 */
export function withSessionExpiry(state: StateData, claims: UserClaims | undefined, now: number): StateData {
  const expiresAt = sessionExpiryOf(claims);
  if (expiresAt === undefined) return state;
  const iat = typeof claims?.iat === 'number' ? claims.iat : now;
  if (expiresAt <= iat + SESSION_EXPIRY_LEEWAY) {
    throw new SessionExpiredError(
      "The ID token's session_expiry is at or within 30 seconds of its issue time: no session was written",
    );
  }
  return { ...state, sessionExpiresAt: expiresAt };
}

/** Whether the session's IPSIE ceiling (less the leeway) is reached at `now` (Unix seconds). */
export function sessionCeilingReached(state: StateData, now: number): boolean {
  const ceiling = state.sessionExpiresAt;
  return typeof ceiling === 'number' && now >= ceiling - SESSION_EXPIRY_LEEWAY;
}
