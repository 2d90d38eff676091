import type * as oauth from 'oauth4webapi';

/**
 * The tokens a token request returned, in camelCase, as `getTokenByRefreshToken` resolves them.
 *
 * @example
 * ```ts
 * const { accessToken, refreshToken }: TokenResponse = await client.getTokenByRefreshToken({ refreshToken: stored });
 * ```
 */
export interface TokenResponse {
  accessToken: string;
  /** Unix time in seconds. */
  expiresAt: number;
  idToken?: string;
  /** A rotated refresh token, when the server issued one: store it in place of the old one. */
  refreshToken?: string;
  scope?: string;
  /** `Bearer` or `DPoP`, as registered. */
  tokenType?: string;
}

/**
 * Converts oauth4webapi's processed token answer to a {@link TokenResponse}. `tokenType` is always
 * set: oauth4webapi refuses an answer without `token_type`.
 */
export function toTokenResponse(
  response: oauth.TokenEndpointResponse,
  now = Date.now(),
): TokenResponse & { tokenType: string } {
  const expiresIn = typeof response.expires_in === 'number' ? response.expires_in : 0;
  return {
    accessToken: response.access_token,
    expiresAt: Math.floor(now / 1000) + expiresIn,
    tokenType: tokenTypeOf(response.token_type),
    ...(response.id_token === undefined ? {} : { idToken: response.id_token }),
    ...(response.refresh_token === undefined ? {} : { refreshToken: response.refresh_token }),
    ...(response.scope === undefined ? {} : { scope: response.scope }),
  };
}

/**
 * oauth4webapi lowercases `token_type`; apps compare it with, and send it back as, the registered
 * spelling (`Bearer`, `DPoP`), which is what the server said.
 */
export function tokenTypeOf(value: string): string {
  if (value === 'bearer') return 'Bearer';
  if (value === 'dpop') return 'DPoP';
  return value;
}
