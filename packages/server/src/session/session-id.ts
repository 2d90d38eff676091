import { randomBytes } from 'node:crypto';

/**
 * A new random session id: 128 bits from the CSPRNG, base64url (22 characters).
 *
 * It becomes `internal.sid`, the value mfa tokens are bound to; it is not a bearer secret on its
 * own, but it is unguessable so that binding cannot be forged.
 *
 * @example
 * const sid = newSessionId(); // 'q5Q2nX0p3QwYbq8cJj2m3A'
 */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}
