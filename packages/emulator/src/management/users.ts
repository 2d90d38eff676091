import { randomBytes } from 'node:crypto';
import type { EmulatorUser } from '../config/types.js';
import type { AuthenticatorView, MfaService } from '../mfa/index.js';
import type { UserDirectory } from '../provider/users.js';
import { isObject } from '../lib/validate.js';
import { DATABASE_CONNECTION, identitiesOf, type AccountLinks } from '../linking/links.js';
import { USER_NOT_FOUND, invalidBody, managementError } from './errors.js';
import type { ManagementAnswer } from './errors.js';

/** The one database connection the emulator has, under Auth0's default name. */
export const CONNECTION = DATABASE_CONNECTION;

/** What the user operations work on. */
export interface UserStoreDeps {
  users: UserDirectory;
  mfa: MfaService;
  /** The accounts linked to users: their `identities`. */
  links: AccountLinks;
}

type Body = Record<string, unknown>;

const CREATE_FIELDS = new Set([
  'connection',
  'email',
  'password',
  'email_verified',
  'user_id',
  'name',
  'app_metadata',
  'user_metadata',
  'blocked',
]);
const UPDATE_FIELDS = new Set([
  'connection',
  'email',
  'password',
  'email_verified',
  'name',
  'app_metadata',
  'user_metadata',
  'blocked',
]);

/** A user as the Management API returns it. */
export function userView(deps: UserStoreDeps, user: EmulatorUser): Body {
  const times = deps.users.times(user.user_id);
  return {
    user_id: user.user_id,
    email: user.email,
    email_verified: user.email_verified ?? true,
    name: user.name ?? user.email,
    nickname: user.email.split('@')[0],
    ...times,
    identities: identitiesOf(user.user_id, deps.links),
    app_metadata: user.app_metadata ?? {},
    user_metadata: user.user_metadata ?? {},
    ...(user.blocked ? { blocked: true } : {}),
  };
}

/**
 * `DELETE /api/v2/users/:id/identities/:provider/:user_id`: unlinks that account from the user, as
 * Auth0's Management API does; 200 with the identities left.
 */
export function unlinkIdentity(
  deps: UserStoreDeps,
  userId: string,
  provider: string,
  accountId: string,
): ManagementAnswer {
  if (!deps.users.byId(userId)) return USER_NOT_FOUND;
  const identity = deps.links.linked(userId).find((i) => i.provider === provider && i.user_id === accountId);
  if (identity) deps.links.unlink(userId, identity.connection, accountId);
  return { status: 200, body: identitiesOf(userId, deps.links) };
}

/** The first property a body may not carry, or a field of the wrong type, as Auth0's 400. */
function checkBody(body: Body, allowed: Set<string>): ManagementAnswer | undefined {
  const extra = Object.keys(body).find((key) => !allowed.has(key));
  if (extra) return invalidBody(`Additional properties not allowed: ${extra}`);
  for (const key of ['connection', 'email', 'password', 'user_id', 'name'])
    if (body[key] !== undefined && (typeof body[key] !== 'string' || body[key] === ''))
      return invalidBody(`Expected type string but found type ${typeof body[key]} on property ${key}`);
  for (const key of ['email_verified', 'blocked'])
    if (body[key] !== undefined && typeof body[key] !== 'boolean')
      return invalidBody(`Expected type boolean but found type ${typeof body[key]} on property ${key}`);
  for (const key of ['app_metadata', 'user_metadata'])
    if (body[key] !== undefined && !isObject(body[key]))
      return invalidBody(`Expected type object but found type ${typeof body[key]} on property ${key}`);
  if (typeof body.email === 'string' && !/^[^@\s]+@[^@\s]+$/.test(body.email))
    return invalidBody("Object didn't pass validation for format email: email");
  if (body.connection !== undefined && body.connection !== CONNECTION)
    return managementError(400, 'The connection does not exist.', 'inexistent_connection');
  return undefined;
}

/**
 * Metadata as Auth0 merges it on update: top-level properties replace the stored ones, a `null` removes
 * one, and an empty object clears them all.
 */
