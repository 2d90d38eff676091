import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import { isRecord } from '../lib/is-record.js';
import { argumentError } from '../lib/validate.js';

/** A Node.js `KeyObject`, by the one method read of it (so the types need no `@types/node`). */
export interface KeyObjectLike {
  readonly type: string;
  export(options: { format: 'jwk' }): JsonWebKey;
}

/**
 * The key pair DPoP proofs are signed with: a `CryptoKeyPair` (its public key extractable), a pair of
 * Node.js `KeyObject`s, or a private JWK (`d` included; the public key is derived from it). Every
 * instance of the application must use the same one, so it comes from configuration; `'generate'`
 * makes one per process instead (tokens bound to it cannot be used by another instance or after a
 * restart), and says so once on the console.
 */
export type DpopKeyPair =
  CryptoKeyPair | { privateKey: KeyObjectLike; publicKey: KeyObjectLike } | JsonWebKey | 'generate';

/** The JWS algorithms a DPoP key may have; ES256 (P-256) is the one Auth0 documents. */
export type DpopAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'Ed25519';

/** A DPoP key ready to sign with: the pair, its algorithm, its public JWK and that JWK's thumbprint. */
export interface DpopKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  alg: DpopAlgorithm;
  /** The public key's JWK members that go into a proof's header. */
  jwk: JsonWebKey;
  /** The RFC 7638 SHA-256 thumbprint of `jwk`: the `cnf.jkt` of the tokens bound to it. */
  thumbprint: string;
}

const CURVES: Record<string, DpopAlgorithm> = {
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
  Ed25519: 'Ed25519',
};

const FIELD = 'dpopKeyPair';

/**
 * Checks the shape of a `dpopKeyPair` option without importing it (that is asynchronous: see
 * {@link importDpopKey}).
 *
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` / `ERR_INVALID_ARG_VALUE` naming `"dpopKeyPair"`.
 */
export function checkDpopKeyPair(value: unknown): DpopKeyPair {
  if (value === 'generate') return value;
  if (!isRecord(value))
    throw argumentError(
      `"${FIELD}" must be a CryptoKeyPair, a pair of KeyObjects, a private JWK or 'generate'`,
      'ERR_INVALID_ARG_TYPE',
    );
  if ('privateKey' in value || 'publicKey' in value) {
    const { privateKey, publicKey } = value;
    if (isCryptoKey(privateKey) && isCryptoKey(publicKey)) {
      if (privateKey.type !== 'private' || publicKey.type !== 'public')
        throw argumentError(`"${FIELD}" must hold a private and a public key`);
      if (!publicKey.extractable) throw argumentError(`"${FIELD}.publicKey" must be extractable`);
      curveOf(privateKey.algorithm);
      return { privateKey, publicKey };
    }
    if (isKeyObject(privateKey) && isKeyObject(publicKey)) {
      if (privateKey.type !== 'private' || publicKey.type !== 'public')
        throw argumentError(`"${FIELD}" must hold a private and a public key`);
      return { privateKey, publicKey };
    }
    throw argumentError(
      `"${FIELD}.privateKey" and "${FIELD}.publicKey" must both be CryptoKeys or both KeyObjects`,
      'ERR_INVALID_ARG_TYPE',
    );
  }
  if (typeof value.d !== 'string' || !(typeof value.crv === 'string' && value.crv in CURVES))
    throw argumentError(`"${FIELD}" must be a private EC (P-256, P-384, P-521) or Ed25519 JWK, with its "d"`);
  return value;
}

let warned = false;

/**
 * Imports a checked {@link DpopKeyPair} for signing.
 *
 * @throws {TypeError} `ERR_INVALID_ARG_VALUE` naming `"dpopKeyPair"` when the key cannot be imported
 *   or its algorithm is not one of {@link DpopAlgorithm}.
 */
export async function importDpopKey(input: DpopKeyPair): Promise<DpopKey> {
  let pair: CryptoKeyPair;
  try {
    pair = await toCryptoKeyPair(input);
  } catch (cause) {
    if (cause instanceof TypeError && 'code' in cause) throw cause;
    // jose's and Web Crypto's messages name the failed check, never the key material.
    throw Object.assign(argumentError(`"${FIELD}" could not be imported as a signing key pair`), { cause });
  }
  const alg = curveOf(pair.privateKey.algorithm);
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  const jwk: JsonWebKey = y === undefined ? { crv, kty, x } : { crv, kty, x, y };
  return { ...pair, alg, jwk, thumbprint: await calculateJwkThumbprint({ crv, kty, x, y }) };
}

async function toCryptoKeyPair(input: DpopKeyPair): Promise<CryptoKeyPair> {
  if (input === 'generate') {
    if (!warned) {
      warned = true;
      console.warn(
        "auth0-server-ts: dpopKeyPair 'generate' made a DPoP key for this process only; tokens bound to it are unusable by other instances and after a restart",
      );
    }
    return generateKeyPair('ES256', { extractable: true });
  }
  if ('privateKey' in input) {
    const { privateKey, publicKey } = input;
    if (isCryptoKey(privateKey) && isCryptoKey(publicKey)) return { privateKey, publicKey };
    if (isKeyObject(privateKey)) return fromPrivateJwk(privateKey.export({ format: 'jwk' }));
    throw argumentError(`"${FIELD}" must hold a private and a public key`);
  }
  return fromPrivateJwk(input);
}

async function fromPrivateJwk(jwk: JsonWebKey): Promise<CryptoKeyPair> {
  const alg = typeof jwk.crv === 'string' ? CURVES[jwk.crv] : undefined;
  if (!alg || typeof jwk.d !== 'string')
    throw argumentError(`"${FIELD}" must be an EC or Ed25519 private key`);
  const { kty, crv, x, y } = jwk;
  const publicJwk = y === undefined ? { kty, crv, x } : { kty, crv, x, y };
  const [privateKey, publicKey] = await Promise.all([
    importJWK({ ...jwk, ext: false }, alg),
    importJWK({ ...publicJwk, ext: true }, alg, { extractable: true }),
  ]);
  if (!isCryptoKey(privateKey) || !isCryptoKey(publicKey))
    throw argumentError(`"${FIELD}" must be an asymmetric key`);
  return { privateKey, publicKey };
}

/** The DPoP algorithm of a key's Web Crypto algorithm. */
function curveOf(algorithm: KeyAlgorithm): DpopAlgorithm {
  const curve = algorithm.name === 'ECDSA' ? Reflect.get(algorithm, 'namedCurve') : algorithm.name;
  const alg = typeof curve === 'string' ? CURVES[curve] : undefined;
  if (!alg) throw argumentError(`"${FIELD}" must be an ECDSA (P-256, P-384, P-521) or Ed25519 key`);
  return alg;
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey === 'function' && value instanceof CryptoKey;
}

function isKeyObject(value: unknown): value is KeyObjectLike {
  return isRecord(value) && typeof value.type === 'string' && typeof value.export === 'function';
}
