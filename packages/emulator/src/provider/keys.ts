import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'oidc-provider';

/**
 * A fresh RS256 signing key per start: state lives in memory, so tokens from an earlier run must not
 * verify against this one.
 */
export async function generateSigningKeys(): Promise<{ keys: JWK[] }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] };
}

/** Keys for oidc-provider's signed cookies. */
export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
