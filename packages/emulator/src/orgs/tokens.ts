import type { Account, AuthorizationCode, KoaContextWithOIDC } from 'oidc-provider';
import type { DirectoryOrganization, OrganizationDirectory } from './directory.js';

/** The claims Auth0 adds to ID and access tokens of a login into an organization. */
export function organizationClaims(org: DirectoryOrganization | undefined): Record<string, string> {
  return org ? { org_id: org.id, org_name: org.name } : {};
}

/** `account` with the organization of the token's grant in its claims. */
export function withOrganization(
  account: Account | undefined,
  org: DirectoryOrganization | undefined,
): Account | undefined {
  if (!account || !org) return account;
  return {
    ...account,
    claims: async (...args) => ({ ...(await account.claims(...args)), ...organizationClaims(org) }),
  };
}

/**
 * The organization an authorization code is issued for: the one the login page settled on, else the
 * request's (already resolved to an id by the /authorize validator, and checked by the login policy
 * to name an organization the session's user belongs to).
 */
export function organizationOfCode(
  ctx: KoaContextWithOIDC | undefined,
  orgs: OrganizationDirectory,
): DirectoryOrganization | undefined {
  const chosen = ctx?.oidc.result?.login?.organization;
  if (typeof chosen === 'string') return orgs.byId(chosen);
  const param = ctx?.oidc.params?.organization;
  return typeof param === 'string' && param !== '' ? orgs.find(param) : undefined;
}

/** Binds the grant of each issued authorization code to the organization its login was for. */
export function bindCodes(
  on: (event: 'authorization_code.saved', listener: (code: AuthorizationCode) => void) => void,
  ctx: () => KoaContextWithOIDC | undefined,
  orgs: OrganizationDirectory,
): void {
  on('authorization_code.saved', (code) => {
    const org = organizationOfCode(ctx(), orgs);
    if (org && code.grantId) orgs.bind(code.grantId, org);
  });
}
