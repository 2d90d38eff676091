import type { StateData, UserClaims } from '../types.js';
import { newSessionId } from './session-id.js';
import { upsertTokenSet } from './token-sets.js';

/** The parts of a token endpoint answer the session keeps. */
export interface SessionTokenResponse {
  accessToken: string;
  /** Unix time in seconds. */
  expiresAt: number;
  idToken?: string | undefined;
  refreshToken?: string | undefined;
  /** The scope the server granted, when it said. */
  scope?: string | undefined;
  /** `DPoP` for a DPoP-bound access token, which the token set then records; anything else is a bearer token. */
  tokenType?: string | undefined;
}

/** How to file a token response into the session. */
export interface ApplyTokenResponseOptions {
  audience: string;
  /** The scope that was requested; used when the server did not say which scope it granted. */
  scope?: string | undefined;
  /**
   * The claims of `response.idToken` after it was validated. The ID token and the user are replaced
   * only when both are present: an ID token that was not validated never enters the session.
   */
  claims?: UserClaims | undefined;
  /** Unix time in seconds; defaults to the current time. */
  now?: number | undefined;
}

/**
 * The session after a successful token response (login callback, refresh, MFA verify), as a NEW
 * object: `state` is never modified, so a caller whose later step fails still holds the session
 * exactly as it was.
 *
 * - With no `state`, a session is created with a fresh `internal.sid` and `createdAt = now`.
 * - When validated `claims` name a different `sub` than the session's user, the old session is not
 *   merged into: a fresh session is started for the new user (no token of one user is kept beside
 *   another's).
 * - The access token is filed with {@link upsertTokenSet} (same audience and scopes replaced,
 *   expired sets pruned).
 * - A refresh token in the response (rotation) replaces the stored one; otherwise the stored one stays.
 */
export function applyTokenResponse(
  state: StateData | undefined,
  response: SessionTokenResponse,
  options: ApplyTokenResponseOptions,
): StateData {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const claims = response.idToken !== undefined ? options.claims : undefined;
  const base: StateData =
    state && !(claims && state.user && state.user.sub !== claims.sub)
      ? state
      : {
          user: undefined,
          idToken: undefined,
          refreshToken: undefined,
          tokenSets: [],
          internal: { sid: newSessionId(), createdAt: now },
        };

  const next = upsertTokenSet(
    base,
    {
      audience: options.audience,
      accessToken: response.accessToken,
      scope: response.scope ?? options.scope,
      expiresAt: response.expiresAt,
      ...(response.tokenType === 'DPoP' ? { tokenType: 'DPoP' } : {}),
    },
    now,
  );
  next.internal = { ...base.internal };
  if (response.refreshToken !== undefined) next.refreshToken = response.refreshToken;
  if (claims) {
    next.user = claims;
    next.idToken = response.idToken;
  }
  return next;
}
