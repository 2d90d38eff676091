import * as oauth from 'oauth4webapi';
import { LoginRequiredError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import type { SessionAccess } from '../session/access.js';
import { refreshTokenRevoked } from '../session/rules.js';

/** Options of `revokeRefreshToken`. */
export interface RevokeRefreshTokenOptions {
  /** The refresh token to revoke. Default: the current session's. */
  token?: string;
}

/**
 * Revokes a refresh token at the server's revocation endpoint (RFC 7009, Auth0's `/oauth/revoke`) with
 * `token_type_hint=refresh_token` and the client's authentication. Every later refresh with it, from
 * any instance, answers `invalid_grant`.
 *
 * @throws {ServerError} `server_error` when the server refuses the revocation.
 * @throws {RequestError} `request_failed` / `request_timeout` / `invalid_response`, also when discovery
 *   lists no `revocation_endpoint`.
 */
export async function revokeRefreshToken(transport: Transport, token: string): Promise<void> {
  await transport.run(async (as) => {
    const res = await oauth.revocationRequest(as, transport.client, transport.clientAuth, token, {
      ...transport.call,
      additionalParameters: { token_type_hint: 'refresh_token' },
    });
    return oauth.processRevocationResponse(res);
  });
}

/**
 * Revokes the session's refresh token, then removes it from the session (under the session's lock,
 * and only if the session still holds that token): a session keeps no dead credential, so its next
 * refresh fails with `login_required` without a round trip, in every instance that shares the store.
 *
 * @throws {LoginRequiredError} `login_required` when there is no session or it holds no refresh token.
 * @throws {StoreError} `store_unavailable` / `lock_timeout`; and what {@link revokeRefreshToken} throws.
 */
export async function revokeSessionRefreshToken<TStoreOptions>(
  transport: Transport,
  sessions: SessionAccess<TStoreOptions>,
  storeOptions: TStoreOptions | undefined,
): Promise<void> {
  const token = (await sessions.get(storeOptions))?.refreshToken;
  if (token === undefined) {
    throw new LoginRequiredError('There is no refresh token to revoke: no session, or it holds none');
  }
  await revokeRefreshToken(transport, token);
  await sessions.update((current) => refreshTokenRevoked(current, token), storeOptions);
}
