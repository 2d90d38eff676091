import { base64url } from 'jose';
import { isRecord } from '../lib/is-record.js';
import type { DerivedKey } from './keys.js';
import type { NodeCrypto } from './runtime.js';

// The compact JWE (RFC 7516, section 7.1) of `alg: dir`, `enc: A256GCM` with node:crypto's synchronous
// AES-GCM: the same bytes jose writes and reads through Web Crypto, minus the thread-pool hops.
// The protected header, as sent, is the additional authenticated data (RFC 7516, section 5.1 step 14).

const B64URL = /^[\w-]*$/;
const encoder = new TextEncoder();

/** One key as the compact-JWE path uses it: the header it seals under and that header's AAD bytes. */
export interface CompactKey {
  kid: string;
  key: Uint8Array;
  header: string;
  aad: Uint8Array;
}

/** The protected header for `kid`, written as jose writes `{ alg, enc, kid }`. */
export function compactKey(derived: DerivedKey): CompactKey {
  const header = base64url.encode(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: derived.kid }));
  return { kid: derived.kid, key: derived.key, header, aad: encoder.encode(header) };
}

/** Encrypts `json` under `k`: `header..iv.ciphertext.tag`. */
export function sealCompact(node: NodeCrypto, k: CompactKey, json: string): string {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = node.createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(k.aad);
  const ciphertext = cipher.update(json, 'utf8', 'base64url') + cipher.final('base64url');
  return `${k.header}..${base64url.encode(iv)}.${ciphertext}.${base64url.encode(cipher.getAuthTag())}`;
}

/**
 * Decrypts a compact JWE sealed under one of `keys` (found by the exact header first, else by the
 * header's `kid`); the plaintext, or `undefined` for anything malformed, foreign or tampered with.
 */
export function openCompact(
  node: NodeCrypto,
  keys: ReadonlyMap<string, CompactKey>,
  value: string,
): string | undefined {
  const parts = value.split('.');
  if (parts.length !== 5) return undefined;
  const [header = '', encryptedKey, iv = '', ciphertext = '', tag = ''] = parts;
  if (encryptedKey !== '' || iv.length !== 16 || tag.length !== 22) return undefined;
  // Node's base64 decoder skips characters outside the alphabet; refuse them so that only the
  // exact sealed text opens.
  if (!B64URL.test(iv) || !B64URL.test(tag) || !B64URL.test(ciphertext)) return undefined;
  const k = keys.get(header) ?? byHeader(keys, header);
  if (!k) return undefined;
  try {
    const decipher = node.createDecipheriv('aes-256-gcm', k.key, base64url.decode(iv), { authTagLength: 16 });
    decipher.setAAD(header === k.header ? k.aad : encoder.encode(header));
    decipher.setAuthTag(base64url.decode(tag));
    return decipher.update(ciphertext, 'base64url', 'utf8') + decipher.final('utf8');
  } catch {
    return undefined;
  }
}

/** The key a header written differently from ours names, when it is a valid `dir`/`A256GCM` header. */
function byHeader(keys: ReadonlyMap<string, CompactKey>, header: string): CompactKey | undefined {
  if (!B64URL.test(header)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(header)));
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.alg !== 'dir' || parsed.enc !== 'A256GCM') return undefined;
  if (Object.keys(parsed).some((name) => name !== 'alg' && name !== 'enc' && name !== 'kid'))
    return undefined;
  for (const k of keys.values()) if (k.kid === parsed.kid) return k;
  return undefined;
}
