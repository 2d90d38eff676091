import { EncryptJWT, jwtDecrypt, errors as joseErrors, type JWTPayload } from 'jose';
import { isRecord } from '../lib/is-record.js';
import { argumentError } from '../lib/validate.js';
import { compactKey, openCompact, sealCompact, type CompactKey } from './compact-jwe.js';
import { deriveKey, type DerivedKey, type KeyPurpose } from './keys.js';
import { nodeCrypto, type NodeCrypto } from './runtime.js';

/** Why a sealed value could not be opened. */
export type UnsealFailure = 'expired' | 'invalid';

/** What {@link Sealer.unseal} found: the payload, or why there is none (it never throws). */
export type UnsealResult<T> = { ok: true; payload: T & JWTPayload } | { ok: false; reason: UnsealFailure };

/** Encrypts and decrypts values for one {@link KeyPurpose}; see {@link createSealer}. */
export interface Sealer {
  /** Encrypts `payload` as a compact JWE (`dir`, `A256GCM`) that expires `ttlSeconds` from now. */
  seal(payload: JWTPayload, ttlSeconds: number): Promise<string>;
  /** Decrypts a value sealed for the same purpose by any of the configured secrets. Never throws. */
  unseal<T extends JWTPayload = JWTPayload>(
    value: string,
    options?: { clockTolerance?: number },
  ): Promise<UnsealResult<T>>;
  /**
   * {@link Sealer.unseal} without a promise, where it can answer at once (the keys are derived and
   * the runtime has node:crypto): a cookie read then costs no await. `undefined` where it cannot.
   */
  unsealNow<T extends JWTPayload = JWTPayload>(
    value: string,
    options?: { clockTolerance?: number },
  ): UnsealResult<T> | undefined;
}

/**
 * Which AES-GCM implementation seals and opens: `node` is node:crypto's synchronous one, `webcrypto`
 * is jose over Web Crypto, `auto` (the default) takes `node` where the runtime has it. Both read and
 * write the same compact JWE.
 */
export type SealerEngine = 'auto' | 'node' | 'webcrypto';

interface Keys {
  encrypt: DerivedKey;
  byKid: Map<string, DerivedKey>;
  compact: CompactKey[];
  compactEncrypt: CompactKey;
}

/**
 * Seals and opens values for one purpose. The first secret encrypts; every secret decrypts, so a
 * secret can be rotated by putting the new one first. Keys are derived on first use, once.
 *
 * @throws {TypeError} when `secrets` is empty, or `engine` is `node` on a runtime without node:crypto.
 */
export function createSealer(
  secrets: readonly string[],
  purpose: KeyPurpose,
  engine: SealerEngine = 'auto',
): Sealer {
  if (secrets.length === 0) throw argumentError('"secret" must hold at least one secret');
  const node: NodeCrypto | undefined = engine === 'webcrypto' ? undefined : nodeCrypto();
  if (engine === 'node' && !node)
    throw argumentError('"engine" is node, but this runtime has no usable node:crypto');

  let ready: Keys | undefined;
  let loading: Promise<Keys> | undefined;
  const load = async (): Promise<Keys> => {
    const derived = await Promise.all(secrets.map((s) => deriveKey(s, purpose)));
    const [encrypt] = derived;
    if (!encrypt) throw argumentError('"secret" must hold at least one secret');
    const compactEncrypt = compactKey(encrypt);
    return (ready = {
      encrypt,
      byKid: new Map(derived.map((k) => [k.kid, k])),
      compact: derived.map(compactKey),
      compactEncrypt,
    });
  };
  const keys = () => ready ?? (loading ??= load().finally(() => (loading = undefined)));

  return {
    async seal(payload, ttlSeconds) {
      const k = ready ?? (await keys());
      const iat = Math.floor(Date.now() / 1000);
      const exp = iat + Math.max(1, Math.floor(ttlSeconds));
      if (node) return sealCompact(node, k.compactEncrypt, JSON.stringify({ ...payload, iat, exp }));
      return new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: k.encrypt.kid })
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .encrypt(k.encrypt.cryptoKey);
    },
    async unseal<T extends JWTPayload>(value: string, options?: { clockTolerance?: number }) {
      const tolerance = options?.clockTolerance ?? 0;
      try {
        const k = ready ?? (await keys());
        if (node) return openNode<T>(node, k, value, tolerance);
        const { payload } = await jwtDecrypt<T>(
          value,
          (header) => {
            const key = header.kid === undefined ? undefined : k.byKid.get(header.kid);
            if (!key) throw new joseErrors.JWEDecryptionFailed();
            return key.cryptoKey;
          },
          {
            keyManagementAlgorithms: ['dir'],
            contentEncryptionAlgorithms: ['A256GCM'],
            clockTolerance: tolerance,
            requiredClaims: ['exp'],
          },
        );
        return { ok: true, payload };
      } catch (err) {
        return err instanceof joseErrors.JWTExpired ? EXPIRED : INVALID;
      }
    },
    unsealNow<T extends JWTPayload>(value: string, options?: { clockTolerance?: number }) {
      return ready && node ? openNode<T>(node, ready, value, options?.clockTolerance ?? 0) : undefined;
    },
  };
}

/** The node:crypto engine's unseal, synchronous. */
function openNode<T>(node: NodeCrypto, k: Keys, value: string, tolerance: number): UnsealResult<T> {
  const json = typeof value === 'string' ? openCompact(node, k.compact, value) : undefined;
  if (json === undefined) return INVALID;
  try {
    return checkClaims<T>(JSON.parse(json), tolerance);
  } catch {
    return INVALID;
  }
}

const INVALID = { ok: false, reason: 'invalid' } as const;
const EXPIRED = { ok: false, reason: 'expired' } as const;

/**
 * The registered time claims checked as jose's `jwtDecrypt` checks them, so both engines accept and
 * refuse the same payloads: an object; `exp` required (every sealed value has one), expired when
 * `exp <= now - tolerance`; `nbf` not after `now + tolerance`; `iat` a number when present.
 */
function checkClaims<T>(payload: unknown, tolerance: number): UnsealResult<T> {
  if (!isPayload<T>(payload)) return INVALID;
  const now = Math.floor(Date.now() / 1000);
  const { exp, nbf, iat } = payload;
  if (typeof exp !== 'number' || (iat !== undefined && typeof iat !== 'number')) return INVALID;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + tolerance)) return INVALID;
  if (exp <= now - tolerance) return EXPIRED;
  return { ok: true, payload };
}

function isPayload<T>(value: unknown): value is T & JWTPayload {
  return isRecord(value);
}
