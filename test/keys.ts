import { createPrivateKey } from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import { TEST_ONLY_RSA_JWKS } from './rsa-keys.fixture.js';

/** An RS256 key pair from the committed test-only fixtures. */
export interface TestKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as a JWK, without `kid`, `alg` or `use`. */
  publicJwk: JWK;
  /** The private half as a JWK (for a server that takes its signing key as one). */
  privateJwk: JWK;
  /** The private half as PKCS #8 PEM (for options that take a PEM string). */
  privatePem: string;
}

/** How many distinct fixture keys tests sign with: `testKeyPair(i)` for `i` below this. */
export const TEST_KEY_COUNT = 5;

const cache = new Map<number, Promise<TestKeyPair>>();

/**
 * The `index`-th fixture key pair, imported once per process: distinct indices are distinct keys, so a
 * test that needs a stranger's key or a rotated one takes another index.
 */
export function testKeyPair(index: number): Promise<TestKeyPair> {
  const fixture = index < TEST_KEY_COUNT ? TEST_ONLY_RSA_JWKS[index] : undefined;
  if (!fixture) throw new RangeError(`there are ${TEST_KEY_COUNT} test keys, not ${index + 1}`);
  let pair = cache.get(index);
  if (!pair) {
    pair = (async () => {
      const privateJwk: JWK = { ...fixture };
      const publicJwk: JWK = { kty: fixture.kty, e: fixture.e, n: fixture.n };
      const privateKey = await importJWK(privateJwk, 'RS256', { extractable: true });
      const publicKey = await importJWK(publicJwk, 'RS256', { extractable: true });
      if (!(privateKey instanceof CryptoKey) || !(publicKey instanceof CryptoKey))
        throw new TypeError('an RSA JWK imports as a CryptoKey');
      const privatePem = createPrivateKey({ key: privateJwk, format: 'jwk' })
        .export({ type: 'pkcs8', format: 'pem' })
        .toString();
      return { privateKey, publicKey, publicJwk, privateJwk, privatePem };
    })();
    cache.set(index, pair);
  }
  return pair;
}

/**
 * The private JWK that test emulators sign with (`startEmulator({ signingKey })`): no fixture key a test
 * signs with itself, so a token it makes never passes as the emulator's.
 */
export const EMULATOR_SIGNING_KEY = TEST_ONLY_RSA_JWKS[5];
