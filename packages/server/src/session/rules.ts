import { MfaTokenInvalidError, MissingSessionError, SessionHookError } from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';
import type { ConnectionTokenSet, StateData, UserClaims } from '../types.js';
import { applyTokenResponse, type SessionTokenResponse } from './apply-token-response.js';
import { assertOrganization } from './organization.js';
import { withConnectionTokenSet } from './connection-token-sets.js';
import { assertSameUser } from './same-user.js';
import { withSessionExpiry } from './session-expiry.js';
import type { TokenSetQuery } from './token-sets.js';

// The write rules: what each kind of token answer may do to a session. Each takes the session an
// update's function receives and returns what that function returns (see `NextSession`), so a caller
// only picks the rule that applies.

/** A token endpoint answer as the session files it: the tokens and the ID token's validated claims. */
export interface TokenAnswer {
  tokens: SessionTokenResponse;
  claims: UserClaims | undefined;
}

/**
 * The session after a refresh that redeemed its refresh token (see {@link refreshed}). The old
 * refresh token may be spent, so the session owner never drops this one: when the store fails, it
 * keeps it and files the same answer (`refile`) into the session as the store still has it.
 */
export class RedeemedSession {
  constructor(
    readonly session: StateData,
    /** Files the same answer into another copy of the session (the one the store holds). */
    readonly refile: (state: StateData) => StateData,
  ) {}
}

/** What a login asked for beyond its tokens, which its session must honour. */
export interface LoginRequest {
  /** The organization (id or name) the login asked for. */
  organization?: string | undefined;
  /** Unix seconds; defaults to now. */
  now?: number | undefined;
}

/**
 * A login's session: always a new one, with a fresh `internal.sid`, whatever the request carried, so
 * the store drops what a planted identifier pointed at and issues a new id. The ID token must name
 * the organization asked for, which the session keeps for its refreshes; an IPSIE `session_expiry`
 * becomes the session's ceiling.
 *
 * @throws {OrganizationValidationError} `organization_mismatch`: no session may be written.
 * @throws {SessionExpiredError} `session_expired`: the session would be born expired.
 */
export function loggedIn(answer: TokenAnswer, target: TokenSetQuery, login: LoginRequest = {}): StateData {
  const now = login.now ?? Math.floor(Date.now() / 1000);
  if (answer.claims) assertOrganization(login.organization, answer.claims);
  const session = applyTokenResponse(undefined, answer.tokens, { ...target, claims: answer.claims, now });
  if (login.organization !== undefined)
    session.internal = { ...session.internal, organization: login.organization };
  return withSessionExpiry(session, answer.claims, now);
}

/**
 * The session after its refresh token was redeemed for `query`: the access token for that audience
 * and scope, a rotated refresh token, and a new ID token only for the same user and issuer.
 *
 * @throws {IdTokenValidationError} `id_token_user_mismatch`: nothing may be written.
 */
export function refreshed(current: StateData, answer: TokenAnswer, query: TokenSetQuery): RedeemedSession {
  assertSameUser(current, answer.claims);
  const refile = (state: StateData) =>
    applyTokenResponse(state, answer.tokens, { ...query, claims: answer.claims });
  return new RedeemedSession(refile(current), refile);
}

/**
 * The session after an account link or unlink completed: the same session (its `internal.sid` kept,
 * so the store issues no new id) with the new ID token's claims (their `identities`) and the new
 * tokens. Only for the session's own user: the link was started from this session, and a session that
 * ended, or now belongs to someone else, is not written.
 *
 * @throws {MissingSessionError} `login_required`: there is no session (any more) to link into.
 * @throws {IdTokenValidationError} `id_token_user_mismatch`: the answer names another user or issuer.
 * @throws {OrganizationValidationError} `organization_mismatch`: it does not name the session's organization.
 */
export function linked(
  current: StateData | undefined,
  answer: TokenAnswer & { claims: UserClaims },
  target: TokenSetQuery,
): StateData {
  if (!current?.user)
    throw new MissingSessionError(
      'The session that started the account link has ended: log in again, then link the account',
    );
  assertSameUser(current, answer.claims);
  return applyTokenResponse(current, answer.tokens, { ...target, claims: answer.claims });
}

/**
 * The session after a federated connection's token was obtained (Token Vault): that connection's
 * entry replaced, nothing else changed. The refresh token is presented, not rotated, so a store
 * failure loses nothing that cannot be fetched again.
 */
export function connectionGranted(current: StateData, set: ConnectionTokenSet): StateData {
  return withConnectionTokenSet(current, set);
}

/** Where an MFA grant's tokens go, and whether its mfa token was sealed inside the session it is used in. */
export interface MfaGrantTarget extends TokenSetQuery {
  sessionBound: boolean;
}

/**
 * The session after a completed MFA grant: the access token under `target.audience`, a rotated
 * refresh token, and a verified ID token. With no session, one is created only from an ID token (the
 * MFA finished a first login); without one nothing changes. An MFA grant never changes who is logged
 * in, and an mfa token sealed without a session may add to one only when its answer names the
 * session's user.
 *
 * @throws {IdTokenValidationError} `id_token_user_mismatch` for another user or issuer.
 * @throws {MfaTokenInvalidError} `mfa_token_invalid`: a session-less token's answer names no user.
 */
