import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import { managementError } from './errors.js';
import type { ManagementAnswer } from './errors.js';
import { managementAudience } from '../provider/apis.js';

/** Verifies Management API access tokens: this emulator's signature, issuer and audience, unexpired. */
export function managementAuth(issuer: string, publicKeys: { keys: JWK[] }) {
  const keys = createLocalJWKSet(publicKeys);
  const audience = managementAudience(issuer);
  /** The token's scopes, or the 401 Auth0 answers (no token value in it). */
  return async (authorization: string | undefined): Promise<Set<string> | ManagementAnswer> => {
    if (!authorization?.toLowerCase().startsWith('bearer '))
      return managementError(401, 'Missing authentication');
    try {
      const { payload } = await jwtVerify(authorization.slice(7).trim(), keys, { issuer, audience });
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      return new Set(scope.split(' ').filter(Boolean));
    } catch {
      return managementError(401, 'Invalid token');
    }
  };
}

/** The 403 for a token without `scope`, as Auth0 words it; undefined when the scope is there. */
export function missingScope(scopes: Set<string>, scope: string): ManagementAnswer | undefined {
  return scopes.has(scope)
    ? undefined
    : managementError(403, `Insufficient scope, expected any of: ${scope}`, 'insufficient_scope');
}
