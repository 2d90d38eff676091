import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'oidc-provider';

/**
 * The RS256 signing key of one start, under a fresh `kid`: state lives in memory, so tokens from an
 * earlier run must not verify against this one. The key itself is new unless the caller supplies one.
 */
export async function generateSigningKeys(supplied?: RsaPrivateJwk): Promise<{ keys: JWK[] }> {
  const jwk =
    supplied ?? (await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey));
  const { kty, n, e, d, p, q, dp, dq, qi } = jwk;
  return {
    keys: [{ kty, n, e, d, p, q, dp, dq, qi, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }],
  };
}

const RSA_PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** An RSA private key as a JWK, with the CRT members Node.js needs to sign. */
export type RsaPrivateJwk = JsonWebKey & { kty: 'RSA' } & Record<
    (typeof RSA_PRIVATE_MEMBERS)[number],
    string
  >;

/** Whether `value` is an RSA private key as a JWK. */
export function isRsaPrivateJwk(value: unknown): value is RsaPrivateJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk: Record<string, unknown> = { ...value };
  return jwk.kty === 'RSA' && RSA_PRIVATE_MEMBERS.every((member) => typeof jwk[member] === 'string');
}

/** Keys for oidc-provider's signed cookies. */
export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
