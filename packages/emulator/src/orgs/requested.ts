import type { DirectoryOrganization, OrganizationDirectory } from './directory.js';

/**
 * The organization a request for `clientId` names, checked as Auth0 checks `organization`: known (an
 * `org_` id or a name), allowed for the client (`organization_usage` not `deny`, and the organization
 * open to it), and present when the client requires one and cannot prompt for it. Answers the
 * organization (none when none was named) or the `invalid_request` description to refuse with.
 */
export function requestedOrganization(
  orgs: OrganizationDirectory,
  clientId: string,
  value: string | undefined,
  canPrompt: boolean,
): { org?: DirectoryOrganization } | { refused: string } {
  const settings = orgs.client(clientId);
  if (value === undefined || value === '') {
    return settings?.organization_usage === 'require' && !canPrompt
      ? { refused: 'parameter organization is required for this client' }
      : {};
  }
  if (settings === undefined || settings.organization_usage === 'deny')
    return { refused: 'parameter organization is not allowed for this client' };
  const org = orgs.find(value);
  if (!org) return { refused: 'parameter organization is invalid: no such organization' };
  if (!orgs.usableBy(org, clientId)) return { refused: 'the client is not enabled for the organization' };
  return { org };
}
