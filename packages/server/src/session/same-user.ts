import { IdTokenValidationError } from '../errors/index.js';
import type { StateData, UserClaims } from '../types.js';
import { assertOrganization, sessionOrganization } from './organization.js';

/**
 * Refuses validated ID token `claims` that name another user than `state`'s (OpenID Connect Core
 * §12.2: a refreshed ID token keeps `iss` and `sub`). A refresh or an MFA verify inside a session
 * must not turn it into someone else's, nor out of the organization its login asked for; with no
 * session or no new ID token there is nothing to compare.
 *
 * @throws {IdTokenValidationError} `id_token_user_mismatch`, naming `sub` or `iss`.
 * @throws {OrganizationValidationError} `organization_mismatch`: the new ID token does not name the
 *   session's organization.
 */
export function assertSameUser(state: StateData | undefined, claims: UserClaims | undefined): void {
  if (state && claims) assertOrganization(sessionOrganization(state), claims);
  const user = state?.user;
  if (!user || !claims) return;
  if (claims.sub !== user.sub) throw mismatch('sub');
  if (user.iss !== undefined && claims.iss !== user.iss) throw mismatch('iss');
}

function mismatch(claim: 'sub' | 'iss'): IdTokenValidationError {
  return new IdTokenValidationError(
    `The new ID token names another ${claim === 'sub' ? 'user' : 'issuer'} than the session's: the session was left as it was`,
    claim,
    { code: 'id_token_user_mismatch' },
  );
}
