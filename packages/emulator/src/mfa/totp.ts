/**
 * TOTP (RFC 6238) as Auth0's otp factor and common authenticator apps use it: SHA-1, 6 digits, 30-second
 * steps. The arithmetic is otplib's; this file fixes the parameters and the accepted clock drift.
 *
 * @see {@link https://www.rfc-editor.org/rfc/rfc6238 RFC 6238}
 */
import { createGuardrails, generateSecret, generateSync, verifySync } from 'otplib';
import { argumentError } from '../lib/validate.js';

const PERIOD = 30;

// RFC 4226 recommends 128-bit secrets and otplib enforces it, but many published test secrets (and
// secrets people paste into a config) are 80 bits, the size Google Authenticator once generated.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/**
 * Checks that `secret` is one the otp factor can use: Base32 of at least 10 bytes (80 bits).
 *
 * @param field - The name of the field in the error, such as `config.users[0].authenticators[0].secret`.
 * @throws TypeError naming `field` otherwise.
 */
export function checkTotpSecret(secret: string, field: string): void {
  try {
    generateSync({ secret, epoch: 0, period: PERIOD, guardrails });
  } catch (cause) {
    throw argumentError(`${field} must be a Base32 string of at least 10 bytes`, 'ERR_INVALID_ARG_VALUE', {
      cause,
    });
  }
}

/**
 * The TOTP code of `secret` at a moment.
 *
 * @param secret - The Base32 secret, as returned by `associate` or `addUser`.
 * @param atMs - The moment in milliseconds since the epoch; defaults to now.
 * @returns The 6-digit code.
 * @throws TypeError when `secret` is not a usable Base32 secret.
 * @example
 * ```ts
 * const otp = generateTotp(secret);
 * ```
 */
export function generateTotp(secret: string, atMs: number = Date.now()): string {
  checkTotpSecret(secret, 'secret');
  return generateSync({ secret, epoch: Math.floor(atMs / 1000), period: PERIOD, guardrails });
}

/** A new 160-bit Base32 secret, the size RFC 4226 recommends for SHA-1. */
export function newTotpSecret(): string {
  return generateSecret();
}

/**
 * Checks `token` against `secret` at `atMs`, accepting one step of drift either side. Returns the time step
 * that matched, or `undefined`. Steps at or before `afterTimeStep` are refused so a code cannot be replayed.
 */
export function verifyTotp(
  secret: string,
  token: string,
  atMs: number,
  afterTimeStep?: number,
): number | undefined {
  if (!/^\d{6}$/.test(token)) return undefined;
  const epoch = Math.floor(atMs / 1000);
  const result = verifySync({
    secret,
    token,
    epoch,
    period: PERIOD,
    epochTolerance: PERIOD,
    guardrails,
    ...(afterTimeStep === undefined ? {} : { afterTimeStep }),
  });
  // The functional API types its result for HOTP and TOTP alike; `delta` (in steps) is common to both.
  return result.valid ? Math.floor(epoch / PERIOD) + result.delta : undefined;
}

/**
 * The `otpauth://` URI of an otp enrollment in the exact form Auth0 emits. Built by hand because otplib
 * leaves out the default `algorithm`, `digits` and `period` that Auth0's URI spells out.
 */
export function otpauthUri(tenant: string, account: string, secret: string): string {
  const label = otpauthLabel(tenant, account);
  const query = new URLSearchParams({ secret, issuer: tenant, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** The `{issuer}:{account}` label of an `otpauth://` URI, each part percent-encoded (Key URI Format). */
export function otpauthLabel(tenant: string, account: string): string {
  return `${encodeURIComponent(tenant)}:${encodeURIComponent(account)}`;
}