export function mfaGranted(
  current: StateData | undefined,
  answer: TokenAnswer,
  target: MfaGrantTarget,
): StateData | undefined {
  const { claims } = answer;
  if (!current && !claims) return current;
  if (current && !target.sessionBound && !claims) {
    throw new MfaTokenInvalidError(
      'The mfa token was issued without a session and its answer names no user: it cannot add tokens to this session (log out first, or verify with persist: false)',
    );
  }
  assertSameUser(current, claims);
  return applyTokenResponse(current, answer.tokens, {
    audience: target.audience,
    scope: target.scope,
    claims,
  });
}

/**
 * The session after its refresh token `revoked` was revoked: without it, so the next refresh fails
 * with `login_required` at once. A session that holds another refresh token (rotated meanwhile, or
 * a new login) is left as it is.
 */
export function refreshTokenRevoked(current: StateData | undefined, revoked: string): StateData | undefined {
  return current?.refreshToken === revoked ? { ...current, refreshToken: undefined } : current;
}

/** The claims besides `sub` that the SDK reads from `user`: the issuer at each refresh, `sid` at back-channel logout. */
const SDK_CLAIMS = ['iss', 'sid'] as const;

/**
 * The session a `beforeSessionSaved` hook made of `next` (what a write rule built): `next` with the
 * hook's `user`, where the claims the SDK reads stay as the ID token had them (put back when the hook
 * dropped them). Nothing else may differ: the tokens and the SDK's fields are the SDK's.
 *
 * @throws {SessionHookError} `session_hook_invalid`, naming the fields: nothing may be written.
 */
export function savedAs(next: StateData, result: unknown, by: ChangedBy = HOOK): StateData {
  const hookInvalid = (what: string) => invalidChange(by, what);
  if (!isRecord(result)) throw hookInvalid('it returned no session object');
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- `internal` is not the hook's to see
  const { internal, user: _user, ...kept } = next;
  const changed = [...new Set([...Object.keys(kept), ...Object.keys(result)])].filter(
    (field) => field !== 'user' && !sameJson(kept[field], result[field]),
  );
  if (changed.length > 0) throw hookInvalid(`it changed ${fieldNames(changed)}, which only the SDK writes`);
  const user = result.user;
  if (next.user === undefined) {
    if (user !== undefined) throw hookInvalid('it added a "user" to a session without an ID token');
    return next;
  }
  if (!isRecord(user)) throw hookInvalid('its "user" is not an object of claims');
  if ('sub' in user && user.sub !== next.user.sub) throw hookInvalid('it changed the "sub" claim');
  const claims: UserClaims = { ...user, sub: next.user.sub };
  for (const claim of SDK_CLAIMS) {
    const own = next.user[claim];
    if (claim in user && !sameJson(user[claim], own)) throw hookInvalid(`it changed the "${claim}" claim`);
    if (own === undefined) delete claims[claim];
    else claims[claim] = own;
  }
  return { ...next, user: claims };
}

/**
 * `redeemed` with `user` in place of the answer's claims: in the session, and in every copy the same
 * answer is filed into later (a refresh the store refused is written again). `ownUser` files each
 * copy with the user that copy already had (the hook failed: no new claims are kept).
 */
export function userKept(
  redeemed: RedeemedSession,
  user: UserClaims | undefined,
  ownUser = false,
): RedeemedSession {
  return new RedeemedSession({ ...redeemed.session, user }, (state) => ({
    ...redeemed.refile(state),
    user: ownUser ? state.user : user,
  }));
}

/**
 * The session the app's `updateSession` made of `current`: what `savedAs` makes of `result`, so
 * only `user` may change and `sub`, `iss`, `sid` stay. Only a session with a user can be updated.
 *
 * @throws {MissingSessionError} `login_required`: no session, or one without an ID token.
 * @throws {SessionHookError} `session_hook_invalid`, naming the fields: nothing may be written.
 */
export function userUpdated(current: StateData | undefined, result: unknown): StateData {
  if (!current?.user) throw new MissingSessionError('There is no session to update: log in first');
  return savedAs(current, result, UPDATE);
}

/** Who returned a session for `savedAs`: the app's hook, or the app's `updateSession` call. */
type ChangedBy = 'The beforeSessionSaved hook' | 'updateSession';
const HOOK: ChangedBy = 'The beforeSessionSaved hook';
const UPDATE: ChangedBy = 'updateSession';

function invalidChange(by: ChangedBy, what: string): SessionHookError {
  return new SessionHookError(
    'session_hook_invalid',
    `${by} may change "user" only, and ${what}: its session was not saved`,
  );
}

/** The fields by name, quoted; a name that is not a plain identifier is only counted. */
function fieldNames(fields: string[]): string {
  const named = fields.filter((field) => /^[A-Za-z_$][\w$]{0,39}$/.test(field)).map((field) => `"${field}"`);
  const others = fields.length - named.length;
  return [...named, ...(others > 0 ? [`${others} other field${others > 1 ? 's' : ''}`] : [])].join(', ');
}

/** Whether two JSON-like values are equal, a member that is `undefined` counting as absent. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameJson(a[key], b[key]));
}

/**
 * Whether writing `next` where the store held `current` starts a new session: there was none, or
 * `next` has another `internal.sid` (a login, or another user's tokens).
 */
export function startsNewSession(current: StateData | undefined, next: StateData): boolean {
  return !current || next.internal.sid !== current.internal.sid;
}