function merged(prior: Record<string, unknown> | undefined, patch: Record<string, unknown>): Body {
  if (Object.keys(patch).length === 0) return {};
  const next: Body = { ...prior };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const meta = (value: unknown): Body | undefined => (isObject(value) ? value : undefined);

/** `POST /api/v2/users`: 201 with the user; 400 for a bad body, 409 when the email or id is taken. */
export function createUser(deps: UserStoreDeps, body: Body): ManagementAnswer {
  const problem = checkBody(body, CREATE_FIELDS);
  if (problem) return problem;
  for (const key of ['connection', 'email', 'password'])
    if (body[key] === undefined) return invalidBody(`Missing required property: ${key}`);
  const email = str(body.email) ?? '';
  const given = str(body.user_id);
  const userId = `auth0|${given ?? randomBytes(12).toString('hex')}`;
  if (deps.users.byEmail(email) || deps.users.byId(userId))
    return managementError(409, 'The user already exists.', 'auth0_idp_error');
  const user: EmulatorUser = {
    user_id: userId,
    email,
    password: str(body.password) ?? '',
    mfa: 'off',
    mfa_factors: 1,
    authenticators: [],
  };
  const name = str(body.name);
  const verified = bool(body.email_verified);
  const blocked = bool(body.blocked);
  const app = meta(body.app_metadata);
  const userMeta = meta(body.user_metadata);
  if (name) user.name = name;
  // Auth0 marks an email verified only when told so.
  user.email_verified = verified ?? false;
  if (blocked !== undefined) user.blocked = blocked;
  if (app) user.app_metadata = merged(undefined, app);
  if (userMeta) user.user_metadata = merged(undefined, userMeta);
  deps.users.put(user);
  return { status: 201, body: userView(deps, user) };
}

/** `GET /api/v2/users/{id}`. */
export function readUser(deps: UserStoreDeps, userId: string): ManagementAnswer {
  const user = deps.users.byId(userId);
  return user ? { status: 200, body: userView(deps, user) } : USER_NOT_FOUND;
}

/** `PATCH /api/v2/users/{id}`: 200 with the updated user. */
export function updateUser(deps: UserStoreDeps, userId: string, body: Body): ManagementAnswer {
  const user = deps.users.byId(userId);
  if (!user) return USER_NOT_FOUND;
  const problem = checkBody(body, UPDATE_FIELDS);
  if (problem) return problem;
  const email = str(body.email);
  const owner = email === undefined ? undefined : deps.users.byEmail(email);
  if (owner && owner.user_id !== userId)
    return managementError(400, 'The specified new email already exists', 'email_exists');
  const next: EmulatorUser = { ...user };
  if (email !== undefined) next.email = email;
  const password = str(body.password);
  const name = str(body.name);
  const verified = bool(body.email_verified);
  const blocked = bool(body.blocked);
  const app = meta(body.app_metadata);
  const userMeta = meta(body.user_metadata);
  if (password !== undefined) next.password = password;
  if (name !== undefined) next.name = name;
  if (verified !== undefined) next.email_verified = verified;
  if (blocked !== undefined) next.blocked = blocked;
  if (app) next.app_metadata = merged(user.app_metadata, app);
  if (userMeta) next.user_metadata = merged(user.user_metadata, userMeta);
  deps.users.put(next);
  return { status: 200, body: userView(deps, next) };
}

/** `DELETE /api/v2/users/{id}`: 204, whether or not the user existed (as Auth0 answers). */
export function deleteUser(deps: UserStoreDeps, userId: string): ManagementAnswer {
  deps.users.delete(userId);
  deps.mfa.removeUser(userId);
  deps.links.forget(userId);
  return { status: 204 };
}

/** The Management API's `type` of an MFA API authenticator. */
function methodType(view: AuthenticatorView): string {
  if (view.authenticator_type === 'otp') return 'totp';
  if (view.authenticator_type === 'recovery-code') return 'recovery-code';
  if (view.oob_channel === 'auth0') return 'push-notification';
  return view.oob_channel === 'email' ? 'email' : 'phone';
}

function views(deps: UserStoreDeps, userId: string): AuthenticatorView[] {
  const answer = deps.mfa.listAuthenticators({ userId });
  return Array.isArray(answer.body)
    ? answer.body.filter((item): item is AuthenticatorView => isObject(item))
    : [];
}

/** `GET /api/v2/users/{id}/authentication-methods`: the user's MFA factors. */
export function listMethods(deps: UserStoreDeps, userId: string): ManagementAnswer {
  if (!deps.users.byId(userId)) return USER_NOT_FOUND;
  const methods = views(deps, userId).map((view) => ({
    id: view.id,
    type: methodType(view),
    confirmed: view.active,
    ...(view.name ? { name: view.name } : {}),
    ...(view.oob_channel === 'sms' || view.oob_channel === 'voice'
      ? { preferred_authentication_method: view.oob_channel }
      : {}),
  }));
  return { status: 200, body: methods };
}

/**
 * `DELETE /api/v2/users/{id}/authentication-methods/{method}`: 204; 404 for a method the user does not
 * have. Without `methodId` every factor goes (`DELETE .../authentication-methods`).
 */
export function deleteMethods(deps: UserStoreDeps, userId: string, methodId?: string): ManagementAnswer {
  if (!deps.users.byId(userId)) return USER_NOT_FOUND;
  if (methodId === undefined) {
    // The recovery code goes with the factors, so the next login enrolls afresh.
    deps.mfa.removeUser(userId);
    return { status: 204 };
  }
  const answer = deps.mfa.deleteAuthenticator({ userId }, methodId);
  return answer.status === 204
    ? { status: 204 }
    : managementError(404, 'The authentication method does not exist.', 'inexistent_authentication_method');
}
