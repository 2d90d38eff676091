import type * as oauth from 'oauth4webapi';
import type { Transport } from '../http/index.js';
import { validatedClaims } from '../protocol/callback.js';
import { applyTokenResponse, type SessionAccess } from '../session/index.js';

/** Where and how a completed MFA grant's tokens are filed. */
export interface PersistTarget {
  /** The audience key the tokens are stored under (what `getAccessToken({ audience })` looks up). */
  audience: string;
  /** The scope requested, used when the server did not say which scope it granted. */
  scope: string | undefined;
  /** Unix time in seconds the access token expires. */
  expiresAt: number;
}

/**
 * Files a completed MFA grant into the current session, under the session's lock: the access token
 * under `target.audience`, a rotated refresh token, and an ID token once its signature and claims are
 * verified. With no session yet, a session is created only from a verified ID token (the MFA finished
 * a first login); an answer without one leaves the store untouched.
 *
 * @throws {IdTokenValidationError} `id_token_invalid`: nothing is written.
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
