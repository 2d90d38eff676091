import type { KoaContextWithOIDC } from 'oidc-provider';
import { interactionPolicy } from '../lib/oidc-provider.js';
import type { OrganizationDirectory } from './directory.js';

/**
 * A login-prompt check: the login pages must run (and decide) when the request carries an invitation,
 * names an organization the session's user is not a member of, or comes from a client that requires
 * an organization and prompts for it. A login that just finished on those pages decided already.
 */
export function organizationCheck(orgs: OrganizationDirectory): InstanceType<typeof interactionPolicy.Check> {
  return new interactionPolicy.Check(
    'organization',
    'the organization needs the login pages',
    (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      if (oidc.result?.login) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const params = oidc.params ?? {};
      if (typeof params.invitation === 'string' && params.invitation !== '')
        return interactionPolicy.Check.REQUEST_PROMPT;
      const orgParam = params.organization;
      const org = typeof orgParam === 'string' && orgParam !== '' ? orgs.find(orgParam) : undefined;
      const userId = oidc.session?.accountId;
      if (org) {
        return userId && orgs.isMember(org, userId)
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT;
      }
      const settings = oidc.client ? orgs.client(oidc.client.clientId) : undefined;
      return settings?.organization_usage === 'require'
        ? interactionPolicy.Check.REQUEST_PROMPT
        : interactionPolicy.Check.NO_NEED_TO_PROMPT;
    },
  );
}
