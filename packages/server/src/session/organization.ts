import { OrganizationValidationError } from '../errors/index.js';
import type { StateData, UserClaims } from '../types.js';

/**
 * Refuses validated ID token `claims` that do not name `expected`, by Auth0's rules: a value starting
 * with `org_` is an id, compared with `org_id` exactly; any other is a name, compared with `org_name`
 * case-insensitively (and `org_name` is read only then). A missing claim is a mismatch. Nothing is
 * checked when no organization was asked for.
 *
 * @throws {OrganizationValidationError} `organization_mismatch`, naming the claim compared.
 */
export function assertOrganization(expected: string | undefined, claims: UserClaims): void {
  if (expected === undefined) return;
  if (expected.startsWith('org_')) {
    if (claims.org_id !== expected) throw new OrganizationValidationError('org_id');
    return;
  }
  const name = claims.org_name;
  if (typeof name !== 'string' || name.toLowerCase() !== expected.toLowerCase())
    throw new OrganizationValidationError('org_name');
}

/** The organization the session's login asked for, which every later ID token must name too. */
export function sessionOrganization(state: StateData): string | undefined {
  const organization = state.internal.organization;
  return typeof organization === 'string' ? organization : undefined;
}
