import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from '../http/body.js';
import { decodeComponent } from '../http/decode.js';
import { sendJson } from '../http/respond.js';
import { isObject } from '../lib/validate.js';
import { missingScope } from './auth.js';
import { invalidBody, managementError } from './errors.js';
import type { ManagementAnswer, ManagementRoute } from './errors.js';
import { organizationRoute } from './organization-routes.js';
import type { InvitationDeps } from './invitations.js';
import {
  createUser,
  deleteMethods,
  deleteUser,
  unlinkIdentity,
  listMethods,
  readUser,
  updateUser,
  userView,
} from './users.js';
import type { UserStoreDeps } from './users.js';

/** What the Management API routes need: the stores, and the check of a request's access token. */
export interface ManagementDeps extends UserStoreDeps, InvitationDeps {
  /** The token's scopes, or the 401 answer. */
  authorize(authorization: string | undefined): Promise<Set<string> | ManagementAnswer>;
}

const USER = /^\/api\/v2\/users\/([^/]+)$/;
const METHODS = /^\/api\/v2\/users\/([^/]+)\/authentication-methods(?:\/([^/]+))?$/;
const IDENTITY = /^\/api\/v2\/users\/([^/]+)\/identities\/([^/]+)\/([^/]+)$/;

/** The operation and the scope it needs for a method and path; undefined for a path not in the subset. */
function route(deps: ManagementDeps, method: string, path: string, url: URL): ManagementRoute | undefined {
  if (path.startsWith('/api/v2/organizations')) return organizationRoute(deps, method, path, url);
  if (path === '/api/v2/users') {
    if (method === 'POST') return ['create:users', (body) => createUser(deps, body)];
    if (method === 'GET') return ['read:users', () => listUsers(deps, url)];
  }
  if (path === '/api/v2/users-by-email' && method === 'GET')
    return ['read:users', () => usersByEmail(deps, url.searchParams.get('email') ?? '')];
  const methods = METHODS.exec(path);
  if (methods?.[1]) {
    const userId = decodeComponent(methods[1]) ?? '';
    const methodId = methods[2] === undefined ? undefined : (decodeComponent(methods[2]) ?? '');
    if (method === 'GET' && methodId === undefined)
      return ['read:authentication_methods', () => listMethods(deps, userId)];
    if (method === 'DELETE')
      return ['delete:authentication_methods', () => deleteMethods(deps, userId, methodId)];
  }
  const identity = IDENTITY.exec(path);
  if (identity && method === 'DELETE') {
    const [userId = '', provider = '', accountId = ''] = identity
      .slice(1)
      .map((p) => decodeComponent(p) ?? '');
    return ['update:users', () => unlinkIdentity(deps, userId, provider, accountId)];
  }
  const user = USER.exec(path);
  if (user?.[1]) {
    const userId = decodeComponent(user[1]) ?? '';
    if (method === 'GET') return ['read:users', () => readUser(deps, userId)];
    if (method === 'PATCH') return ['update:users', (body) => updateUser(deps, userId, body)];
    if (method === 'DELETE')
      return [
        'delete:users',
        () => {
          deps.orgs.forgetUser(userId);
          return deleteUser(deps, userId);
        },
      ];
  }
  return undefined;
}

function listUsers(deps: UserStoreDeps, url: URL): ManagementAnswer {
  const email = url.searchParams.get('email');
  const users = email === null ? deps.users.list() : deps.users.list().filter((u) => u.email === email);
  return { status: 200, body: users.map((user) => userView(deps, user)) };
}

function usersByEmail(deps: UserStoreDeps, email: string): ManagementAnswer {
  if (!email)
    return managementError(
      400,
      "Query validation error: 'Missing required property: email'.",
      'invalid_query_string',
    );
  const user = deps.users.byEmail(email);
  return { status: 200, body: user ? [userView(deps, user)] : [] };
}

type ParsedBody = { ok: true; body: Record<string, unknown> } | { ok: false; answer: ManagementAnswer };

async function jsonBody(req: IncomingMessage): Promise<ParsedBody> {
  let parsed: unknown;
  try {
    const raw = await readBody(req);
    parsed = raw.length ? JSON.parse(raw.toString('utf8')) : {};
  } catch (error) {
    const answer =
      error instanceof BodyTooLargeError
        ? managementError(413, 'Payload too large')
        : managementError(400, 'Invalid request payload JSON format', 'invalid_body');
    return { ok: false, answer };
  }
  return isObject(parsed)
    ? { ok: true, body: parsed }
    : { ok: false, answer: invalidBody('Expected type object') };
}

/**
 * Auth0's Management API v2, the subset a test sets a tenant up with: users (create, read, update,
 * delete, by email), their authentication methods (list, delete), organizations (create, read, update,
 * delete, by name), their members (list, add, remove) and invitations (create, list, read, delete).
 * Answers false outside /api/v2/.
 */
export async function handleManagement(
  deps: ManagementDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/api/v2/')) return false;
  const send = (answer: ManagementAnswer) => sendJson(res, answer.status, answer.body);
  const found = route(deps, req.method ?? 'GET', path, url);
  if (!found) {
    send(managementError(404, 'Not Found'));
    return true;
  }
  const scopes = await deps.authorize(req.headers.authorization);
  if (!(scopes instanceof Set)) {
    send(scopes);
    return true;
  }
  const [scope, handler] = found;
  const forbidden = missingScope(scopes, scope);
  if (forbidden) {
    send(forbidden);
    return true;
  }
  // DELETE too: Auth0 takes the members to remove from an organization in the body.
  const parsed: ParsedBody = req.method === 'GET' ? { ok: true, body: {} } : await jsonBody(req);
  send(parsed.ok ? handler(parsed.body) : parsed.answer);
  return true;
}
