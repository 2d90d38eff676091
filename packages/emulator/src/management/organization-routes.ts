import { decodeComponent } from '../http/decode.js';
import type { ManagementRoute } from './errors.js';
import {
  addMembers,
  createOrganization,
  deleteOrganization,
  listMembers,
  organizationView,
  paged,
  readOrganization,
  removeMembers,
  updateOrganization,
} from './organizations.js';
import { createInvitation, deleteInvitation, listInvitations, readInvitation } from './invitations.js';
import type { InvitationDeps } from './invitations.js';

const BY_NAME = /^\/api\/v2\/organizations\/name\/([^/]+)$/;
const ORGANIZATION = /^\/api\/v2\/organizations\/([^/]+)$/;
const MEMBERS = /^\/api\/v2\/organizations\/([^/]+)\/members$/;
const INVITATIONS = /^\/api\/v2\/organizations\/([^/]+)\/invitations(?:\/([^/]+))?$/;

/** The organization operation and its scope for a method and path; undefined outside organizations. */
export function organizationRoute(
  deps: InvitationDeps,
  method: string,
  path: string,
  url: URL,
): ManagementRoute | undefined {
  if (path === '/api/v2/organizations') {
    if (method === 'POST') return ['create:organizations', (body) => createOrganization(deps, body)];
    if (method === 'GET')
      return ['read:organizations', () => paged(deps.orgs.list(), url, 'organizations', organizationView)];
  }
  const byName = BY_NAME.exec(path)?.[1];
  if (byName !== undefined && method === 'GET') {
    const name = decodeComponent(byName) ?? '';
    // An `org_` value is an id to find(); a name never starts so.
    return [
      'read:organizations',
      () => readOrganization(name.startsWith('org_') ? undefined : deps.orgs.find(name)),
    ];
  }
  const members = MEMBERS.exec(path)?.[1];
  if (members !== undefined) {
    const id = decodeComponent(members) ?? '';
    if (method === 'GET') return ['read:organization_members', () => listMembers(deps, id, url)];
    if (method === 'POST') return ['create:organization_members', (body) => addMembers(deps, id, body)];
    if (method === 'DELETE') return ['delete:organization_members', (body) => removeMembers(deps, id, body)];
  }
  const invitations = INVITATIONS.exec(path);
  if (invitations?.[1] !== undefined) {
    const id = decodeComponent(invitations[1]) ?? '';
    const one = invitations[2] === undefined ? undefined : (decodeComponent(invitations[2]) ?? '');
    if (one === undefined) {
      if (method === 'GET') return ['read:organization_invitations', () => listInvitations(deps, id, url)];
      if (method === 'POST')
        return ['create:organization_invitations', (body) => createInvitation(deps, id, body)];
    } else {
      if (method === 'GET') return ['read:organization_invitations', () => readInvitation(deps, id, one)];
      if (method === 'DELETE')
        return ['delete:organization_invitations', () => deleteInvitation(deps, id, one)];
    }
  }
  const organization = ORGANIZATION.exec(path)?.[1];
  if (organization !== undefined) {
    const id = decodeComponent(organization) ?? '';
    if (method === 'GET') return ['read:organizations', () => readOrganization(deps.orgs.byId(id))];
    if (method === 'PATCH') return ['update:organizations', (body) => updateOrganization(deps, id, body)];
    if (method === 'DELETE') return ['delete:organizations', () => deleteOrganization(deps, id)];
  }
  return undefined;
}
