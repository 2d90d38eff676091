import { EncryptJWT, jwtDecrypt, errors as joseErrors, type JWTPayload } from 'jose';
import { deriveKey, type DerivedKey, type KeyPurpose } from './keys.js';

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
}

/**
 * Seals and opens values for one purpose. The first secret encrypts; every secret decrypts, so a
 * secret can be rotated by putting the new one first.
 */
export function createSealer(secrets: readonly string[], purpose: KeyPurpose): Sealer {
  const keys: DerivedKey[] = secrets.map((s) => deriveKey(s, purpose));
  const encryptKey = keys[0];
  if (!encryptKey) throw new TypeError('"secret" must hold at least one secret');
  const byKid = new Map(keys.map((k) => [k.kid, k.key]));

  return {
    seal(payload, ttlSeconds) {
      return new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: encryptKey.kid })
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + Math.max(1, Math.floor(ttlSeconds)))
        .encrypt(encryptKey.key);
    },
    async unseal<T extends JWTPayload>(value: string, options: { clockTolerance?: number } = {}) {
      try {
        const { payload } = await jwtDecrypt<T>(
          value,
          (header) => {
            const key = header.kid === undefined ? undefined : byKid.get(header.kid);
            if (!key) throw new joseErrors.JWEDecryptionFailed();
            return key;
          },
          {
            keyManagementAlgorithms: ['dir'],
            contentEncryptionAlgorithms: ['A256GCM'],
            clockTolerance: options.clockTolerance ?? 0,
          },
        );
        return { ok: true, payload };
      } catch (err) {
        return { ok: false, reason: err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}
