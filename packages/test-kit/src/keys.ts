import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

/** An RS256 key pair: the private key signs, the public JWK is what a key set serves. */
export interface KeyPair {
  privateKey: CryptoKey;
  /** Without `kid`, `alg` or `use`. */
  publicJwk: JWK;
}

/** A key pair under a `kid`: its JWK as a key set lists it, and a signer of JWTs with it. */
export interface SigningKey {
  kid: string;
  jwk: JWK;
  privateKey: CryptoKey;
  sign(payload: JWTPayload, typ?: string): Promise<string>;
}

export function signingKey(pair: KeyPair, kid: string): SigningKey {
  const { privateKey } = pair;
  return {
    kid,
    jwk: { ...pair.publicJwk, kid, alg: 'RS256', use: 'sig' },
    privateKey,
    sign: (payload, typ) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid, ...(typ ? { typ } : {}) })
        .sign(privateKey),
  };
}

/** A new RS256 key pair (100-500 ms: tests that make many tenants pass fixture keys instead). */
export async function newKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const { kty, e, n } = await exportJWK(publicKey);
  return { privateKey, publicJwk: { kty, e, n } };
}
