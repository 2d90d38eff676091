import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { Auth0Error, IdTokenValidationError } from '../errors/index.js';
import { JWKS_COOLDOWN, type Transport } from '../http/index.js';
import { isRecord } from '../lib/is-record.js';

/**
 * Verifies an ID token's signature against the server's JWKS (refetched once for an unknown `kid`)
 * and its `iss`, `aud`, `exp` and `azp` (when present it must be this client, whatever the audience:
 * oauth4webapi checks `azp` only with several audiences). oauth4webapi's response processing checks the
 * remaining claims (`nonce`, `iat`, `auth_time`); a token from the token endpoint goes through both.
 *
 * @throws {IdTokenValidationError} `id_token_invalid`, with the failing `claim` where there is one.
 */
export async function verifyIdTokenSignature(transport: Transport, idToken: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, transport.keys, {
      issuer: transport.issuer.href,
      audience: transport.client.client_id,
      clockTolerance: transport.clockTolerance,
    });
    if (payload.azp !== undefined && payload.azp !== transport.client.client_id) {
      throw new IdTokenValidationError('ID token validation failed: it was issued to another client', 'azp');
    }
    // jose checks iat only against a maximum age; an ID token minted in the future is not one the
    // server issued now (OpenID Connect Core 3.1.3.7, step 10).
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + transport.clockTolerance) {
      throw new IdTokenValidationError('ID token validation failed: "iat" is in the future', 'iat');
    }
    return payload;
  } catch (err) {
    // A JWKS that cannot be fetched is a transport failure, not a bad token.
    if (err instanceof Auth0Error) throw err;
    const claim = isRecord(err) && typeof err.claim === 'string' ? err.claim : undefined;
    const reason =
      err instanceof errors.JWKSNoMatchingKey
        ? noMatchingKey(idToken)
        : err instanceof Error
          ? err.message
          : 'unknown failure';
    throw new IdTokenValidationError(`ID token validation failed: ${reason}`, claim);
  }
}

// The usual cause is a server that restarted with new keys (a local emulator), so say which kid was
// missing and when the key set may be fetched again. The kid is the header's, shown only when it has
// the shape of a key id: the header is the token's, and untrusted.
function noMatchingKey(idToken: string): string {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(idToken).kid;
  } catch {
    kid = undefined;
  }
  const named = typeof kid === 'string' && /^[\w.~-]{1,128}$/.test(kid) ? `with kid "${kid}" ` : '';
  return (
    `no key ${named}in the JWKS (did the server's signing keys change? the key set is fetched again ` +
    `for an unknown kid at most every ${JWKS_COOLDOWN / 1000} s)`
  );
}
