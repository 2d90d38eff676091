import { randomInt } from 'node:crypto';
import type { DirectoryOrganization, OrganizationDirectory } from '../orgs/directory.js';
import type { UserDirectory } from '../provider/users.js';
import { isObject } from '../lib/validate.js';
import { invalidBody, managementError } from './errors.js';
import type { ManagementAnswer } from './errors.js';

/** What the organization operations work on. */
export interface OrganizationStoreDeps {
  orgs: OrganizationDirectory;
  users: UserDirectory;
}

type Body = Record<string, unknown>;

export const ORGANIZATION_NOT_FOUND = managementError(
  404,
  'The organization does not exist.',
  'inexistent_organization',
);

const CREATE_FIELDS = new Set(['name', 'display_name', 'metadata', 'branding']);
// Auth0's rule for names (as config/parse.ts checks configured ones); `org_` would pass for an id.
const NAME = /^[a-z0-9][a-z0-9_-]{0,49}$/;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An organization as the Management API returns it. */
export function organizationView(org: DirectoryOrganization): Body {
  return {
    id: org.id,
    name: org.name,
    display_name: org.display_name,
    ...(org.metadata ? { metadata: org.metadata } : {}),
    ...(org.branding ? { branding: org.branding } : {}),
  };
}

/** The first problem of a create or update body, as Auth0's 400 or (for a taken name) 409. */
function checkBody(deps: OrganizationStoreDeps, body: Body, self?: string): ManagementAnswer | undefined {
  const extra = Object.keys(body).find((key) => !CREATE_FIELDS.has(key));
  if (extra) return invalidBody(`Additional properties not allowed: ${extra}`);
  for (const key of ['name', 'display_name'])
    if (body[key] !== undefined && typeof body[key] !== 'string')
      return invalidBody(`Expected type string but found type ${typeof body[key]} on property ${key}`);
  const { name, display_name: displayName, metadata, branding } = body;
  if (typeof name === 'string' && (!NAME.test(name) || name.startsWith('org_')))
    return invalidBody(`String does not match pattern ^[a-z0-9][a-z0-9_-]{0,49}$ on property name`);
  if (typeof displayName === 'string' && (displayName === '' || displayName.length > 255))
    return invalidBody('String is too long or empty on property display_name');
  if (
    metadata !== undefined &&
    !(isObject(metadata) && Object.values(metadata).every((v) => typeof v === 'string'))
  )
    return invalidBody('Expected an object of strings on property metadata');
  if (branding !== undefined && !isObject(branding))
    return invalidBody(`Expected type object but found type ${typeof branding} on property branding`);
  const holder = typeof name === 'string' ? deps.orgs.find(name) : undefined;
  if (holder && holder.id !== self)
    return managementError(409, 'An organization with this name already exists.', 'organization_conflict');
  return undefined;
}

const strings = (value: unknown): Record<string, string> | undefined =>
  isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : undefined;

