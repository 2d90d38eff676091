import * as oauth from 'oauth4webapi';
import type { RunOptions, Transport } from '../http/index.js';
import type { UserClaims } from '../types.js';
import { validatedClaims } from './callback.js';

/** What a refresh returned: the token answer and, when it carried a new ID token, its validated claims. */
export interface RefreshedTokens {
  response: oauth.TokenEndpointResponse;
  claims: UserClaims | undefined;
}

/**
 * Runs the refresh token grant, asking for `audience` and `scope` (Auth0's multi-resource refresh
 * tokens). A new ID token in the answer is validated like the login's.
 *
 * @throws {LoginRequiredError} `login_required` when `run.invalidGrant` is `login_required` and the
 *   server answers `invalid_grant`.
 * @throws {MfaRequiredError} `mfa_required`, sealed and bound as `run.binding` says.
 * @throws {IdTokenValidationError} `id_token_invalid`.
 * @throws {ServerError} `server_error`; {@link RequestError} `request_failed` / `request_timeout` /
 *   `invalid_response`, also when the JWKS cannot be loaded (the refresh token is then not sent).
 */
export async function refreshTokenGrant(
  transport: Transport,
  refreshToken: string,
  params: { audience?: string | undefined; scope?: string | undefined },
  run: RunOptions,
): Promise<RefreshedTokens> {
  const additionalParameters: Record<string, string> = {};
  if (params.audience !== undefined) additionalParameters.audience = params.audience;
  if (params.scope !== undefined) additionalParameters.scope = params.scope;
  // The answer's ID token needs the keys: load them first, so that a JWKS outage fails this call with
  // the refresh token unspent instead of after the server rotated it.
  await transport.keys.ready();
  const response = await transport.run(async (as) => {
    const res = await oauth.refreshTokenGrantRequest(
      as,
      transport.client,
      transport.clientAuth,
      refreshToken,
      {
        ...transport.call,
        additionalParameters,
      },
    );
    return oauth.processRefreshTokenResponse(as, transport.client, res);
  }, run);
  return { response, claims: await validatedClaims(transport, response) };
}
