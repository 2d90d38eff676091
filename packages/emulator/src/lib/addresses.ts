/**
 * Email addresses and phone numbers as the MFA API, passwordless and database signups take them. Each
 * check caps the length first and then reads the value once: no pattern here can backtrack on
 * attacker-sized input.
 */

/** RFC 5321's limit on a forward path, the longest address a mail server accepts. */
export const EMAIL_MAX_LENGTH = 254;

/** A plus sign and at most 15 digits (ITU-T E.164). */
export const PHONE_MAX_LENGTH = 16;

/** E.164: a plus sign, a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/** Whether `value` is a phone number in E.164 form, such as `+15551234567`. */
export function isE164(value: string): boolean {
  return value.length <= PHONE_MAX_LENGTH && E164.test(value);
}

/**
 * Whether `value` looks like an email address. Deliberately loose (mail delivery is simulated): at most
 * {@link EMAIL_MAX_LENGTH} characters, one `@` with something before it, no whitespace, and a domain with a
 * dot that neither starts nor ends it.
 */
export function isEmail(value: string): boolean {
  if (value.length > EMAIL_MAX_LENGTH) return false;
  const at = value.indexOf('@');
  if (at < 1 || value.indexOf('@', at + 1) !== -1 || /\s/.test(value)) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && !domain.endsWith('.');
}