/** `POST /api/v2/organizations`: 201 with the organization, which has no members yet. */
export function createOrganization(deps: OrganizationStoreDeps, body: Body): ManagementAnswer {
  if (body.name === undefined) return invalidBody('Missing required property: name');
  const problem = checkBody(deps, body);
  if (problem) return problem;
  const name = String(body.name);
  let id: string;
  do id = `org_${Array.from({ length: 16 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
  while (deps.orgs.byId(id));
  const org: DirectoryOrganization = {
    id,
    name,
    display_name: typeof body.display_name === 'string' ? body.display_name : name,
  };
  const metadata = strings(body.metadata);
  if (metadata) org.metadata = metadata;
  if (isObject(body.branding)) org.branding = body.branding;
  deps.orgs.add(org);
  return { status: 201, body: organizationView(org) };
}

/** `PATCH /api/v2/organizations/{id}`: 200 with the organization; `metadata` replaces the stored one. */
export function updateOrganization(deps: OrganizationStoreDeps, id: string, body: Body): ManagementAnswer {
  const org = deps.orgs.byId(id);
  if (!org) return ORGANIZATION_NOT_FOUND;
  const problem = checkBody(deps, body, id);
  if (problem) return problem;
  const next: DirectoryOrganization = { ...org };
  if (typeof body.name === 'string') next.name = body.name;
  if (typeof body.display_name === 'string') next.display_name = body.display_name;
  const metadata = strings(body.metadata);
  if (metadata) next.metadata = metadata;
  if (isObject(body.branding)) next.branding = body.branding;
  deps.orgs.replace(next);
  return { status: 200, body: organizationView(next) };
}

/** `GET /api/v2/organizations/{id}` and `GET /api/v2/organizations/name/{name}`. */
export function readOrganization(org: DirectoryOrganization | undefined): ManagementAnswer {
  return org ? { status: 200, body: organizationView(org) } : ORGANIZATION_NOT_FOUND;
}

/** `DELETE /api/v2/organizations/{id}`: 204; 404 for one that does not exist (as Auth0 documents). */
export function deleteOrganization(deps: OrganizationStoreDeps, id: string): ManagementAnswer {
  if (!deps.orgs.byId(id)) return ORGANIZATION_NOT_FOUND;
  deps.orgs.remove(id);
  return { status: 204 };
}

/** A member as `GET .../members` lists them. */
function memberView(deps: OrganizationStoreDeps, userId: string): Body {
  const user = deps.users.byId(userId);
  return { user_id: userId, email: user?.email, name: user?.name ?? user?.email };
}

/** `GET /api/v2/organizations/{id}/members`. */
export function listMembers(deps: OrganizationStoreDeps, id: string, url: URL): ManagementAnswer {
  const org = deps.orgs.byId(id);
  if (!org) return ORGANIZATION_NOT_FOUND;
  return paged(
    deps.orgs.members(org).filter((userId) => deps.users.byId(userId)),
    url,
    'members',
    (userId) => memberView(deps, userId),
  );
}

/** The `members` array of a members body: user ids, at least one. */
function memberIds(body: Body): string[] | ManagementAnswer {
  const { members } = body;
  if (members === undefined) return invalidBody('Missing required property: members');
  if (!Array.isArray(members) || !members.every((m): m is string => typeof m === 'string' && m !== ''))
    return invalidBody('Expected an array of user ids on property members');
  if (members.length === 0) return invalidBody('Array is too short (0), minimum 1 on property members');
  return members;
}

/** `POST /api/v2/organizations/{id}/members`: 204; 404 (adding none) when a user does not exist. */
export function addMembers(deps: OrganizationStoreDeps, id: string, body: Body): ManagementAnswer {
  const org = deps.orgs.byId(id);
  if (!org) return ORGANIZATION_NOT_FOUND;
  const members = memberIds(body);
  if (!Array.isArray(members)) return members;
  if (!members.every((userId) => deps.users.byId(userId)))
    return managementError(404, 'One or more users do not exist.', 'inexistent_user');
  deps.orgs.addMembers(org, members);
  return { status: 204 };
}

/** `DELETE /api/v2/organizations/{id}/members` with `{ members }`: 204, whether or not they were members. */
export function removeMembers(deps: OrganizationStoreDeps, id: string, body: Body): ManagementAnswer {
  const org = deps.orgs.byId(id);
  if (!org) return ORGANIZATION_NOT_FOUND;
  const members = memberIds(body);
  if (!Array.isArray(members)) return members;
  deps.orgs.removeMembers(org, members);
  return { status: 204 };
}

/**
 * A list as the Management API pages it: `page` (from 0) and `per_page` (default 50, at most 100);
 * with `include_totals=true`, `{ [key]: items, start, limit, total }` instead of the bare array.
 */
export function paged<T>(
  items: readonly T[],
  url: URL,
  key: string,
  view: (item: T) => unknown,
): ManagementAnswer {
  const number = (name: string, fallback: number, max: number): number | ManagementAnswer => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    return /^\d+$/.test(raw) && value <= max
      ? value
      : managementError(
          400,
          `Query validation error: 'Expected an integer from 0 to ${max}' on property ${name}.`,
          'invalid_query_string',
        );
  };
  const page = number('page', 0, Number.MAX_SAFE_INTEGER);
  const perPage = number('per_page', 50, 100);
  if (typeof page !== 'number') return page;
  if (typeof perPage !== 'number') return perPage;
  const start = page * perPage;
  const slice = items.slice(start, start + perPage).map(view);
  if (url.searchParams.get('include_totals') !== 'true') return { status: 200, body: slice };
  return { status: 200, body: { [key]: slice, start, limit: perPage, total: items.length } };
}
