import type * as oauth from 'oauth4webapi';
import type { Transport } from '../http/index.js';
import { validatedClaims } from '../protocol/callback.js';
import { tokenTypeOf } from '../protocol/token-response.js';
import { mfaGranted, type SessionAccess } from '../session/index.js';

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
 * Files a completed MFA grant into the current session by the `mfaGranted` rule (session/rules.ts),
 * under the session's lock, once the answer's ID token is verified.
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
  const answer = {
    tokens: {
      accessToken: response.access_token,
      expiresAt: target.expiresAt,
      idToken: response.id_token,
      refreshToken: response.refresh_token,
      scope: response.scope,
      // A DPoP-bound token is filed as one, so getAccessToken says so and a refresh sends a proof.
      tokenType: tokenTypeOf(response.token_type),
    },
    claims: await validatedClaims(transport, response),
  };
  await sessions.update((current) => mfaGranted(current, answer, target), storeOptions);
}
