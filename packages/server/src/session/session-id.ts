import { base64url } from 'jose';

/**
 * A new random id from the CSPRNG (Web Crypto's `getRandomValues`, on every runtime), base64url:
 * 128 bits (22 characters) by default.
 *
 * As `internal.sid` it is the value mfa tokens are bound to; it is not a bearer secret on its own,
 * but it is unguessable so that binding cannot be forged. A stateful store's session id, which is a
 * bearer secret, takes 256 bits.
 */
export function newSessionId(bytes = 16): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}
