import { Auth0Error } from './auth0-error.js';

/**
 * The ID token of a login into an organization, or of a refresh or MFA verify in such a session, does
 * not name the organization that was asked for. Auth0's rules: an `org_…` id is compared with the
 * `org_id` claim exactly, any other value (a name) with `org_name` case-insensitively, and a missing
 * claim is a mismatch. No session is written (at a login), or the session is left as it was.
 * The same name as in `@auth0/auth0-server-js`.
 *
 * @example
 * ```ts
 * if (err instanceof OrganizationValidationError) return res.status(403).send('Not a member of this organization');
 * ```
 */
export class OrganizationValidationError extends Auth0Error {
  readonly code = 'organization_mismatch' as const;
  /** The claim compared: `org_id` for an id asked for, `org_name` for a name. */
  readonly claim: 'org_id' | 'org_name';

  constructor(claim: 'org_id' | 'org_name') {
    super(
      `The ID token's ${claim} is missing or does not match the organization asked for: no session was written or changed`,
    );
    this.claim = claim;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), claim: this.claim };
  }
}
