/** Random values: opaque tokens, authenticator ids and the codes users type. */
import { randomBytes, randomInt } from 'node:crypto';

/** An opaque, unguessable token (256 bits, base64url), used for mfa_tokens and oob_codes. */
export function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** An authenticator id in Auth0's `{kind}|dev_{random}` shape. */
export function authenticatorId(prefix: string): string {
  return `${prefix}|dev_${randomBytes(12).toString('base64url')}`;
}

/** A 6-digit code with leading zeros, as SMS, voice and email factors send. */
export function sixDigits(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

// Letters and digits without the look-alikes 0/O and 1/I, since users copy recovery codes by hand.
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 24-character recovery code, the length Auth0 issues. */
export function recoveryCode(): string {
  let code = '';
  for (let i = 0; i < 24; i++) code += RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)];
  return code;
}
