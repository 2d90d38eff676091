import type { Client, KoaContextWithOIDC } from 'oidc-provider';
import { errors } from '../lib/oidc-provider.js';
import type { OrganizationDirectory } from './directory.js';
import { requestedOrganization } from './requested.js';

type Validator = (ctx: KoaContextWithOIDC, value: string | undefined, client: Client) => void;

/**
 * oidc-provider `extraParams` validators for /authorize and PAR, answering as Auth0 does (an
 * `invalid_request` back to the redirect URI): an unknown organization, one the client may not use,
 * a missing one for a client that requires one without a prompt, an `invitation` without
 * `organization` or with a ticket that is unknown, used or expired.
 */
export function organizationParams(orgs: OrganizationDirectory): Record<string, Validator> {
  return {
    organization(ctx, value, client) {
      const settings = orgs.client(client.clientId);
      const found = requestedOrganization(
        orgs,
        client.clientId,
        value,
        settings?.organization_require_behavior !== 'no_prompt',
      );
      if ('refused' in found) throw new errors.InvalidRequest(found.refused);
      // The parameter is the organization's id from here on: one spelling for the pages and tokens.
      if (found.org) ctx.oidc.params!.organization = found.org.id;
    },
    invitation(ctx, value) {
      if (value === undefined || value === '') return;
      const orgParam = ctx.oidc.params?.organization;
      const org = typeof orgParam === 'string' ? orgs.find(orgParam) : undefined;
      if (!org) throw new errors.InvalidRequest('parameter invitation requires the organization parameter');
      if (!orgs.invitation(value, org))
        throw new errors.InvalidRequest('the invitation is invalid, used or expired');
    },
  };
}
