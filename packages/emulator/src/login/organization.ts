import type { EmulatorUser } from '../config/types.js';
import type { DirectoryOrganization, OrganizationDirectory } from '../orgs/directory.js';

/** The login's organization as the request and the client's settings leave it, before the password. */
export type OrganizationAsk =
  { kind: 'none' } | { kind: 'prompt' } | { kind: 'given'; org: DirectoryOrganization; invitation?: string };

/** What the login page asks: the request's organization, a prompt for one, or nothing. */
export function organizationAsk(
  orgs: OrganizationDirectory,
  params: Record<string, unknown>,
): OrganizationAsk {
  const value = params.organization;
  const org = typeof value === 'string' && value !== '' ? orgs.find(value) : undefined;
  if (org) {
    const invitation = params.invitation;
    return typeof invitation === 'string' && invitation !== ''
      ? { kind: 'given', org, invitation }
      : { kind: 'given', org };
  }
  const settings = orgs.client(String(params.client_id ?? ''));
  return settings?.organization_usage === 'require' ? { kind: 'prompt' } : { kind: 'none' };
}

/** The decision after the password: go on (into `org`, if any), ask again, or refuse as Auth0 does. */
export type OrganizationDecision =
  | { ok: true; org?: DirectoryOrganization }
  | { ok: false; retry: string }
  | { ok: false; error: 'access_denied'; description: string };

/**
 * Settles the organization of a login whose password was accepted: the prompt's answer must name an
 * organization the client may use; an invitation is used up and makes the invited email a member; any
 * other login needs a member.
 */
export function decideOrganization(
  orgs: OrganizationDirectory,
  ask: OrganizationAsk,
  user: EmulatorUser,
  clientId: string,
  prompted: string | undefined,
): OrganizationDecision {
  if (ask.kind === 'none') return { ok: true };
  let org: DirectoryOrganization | undefined;
  if (ask.kind === 'prompt') {
    org = prompted ? orgs.find(prompted.trim()) : undefined;
    if (!org || !orgs.usableBy(org, clientId)) return { ok: false, retry: 'No organization by that name.' };
  } else {
    org = ask.org;
    if (ask.invitation !== undefined) {
      const invitation = orgs.invitation(ask.invitation, org);
      if (!invitation)
        return {
          ok: false,
          error: 'access_denied',
          description: 'the invitation is invalid, used or expired',
        };
      if (!orgs.accept(invitation, user.user_id, user.email))
        return {
          ok: false,
          error: 'access_denied',
          description: 'the specified account is not allowed to accept the current invitation',
        };
    }
  }
  if (!orgs.isMember(org, user.user_id))
    return {
      ok: false,
      error: 'access_denied',
      description: `user ${user.user_id} is not part of the ${org.id} organization`,
    };
  return { ok: true, org };
}
