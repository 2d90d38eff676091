import { decodeJwt } from 'jose';
import type * as oauth from 'oauth4webapi';

/**
 * Seconds an access token is taken to live when the token response has no `expires_in` and the
 * token is not a JWT with an `exp` claim: one hour. Guessing short costs one early refresh; guessing
 * long would send expired tokens, and counting the token as already expired would refresh on every call.
 */
export const DEFAULT_ACCESS_TOKEN_LIFETIME = 3600;

/** The tokens a token request returned, in camelCase, as `getTokenByRefreshToken` resolves them. */
export interface TokenResponse {
  /** The access token, to send as `Authorization: Bearer`. */
  accessToken: string;
  /** Unix time in seconds. */
  expiresAt: number;
  /** When the server issued one (refreshes with `openid` in scope do). */
  idToken?: string;
  /** A rotated refresh token, when the server issued one: store it in place of the old one. */
  refreshToken?: string;
  /** The scope granted. */
  scope?: string;
  /** `Bearer` or `DPoP`, as registered. */
  tokenType?: string;
}

/**
 * Converts oauth4webapi's processed token answer to a {@link TokenResponse}. `tokenType` is always
 * set: oauth4webapi refuses an answer without `token_type`. `expiresAt` comes from `expires_in`;
 * without it, from the access token's `exp` when the token is a JWT (decoded, not verified: the
 * client only needs to know when to refresh), else {@link DEFAULT_ACCESS_TOKEN_LIFETIME} from now.
 */
export function toTokenResponse(
  response: oauth.TokenEndpointResponse,
  now = Date.now(),
): TokenResponse & { tokenType: string } {
  const issuedAt = Math.floor(now / 1000);
  return {
    accessToken: response.access_token,
    expiresAt:
      typeof response.expires_in === 'number'
        ? issuedAt + response.expires_in
        : (jwtExpiry(response.access_token) ?? issuedAt + DEFAULT_ACCESS_TOKEN_LIFETIME),
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

/** The `exp` of a JWT access token, or `undefined` for an opaque token or one without a usable `exp`. */
function jwtExpiry(accessToken: string): number | undefined {
  try {
    const { exp } = decodeJwt(accessToken);
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}
