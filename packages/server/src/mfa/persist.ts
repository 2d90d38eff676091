import type * as oauth from 'oauth4webapi';
import { MfaTokenInvalidError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import { validatedClaims } from '../protocol/callback.js';
import { applyTokenResponse, assertSameUser, type SessionAccess } from '../session/index.js';

/** Where and how a completed MFA grant's tokens are filed. */
export interface PersistTarget {
  /** The audience key the tokens are stored under (what `getAccessToken({ audience })` looks up). */
  audience: string;
  /** The scope requested, used when the server did not say which scope it granted. */
  scope: string | undefined;
  /** Unix time in seconds the access token expires. */
  expiresAt: number;
  /** Whether the mfa token was bound to the session it is presented in (sealed inside a session). */
  sessionBound: boolean;
}

/**
 * Files a completed MFA grant into the current session, under the session's lock: the access token
 * under `target.audience`, a rotated refresh token, and an ID token once its signature and claims are
 * verified. With no session yet, a session is created only from a verified ID token (the MFA finished
 * a first login); an answer without one leaves the store untouched.
 *
 * Verifying never changes who is logged in: an ID token for another user or issuer than the
 * session's is refused. An mfa token sealed without a session (from `getTokenByRefreshToken`, say)
 * and presented inside one may only add to it when its answer carries an ID token for the session's
 * user; otherwise nothing tells whose tokens these are, and it is refused.
 *
 * @throws {IdTokenValidationError} `id_token_invalid`, or `id_token_user_mismatch` for another user
 *   or issuer: nothing is written.
 * @throws {MfaTokenInvalidError} `mfa_token_invalid`: a session-less token's answer names no user to
 *   check against the session's; nothing is written.
 */
export async function persistMfaTokens<O>(
  transport: Transport,
  sessions: SessionAccess<O>,
  response: oauth.TokenEndpointResponse,
  target: PersistTarget,
  storeOptions: O | undefined,
): Promise<void> {
  const claims = await validatedClaims(transport, response);
  await sessions.update(async (state) => {
    if (!state && !claims) return;
    if (state && !target.sessionBound && !claims) {
      throw new MfaTokenInvalidError(
        'The mfa token was issued without a session and its answer names no user: it cannot add tokens to this session (log out first, or verify with persist: false)',
      );
    }
    assertSameUser(state, claims);
    const next = applyTokenResponse(
      state,
      {
        accessToken: response.access_token,
        expiresAt: target.expiresAt,
        idToken: response.id_token,
        refreshToken: response.refresh_token,
        scope: response.scope,
      },
      { audience: target.audience, scope: target.scope, claims },
    );
    await sessions.set(next, storeOptions, next.internal.sid !== state?.internal.sid);
  }, storeOptions);
}
