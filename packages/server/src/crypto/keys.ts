import { base64url } from 'jose';

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
  /** The same key imported once for Web Crypto, so no request pays for an import. */
  cryptoKey: CryptoKey;
}

const cache = new Map<string, Promise<DerivedKey>>();
const encoder = new TextEncoder();

/**
 * Derives the 256-bit key for `purpose` from `secret` with HKDF-SHA-256 (empty salt, info
 * `auth0-server-ts <purpose> key`), once per process: the derivation never runs on the
 * per-request path after the first use. Web Crypto only, so it is the same on every runtime.
 */
export function deriveKey(secret: string, purpose: KeyPurpose): Promise<DerivedKey> {
  const id = `${purpose}\u0000${secret}`;
  let derived = cache.get(id);
  if (!derived) {
    derived = derive(secret, purpose);
    cache.set(id, derived);
    derived.catch(() => cache.delete(id));
  }
  return derived;
}

async function derive(secret: string, purpose: KeyPurpose): Promise<DerivedKey> {
  const ikm = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits']);
  const hkdf = (info: string) =>
    crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
      ikm,
      256,
    );
  const key = new Uint8Array(await hkdf(`auth0-server-ts ${purpose} key`));
  const kidHash = new Uint8Array(
    await crypto.subtle.digest('SHA-256', await hkdf(`auth0-server-ts ${purpose} kid`)),
  );
  const cryptoKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { kid: base64url.encode(kidHash).slice(0, 12), key, cryptoKey };
}
