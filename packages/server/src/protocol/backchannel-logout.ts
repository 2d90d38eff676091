import { jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { Auth0Error, BackchannelLogoutError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import type { ReplayCache } from '../lib/replay-cache.js';
import type { LogoutTokenClaims } from '../types.js';

/**
 * The event a logout token must carry (OpenID Connect Back-Channel Logout 1.0, section 2.4).
 *
 * @example
 * ```ts
 * const isLogout = BACKCHANNEL_LOGOUT_EVENT in (decodeJwt(logoutToken).events ?? {});
 * ```
 */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** How old (seconds since `iat`) a logout token may be, before clock tolerance. */
export const LOGOUT_TOKEN_MAX_AGE = 300;

/**
 * Validates a logout token completely: signature over the server's JWKS, `iss`, `aud`, `iat` (present
 * and not older than {@link LOGOUT_TOKEN_MAX_AGE}), `exp` when present, the back-channel logout
 * `events` member, no `nonce`, a `sid` or `sub`, and a `jti` not seen before.
 *
 * The `jti` is recorded in `replay`; call `replay.remove(replayKey)` if acting on the token fails.
 *
 * @throws {BackchannelLogoutError} `logout_token_invalid`, with the failing `claim` where there is one.
 * @throws {RequestError} when discovery or the JWKS cannot be fetched.
 * @see https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation
 */
export async function validateLogoutToken(
  transport: Transport,
  logoutToken: string,
  replay: ReplayCache,
): Promise<LogoutTokenClaims & { replayKey: string }> {
  if (typeof logoutToken !== 'string' || logoutToken === '') {
    throw new TypeError('"logoutToken" must be a non-empty string');
  }
  const payload = await verify(transport, logoutToken);
  const events = payload.events;
  if (
    typeof events !== 'object' ||
    events === null ||
    Array.isArray(events) ||
    !(BACKCHANNEL_LOGOUT_EVENT in events)
  ) {
    throw invalid('The logout token has no back-channel logout event', 'events');
  }
  if ('nonce' in payload) throw invalid('A logout token must not carry a nonce', 'nonce');
  const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
  const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
  if (sid === undefined && sub === undefined)
    throw invalid('The logout token has neither sid nor sub', 'sid');
  if (typeof payload.jti !== 'string' || payload.jti === '')
    throw invalid('The logout token has no jti', 'jti');
  const iat = payload.iat ?? 0;
  const keepUntil = (iat + LOGOUT_TOKEN_MAX_AGE + transport.clockTolerance) * 1000;
  if (!replay.add(`${transport.issuer.href} ${payload.jti}`, keepUntil)) {
    throw invalid('The logout token was already used', 'jti');
  }
  return {
    replayKey: `${transport.issuer.href} ${payload.jti}`,
    iss: transport.issuer.href,
    ...(sid === undefined ? {} : { sid }),
    ...(sub === undefined ? {} : { sub }),
  };
}

/** Verifies the logout token's signature and standard claims with jose, mapping failures to `logout_token_invalid`. */
async function verify(transport: Transport, token: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, transport.keys, {
      issuer: transport.issuer.href,
      audience: transport.client.client_id,
      clockTolerance: transport.clockTolerance,
      maxTokenAge: LOGOUT_TOKEN_MAX_AGE,
      requiredClaims: ['iat'],
    });
    return payload;
  } catch (err) {
    if (err instanceof Auth0Error) throw err;
    if (err instanceof joseErrors.JWTClaimValidationFailed || err instanceof joseErrors.JWTExpired) {
      throw invalid(`The logout token failed validation: ${err.message}`, err.claim);
    }
    const reason = err instanceof Error ? err.message : 'unknown failure';
    throw invalid(`The logout token failed validation: ${reason}`);
  }
}

/** A `logout_token_invalid` error naming `claim`. */
function invalid(message: string, claim?: string): BackchannelLogoutError {
  return new BackchannelLogoutError('logout_token_invalid', message, claim);
}
