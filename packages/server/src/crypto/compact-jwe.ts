import { base64url } from 'jose';
import { isRecord } from '../lib/is-record.js';
import type { DerivedKey } from './keys.js';
import type { NodeCrypto } from './runtime.js';

// The compact JWE (RFC 7516, section 7.1) of `alg: dir`, `enc: A256GCM` with node:crypto's synchronous
// AES-GCM: the same bytes jose writes and reads through Web Crypto, minus the thread-pool hops.
// The protected header, as sent, is the additional authenticated data (RFC 7516, section 5.1 step 14).

const B64URL = /^[\w-]*$/;
const encoder = new TextEncoder();
const DOT = 0x2e;
const decoder = new TextDecoder();

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

// IVs come from the CSPRNG 64 at a time (a call per seal was 9% of a write: BENCHMARKS.md); each is
// still used once.
const IV_BATCH = 64;
let ivPool = new Uint8Array(0);
let ivNext = 0;

function nextIv(): Uint8Array {
  if (ivNext === ivPool.length) {
    ivPool = crypto.getRandomValues(new Uint8Array(12 * IV_BATCH));
    ivNext = 0;
  }
  return ivPool.subarray(ivNext, (ivNext += 12));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

function encodeSmall(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * Strict base64url (no padding) of `text` from `start` to bytes in `out`, which it fills exactly;
 * `false` for any character outside the alphabet.
 */
function decodeInto(text: string, start: number, out: Uint8Array): boolean {
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = start; at < out.length; i++) {
    const v = VALUES[text.charCodeAt(i)] ?? -1;
    if (v < 0) return false;
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 255;
    }
  }
  return true;
}

// The IV and tag are decoded into these two arrays, reused: node:crypto copies both when given them,
// and nothing between decoding and decrypting can run anything else (all of it is synchronous).
const ivScratch = new Uint8Array(12);
const tagScratch = new Uint8Array(16);
const IV_CHARS = 16;
const TAG_CHARS = 22;

/** Encrypts `json` under `k`: `header..iv.ciphertext.tag`. */
export function sealCompact(node: NodeCrypto, k: CompactKey, json: string): string {
  const iv = nextIv();
  const cipher = node.createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(k.aad);
  const ciphertext = cipher.update(json, 'utf8', 'base64url') + cipher.final('base64url');
  return `${k.header}..${encodeSmall(iv)}.${ciphertext}.${encodeSmall(cipher.getAuthTag())}`;
}

/**
 * Decrypts a compact JWE sealed under one of `keys` (found by the exact header first, else by the
 * header's `kid`); the plaintext, or `undefined` for anything malformed, foreign or tampered with.
 */
export function openCompact(
  node: NodeCrypto,
  keys: readonly CompactKey[],
  value: string,
): string | undefined {
  // header..iv.ciphertext.tag, with an empty encrypted key, a 16-character IV and a 22-character tag.
  const headerEnd = value.indexOf('.');
  const ivStart = headerEnd + 2;
  const ciphertextStart = ivStart + IV_CHARS + 1;
  const tagStart = value.length - TAG_CHARS;
  if (
    headerEnd < 1 ||
    value.charCodeAt(headerEnd + 1) !== DOT ||
    value.charCodeAt(ciphertextStart - 1) !== DOT ||
    value.charCodeAt(tagStart - 1) !== DOT ||
    tagStart - 1 < ciphertextStart ||
    value.indexOf('.', ivStart) !== ciphertextStart - 1 ||
    value.indexOf('.', ciphertextStart) !== tagStart - 1 ||
    (tagStart - 1 - ciphertextStart) % 4 === 1
  ) {
    return undefined;
  }
  let k: CompactKey | undefined;
  for (const candidate of keys) {
    if (candidate.header.length === headerEnd && value.startsWith(candidate.header)) {
      k = candidate;
      break;
    }
  }
  const header = k ? undefined : value.slice(0, headerEnd);
  if (header !== undefined) k = byHeader(keys, header);
  if (!k || !decodeInto(value, ivStart, ivScratch) || !decodeInto(value, tagStart, tagScratch)) {
    return undefined;
  }
  const ciphertext = value.slice(ciphertextStart, tagStart - 1);
  try {
    const decipher = node.createDecipheriv('aes-256-gcm', k.key, ivScratch, { authTagLength: 16 });
    decipher.setAAD(header === undefined ? k.aad : encoder.encode(header));
    decipher.setAuthTag(tagScratch);
    const head = decipher.update(ciphertext, 'base64url');
    const tail = decipher.final();
    // Node's decoder skips characters outside the alphabet instead of failing: a text with any
    // decodes to fewer bytes than its length promises, so only the exact sealed text opens.
    if (head.length + tail.length !== Math.floor((ciphertext.length * 3) / 4)) return undefined;
    if (tail.length === 0) return head.toString('utf8');
    return decoder.decode(head, { stream: true }) + decoder.decode(tail);
  } catch {
    return undefined;
  }
}

/** The key a header written differently from ours names, when it is a valid `dir`/`A256GCM` header. */
function byHeader(keys: readonly CompactKey[], header: string): CompactKey | undefined {
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
  const { kid } = parsed;
  return keys.find((k) => k.kid === kid);
}
