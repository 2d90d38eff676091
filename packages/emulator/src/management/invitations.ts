import type { Invitation } from '../orgs/directory.js';
import { isObject } from '../lib/validate.js';
import { invalidBody, managementError } from './errors.js';
import type { ManagementAnswer } from './errors.js';
import { ORGANIZATION_NOT_FOUND, paged } from './organizations.js';
import type { OrganizationStoreDeps } from './organizations.js';

/** What the invitation operations need besides the directory: where the link is "sent". */
export interface InvitationDeps extends OrganizationStoreDeps {
  log: (line: string) => void;
}

type Body = Record<string, unknown>;

const FIELDS = new Set([
  'inviter',
  'invitee',
  'client_id',
  'connection_id',
  'ttl_sec',
  'send_invitation_email',
]);
/** Auth0's longest invitation: 30 days; `ttl_sec` 0 or absent means its default of 7. */
const MAX_TTL_SEC = 2_592_000;

const INVITATION_NOT_FOUND = managementError(404, 'The invitation does not exist.', 'inexistent_invitation');

/** An invitation as the Management API returns it. */
function invitationView(invitation: Invitation): Body {
  return {
    id: invitation.id,
    organization_id: invitation.organization.id,
    inviter: { name: invitation.inviter },
    invitee: { email: invitation.email },
    invitation_url: invitation.url,
    created_at: new Date(invitation.createdAt).toISOString(),
    expires_at: new Date(invitation.expiresAt).toISOString(),
    client_id: invitation.clientId,
    ticket_id: invitation.ticket,
  };
}

const nested = (value: unknown, key: string): string | undefined => {
  const inner = isObject(value) ? value[key] : undefined;
  return typeof inner === 'string' && inner !== '' ? inner : undefined;
};

/**
 * `POST /api/v2/organizations/{id}/invitations`: 201 with the invitation. No email goes out: the link
 * is printed, as `em.invite` prints it.
 */
export function createInvitation(deps: InvitationDeps, orgId: string, body: Body): ManagementAnswer {
  const org = deps.orgs.byId(orgId);
  if (!org) return ORGANIZATION_NOT_FOUND;
  const extra = Object.keys(body).find((key) => !FIELDS.has(key));
  if (extra) return invalidBody(`Additional properties not allowed: ${extra}`);
  for (const key of ['inviter', 'invitee', 'client_id'])
    if (body[key] === undefined) return invalidBody(`Missing required property: ${key}`);
  const inviter = nested(body.inviter, 'name');
  const email = nested(body.invitee, 'email');
  if (inviter === undefined) return invalidBody('Expected a string on property inviter.name');
  if (email === undefined || !/^[^@\s]+@[^@\s]+$/.test(email))
    return invalidBody("Object didn't pass validation for format email: invitee.email");
  const ttl = body.ttl_sec ?? 0;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL_SEC)
    return invalidBody(`Expected an integer from 0 to ${MAX_TTL_SEC} on property ttl_sec`);
  const clientId = typeof body.client_id === 'string' ? body.client_id : '';
  if (!deps.orgs.client(clientId) || !deps.orgs.usableBy(org, clientId))
    return managementError(
      400,
      'The client does not exist or may not use the organization.',
      'inexistent_client',
    );
  const invitation = deps.orgs.invite(org, email, clientId, {
    inviter,
    ...(ttl > 0 ? { ttlMs: ttl * 1000 } : {}),
  });
  deps.log(`invitation for ${invitation.email} to ${org.name}: ${invitation.url}`);
  return { status: 201, body: invitationView(invitation) };
}

/** The organization's invitation `id`, or the 404 for it or its organization. */
function find(deps: OrganizationStoreDeps, orgId: string, id: string): Invitation | ManagementAnswer {
  const org = deps.orgs.byId(orgId);
  if (!org) return ORGANIZATION_NOT_FOUND;
  return deps.orgs.invitationsOf(org).find((invitation) => invitation.id === id) ?? INVITATION_NOT_FOUND;
}

/** `GET /api/v2/organizations/{id}/invitations`: the live ones, paged. */
export function listInvitations(deps: OrganizationStoreDeps, orgId: string, url: URL): ManagementAnswer {
  const org = deps.orgs.byId(orgId);
  return org
    ? paged(deps.orgs.invitationsOf(org), url, 'invitations', invitationView)
    : ORGANIZATION_NOT_FOUND;
}

/** `GET /api/v2/organizations/{id}/invitations/{invitation_id}`. */
export function readInvitation(deps: OrganizationStoreDeps, orgId: string, id: string): ManagementAnswer {
  const found = find(deps, orgId, id);
  return 'ticket' in found ? { status: 200, body: invitationView(found) } : found;
}

/** `DELETE /api/v2/organizations/{id}/invitations/{invitation_id}`: 204; the link stops working. */
export function deleteInvitation(deps: OrganizationStoreDeps, orgId: string, id: string): ManagementAnswer {
  const found = find(deps, orgId, id);
  if (!('ticket' in found)) return found;
  deps.orgs.revoke(found);
  return { status: 204 };
}
