import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { Op } from './harness.js';

// Twelve-byte IVs drawn 64 at a time from Web Crypto's CSPRNG, as our sealer draws them
// (packages/server/src/crypto/compact-jwe.ts): the floor pays for randomness what ours pays, no more
// and no less, so a write that beats the floor cannot be the IV source.
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

/** A sealed value of the floor: bytes, not text (the least a store can hand a decryption). */
export interface Sealed {
  iv: Uint8Array;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * The floor: AES-256-GCM with a key prepared once, over the same JSON, with node:crypto, copying
 * nothing it need not: GCM is a stream mode, so `update` returns the whole text and `final` (which
 * checks the tag) nothing.
 */
export async function floorOps(payload: unknown) {
  const key = randomBytes(32);
  const seal = (value: unknown, k: Uint8Array = key): Sealed => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', k, iv);
    const ciphertext = cipher.update(JSON.stringify(value), 'utf8');
    cipher.final();
    return { iv, ciphertext, tag: cipher.getAuthTag() };
  };
  const decrypt = (sealed: Sealed, k: Uint8Array = key) => {
    const decipher = createDecipheriv('aes-256-gcm', k, sealed.iv);
    decipher.setAuthTag(sealed.tag);
    const plaintext = decipher.update(sealed.ciphertext);
    decipher.final();
    return plaintext;
  };
  const open = (sealed: Sealed, k?: Uint8Array): unknown => JSON.parse(decrypt(sealed, k).toString('utf8'));
  const sealed = seal(payload);
  const plaintext = decrypt(sealed);
  const text = plaintext.toString('utf8');

  // The same read with its key derived from the secret on every call (HKDF-SHA-256 through Web
  // Crypto, as the peer derives one per read): what per-read derivation alone costs.
  const secret = randomBytes(32).toString('base64url');
  const sealedUnderDerived = seal(payload, await hkdf(secret, 'floor', 256));

  return {
    write: (): Sealed => seal(payload),
    read: () => open(sealed),
    /** Decrypts and parses what `write` returned. */
    open: (value: Sealed): unknown => open(value),
    roundtrip: () => open(seal(payload)),
    readDerivingKey: async () => open(sealedUnderDerived, await hkdf(secret, 'floor', 256)),
    /** The sealed session as one value for a key-value store: IV, tag, then ciphertext. */
    packed: (): Buffer => Buffer.concat([sealed.iv, sealed.tag, sealed.ciphertext]),
    /** Decrypts and parses a {@link packed} value, reading its parts in place. */
    openPacked: (value: Buffer): unknown =>
      open({ iv: value.subarray(0, 12), tag: value.subarray(12, 28), ciphertext: value.subarray(28) }),
    // The read's three steps alone, to show what each one allocates.
    parts: [
      { name: 'decrypt to bytes', fn: () => decrypt(sealed) },
      { name: 'bytes to UTF-8 text', fn: () => plaintext.toString('utf8') },
      { name: 'JSON.parse of the text', fn: () => JSON.parse(text) },
    ] satisfies { name: string; fn: Op }[],
  };
}

const encoder = new TextEncoder();

/** HKDF-SHA-256 of `secret` (salt `kid`) to `bits`, through Web Crypto, the raw key imported each time. */
async function hkdf(secret: string, kid: string, bits: number): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits']);
  const salt = encoder.encode(`__a0_session${kid}`);
  const info = encoder.encode('bench floor key');
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, ikm, bits),
  );
}

/**
 * The peer's crypto design without the rest of the peer: each value a compact JWE (`dir`,
 * `A256CBC-HS512`) through jose over Web Crypto, under a 512-bit key derived with HKDF per write (a
 * fresh `kid` each time) and again per read (from the header's `kid`). Against the floor above
 * (A256GCM, key derived once, node:crypto) it shows how much of the peer's time is that design
 * rather than its code.
 */
export async function peerDesignOps(payload: Record<string, unknown>) {
  const secret = randomBytes(32).toString('base64url');
  const seal = async () => {
    const kid = crypto.randomUUID();
    return new EncryptJWT(payload)
      .setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512', kid })
      .setExpirationTime(Math.floor(Date.now() / 1000) + 86_400)
      .encrypt(await hkdf(secret, kid, 512));
  };
  const open = async (value: string) => {
    const { payload: opened } = await jwtDecrypt(
      value,
      (header) => {
        if (!header.kid) throw new Error('no kid in the JWE header');
        return hkdf(secret, header.kid, 512);
      },
      { clockTolerance: 15 },
    );
    return opened;
  };
  const sealed = await seal();
  return { read: () => open(sealed), write: seal };
}
