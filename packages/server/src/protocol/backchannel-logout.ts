import { jwtVerify, errors as joseErrors, type JWTPayload, type JWTVerifyResult } from 'jose';
import { Auth0Error, BackchannelLogoutError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import type { LogoutTokenClaims, ReplayStore } from '../types.js';
import { argumentError } from '../lib/validate.js';

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
 * and not older than {@link LOGOUT_TOKEN_MAX_AGE}), `exp` (present and not passed: Back-Channel Logout
 * 1.0 with errata set 1 makes it REQUIRED in section 2.4 and validates it as in an ID Token, section
 * 2.6), `typ` when present
 * (`logout+jwt`), the back-channel logout member of `events` (a JSON object), no `nonce`, a `sid` or
 * `sub` (each a string when present: a malformed `sid` is refused, never read as "all of `sub`'s
 * sessions"), and a `jti` not already recorded in `replay`.
 *
 * It records nothing: once the token's sessions are deleted, record it with
 * `replay.add(replayKey, keepUntil)`. Until then a second delivery (the sender's retry, or a copy in
 * flight) is let through; acting on a logout token twice deletes nothing more.
 *
 * @throws {BackchannelLogoutError} `logout_token_invalid`, with the failing `claim` where there is one.
 * @throws {RequestError} when discovery or the JWKS cannot be fetched.
 * @see https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation
 */
export async function validateLogoutToken(
  transport: Transport,
  logoutToken: string,
  replay: ReplayStore,
): Promise<LogoutTokenClaims & { replayKey: string; keepUntil: number }> {
  if (typeof logoutToken !== 'string' || logoutToken === '') {
    throw argumentError('"logoutToken" must be a non-empty string', 'ERR_INVALID_ARG_TYPE');
  }
  const { payload, protectedHeader } = await verify(transport, logoutToken);
  // §2.4: typ is optional; media type names compare case-insensitively and may omit "application/".
  if (protectedHeader.typ !== undefined && normalizeTyp(protectedHeader.typ) !== 'logout+jwt') {
    throw invalid('The logout token is typed as something other than logout+jwt', 'typ');
  }
  const events = payload.events;
  const event = isJsonObject(events) ? events[BACKCHANNEL_LOGOUT_EVENT] : undefined;
  if (!isJsonObject(event)) {
    throw invalid('The logout token has no back-channel logout event object', 'events');
  }
  if ('nonce' in payload) throw invalid('A logout token must not carry a nonce', 'nonce');
  const sid = optionalClaim(payload, 'sid');
  const sub = optionalClaim(payload, 'sub');
  if (sid === undefined && sub === undefined)
    throw invalid('The logout token has neither sid nor sub', 'sid');
  if (typeof payload.jti !== 'string' || payload.jti === '')
    throw invalid('The logout token has no jti', 'jti');
  const iat = payload.iat ?? 0;
  const keepUntil = (iat + LOGOUT_TOKEN_MAX_AGE + transport.clockTolerance) * 1000;
  const replayKey = `${transport.issuer.href} ${payload.jti}`;
  // Only a token acted on completely is recorded (after its sessions are deleted, by the caller), so a
  // record that a failed store call applies late can never turn the sender's retry into a "replay".
  if (await replay.has(replayKey)) throw invalid('The logout token was already used', 'jti');
  return {
    replayKey,
    keepUntil,
    iss: transport.issuer.href,
    ...(sid === undefined ? {} : { sid }),
    ...(sub === undefined ? {} : { sub }),
  };
}

/** Verifies the logout token's signature and standard claims with jose, mapping failures to `logout_token_invalid`. */
async function verify(transport: Transport, token: string): Promise<JWTVerifyResult<JWTPayload>> {
  try {
    return await jwtVerify(token, transport.keys, {
      issuer: transport.issuer.href,
      audience: transport.client.client_id,
      clockTolerance: transport.clockTolerance,
      maxTokenAge: LOGOUT_TOKEN_MAX_AGE,
      requiredClaims: ['iat', 'exp'],
    });
  } catch (err) {
    if (err instanceof Auth0Error) throw err;
    if (err instanceof joseErrors.JWTClaimValidationFailed || err instanceof joseErrors.JWTExpired) {
      throw invalid(`The logout token failed validation: ${err.message}`, err.claim);
    }
    const reason = err instanceof Error ? err.message : 'unknown failure';
    throw invalid(`The logout token failed validation: ${reason}`);
  }
}

function invalid(message: string, claim?: string): BackchannelLogoutError {
  return new BackchannelLogoutError('logout_token_invalid', message, claim);
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `typ` header as RFC 7515 §4.1.9 compares it: lower case, without the `application/` prefix. */
function normalizeTyp(typ: string): string {
  const lower = typ.toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

/**
 * A claim that must be a non-empty string when present. A malformed `sid` must not be dropped: the
 * token would then match every session of its `sub`.
 */
function optionalClaim(payload: JWTPayload, claim: 'sid' | 'sub'): string | undefined {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '')
    throw invalid(`The logout token ${claim} is not a string`, claim);
  return value;
}
