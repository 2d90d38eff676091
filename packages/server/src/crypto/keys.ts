import { createHash, hkdfSync } from 'node:crypto';

/**
 * What a derived key is for. Each purpose gets its own key from the same secret, so a value sealed
 * for one use (a transaction cookie, say) can never be opened as another (an mfa token).
 */
export type KeyPurpose =
  | 'session'
  | 'transaction'
  | 'session-id'
  | 'mfa-token'
  // A session kept in a shared store (Redis), and a refresh answer shared between processes.
  | 'session-store'
  | 'refresh-share';

/** A key derived for one purpose, with the id that names it in a JWE header. */
export interface DerivedKey {
  /** Identifies the key in a JWE header, so decryption picks the right secret without trying all. */
  kid: string;
  /** The 256-bit `A256GCM` content encryption key. */
  key: Uint8Array;
}

const cache = new Map<string, DerivedKey>();

/**
 * Derives the 256-bit key for `purpose` from `secret` with HKDF-SHA-256, once per process: the
 * derivation never runs on the per-request path after the first use.
 */
export function deriveKey(secret: string, purpose: KeyPurpose): DerivedKey {
  const id = `${purpose}\u0000${secret}`;
  let derived = cache.get(id);
  if (!derived) {
    const key = new Uint8Array(hkdfSync('sha256', secret, '', `auth0-server-ts ${purpose} key`, 32));
    const kid = createHash('sha256')
      .update(new Uint8Array(hkdfSync('sha256', secret, '', `auth0-server-ts ${purpose} kid`, 32)))
      .digest('base64url')
      .slice(0, 12);
    derived = { kid, key };
    cache.set(id, derived);
  }
  return derived;
}
