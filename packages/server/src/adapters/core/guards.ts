import { LoginRequiredError, MfaRequiredError } from '../../errors/index.js';
import type { UserClaims } from '../../types.js';
import { argumentError, nonNegativeNumber, optionalString, requireObject } from '../../lib/validate.js';
import { mfaRequiredBody } from './error-answers.js';
import { json, redirect, wantsHtml, type AdapterRequest, type AdapterResponse } from './request-response.js';
import type { Auth0RequestHandle } from './handle.js';

/** The `acr` Auth0 uses for a login that passed a second factor. */
export const ACR_MULTI_FACTOR = 'http://schemas.openid.net/pape/policies/2007/06/multi-factor';

/**
 * What {@link requireStepUp} demands. The `acrValues` / `amr` / `maxAge` checks read the claims of
 * the login's ID token; `audience` / `scope` demand an access token, which the authorization server
 * may refuse until the user passes MFA (`mfa_required`).
 */
export interface StepUpOptions {
  /** An access token for this API must be obtainable (a refresh may answer `mfa_required`). */
  audience?: string;
  /** ... with this scope. */
  scope?: string;
  /** The login's `acr` must be one of these (space-separated string or list). */
  acrValues?: string | string[];
  /** Every value here must be in the login's `amr` (for example `['mfa']`). */
  amr?: string[];
  /** The login (`auth_time`) must be at most this many seconds old. */
  maxAge?: number;
}

/** What `requiresAuth` demands beyond a session. */
export interface RequiresAuthOptions {
  /**
   * The session's login must be into this organization: an `org_…` id is compared with the user's
   * `org_id` exactly, a name with `org_name` case-insensitively. A page navigation without it is sent
   * to log in to the organization; other requests get `403 { error: 'organization_required' }`.
   */
  organization?: string;
}

/** Checks {@link RequiresAuthOptions} up front, so a typo fails at startup rather than on a request. */
export function checkRequiresAuthOptions(options: RequiresAuthOptions): void {
  requireObject(options, 'options');
  optionalString(options.organization, 'organization');
}

/**
 * Passes (`undefined`) when there is a session (into `options.organization`, when given); otherwise a
 * page navigation is sent to log in (to that organization, and back here) and anything else gets
 * `401 { error: 'login_required' }`, or `403 { error: 'organization_required' }` for a session in
 * another organization or in none.
 */
export async function requireSession(
  req: AdapterRequest,
  handle: Auth0RequestHandle,
  options: RequiresAuthOptions = {},
): Promise<AdapterResponse | undefined> {
  const session = await handle.getSession();
  const { organization } = options;
  if (session && (organization === undefined || inOrganization(session.user, organization))) return undefined;
  if (!session || wantsHtml(req)) return loginNeeded(req, handle, {}, organization);
  return json(403, { error: 'organization_required' });
}

/** Whether the login's claims put the user in `organization` (an `org_…` id, or a name). */
function inOrganization(user: UserClaims | undefined, organization: string): boolean {
  if (organization.startsWith('org_')) return user?.org_id === organization;
  const name = user?.org_name;
  return typeof name === 'string' && name.toLowerCase() === organization.toLowerCase();
}

/** Checks {@link StepUpOptions} up front, so a typo fails at startup rather than on a request. */
export function checkStepUpOptions(options: StepUpOptions): void {
  requireObject(options, 'options');
  for (const field of ['audience', 'scope'] as const) optionalString(options[field], field);
  if (options.maxAge !== undefined && !Number.isInteger(nonNegativeNumber(options.maxAge, 'maxAge', 0)))
    throw argumentError('"maxAge" must be a whole number of seconds');
  if (
    options.amr !== undefined &&
    (!Array.isArray(options.amr) || options.amr.some((v) => typeof v !== 'string'))
  )
    throw argumentError('"amr" must be an array of strings', 'ERR_INVALID_ARG_TYPE');
  if (acrList(options.acrValues).some((v) => typeof v !== 'string'))
    throw argumentError('"acrValues" must be a string or an array of strings', 'ERR_INVALID_ARG_TYPE');
}

/**
 * Passes (`undefined`) when the session satisfies `options`; otherwise starts what is missing. A
 * page navigation is sent to log in again with `acr_values` (multi-factor) / `max_age`; a JSON
 * client gets `401 insufficient_user_authentication` for a login that is too weak or old, or
 * `403 { error: 'mfa_required', mfaToken, mfaRequirements }` (the token encrypted) when the access
 * token needs MFA: the MFA routes take it from there.
 */
export async function requireStepUp(
  req: AdapterRequest,
  handle: Auth0RequestHandle,
  options: StepUpOptions,
): Promise<AdapterResponse | undefined> {
  const session = await handle.getSession();
  const params = loginParams(options);
  if (!session) return loginNeeded(req, handle, params);
  if (!claimsSatisfy(session.user, options, Math.floor(Date.now() / 1000))) {
    if (wantsHtml(req)) return startLogin(req, handle, params);
    return json(401, {
      error: 'insufficient_user_authentication',
      ...(params.acr_values ? { acrValues: params.acr_values } : {}),
      ...(options.maxAge === undefined ? {} : { maxAge: options.maxAge }),
    });
  }
  if (options.audience === undefined && options.scope === undefined) return undefined;
  try {
    await handle.getAccessToken({ audience: options.audience, scope: options.scope });
    return undefined;
  } catch (err) {
    if (err instanceof LoginRequiredError) return loginNeeded(req, handle, params);
    if (!(err instanceof MfaRequiredError)) throw err;
    if (wantsHtml(req)) return startLogin(req, handle, { ...params, acr_values: ACR_MULTI_FACTOR });
    return json(403, mfaRequiredBody(err));
  }
}

function claimsSatisfy(user: UserClaims | undefined, options: StepUpOptions, now: number): boolean {
  const acr = acrList(options.acrValues);
  if (acr.length > 0 && !acr.includes(typeof user?.acr === 'string' ? user.acr : '')) return false;
  if (options.amr?.length) {
    const amr = Array.isArray(user?.amr) ? user.amr : [];
    if (!options.amr.every((value) => amr.includes(value))) return false;
  }
  if (options.maxAge !== undefined) {
    const authTime = user?.auth_time;
    if (typeof authTime !== 'number' || now - authTime > options.maxAge) return false;
  }
  return true;
}

function acrList(values: string | string[] | undefined): string[] {
  if (values === undefined) return [];
  return typeof values === 'string' ? values.split(' ').filter(Boolean) : values;
}

function loginParams(options: StepUpOptions): Record<string, string | number> {
  const acr = acrList(options.acrValues);
  const wantsMfa = options.amr?.includes('mfa') ?? false;
  return {
    ...(acr.length > 0 ? { acr_values: acr.join(' ') } : wantsMfa ? { acr_values: ACR_MULTI_FACTOR } : {}),
    ...(options.maxAge === undefined ? {} : { max_age: options.maxAge }),
    ...(options.audience === undefined ? {} : { audience: options.audience }),
  };
}

function loginNeeded(
  req: AdapterRequest,
  handle: Auth0RequestHandle,
  params: Record<string, string | number>,
  organization?: string,
): Promise<AdapterResponse> | AdapterResponse {
  if (wantsHtml(req)) return startLogin(req, handle, params, organization);
  return json(401, { error: 'login_required' });
}

async function startLogin(
  req: AdapterRequest,
  handle: Auth0RequestHandle,
  params: Record<string, string | number>,
  organization?: string,
): Promise<AdapterResponse> {
  const url = await handle.login({
    returnTo: req.url,
    authorizationParams: params,
    ...(organization === undefined ? {} : { organization }),
  });
  return redirect(url.href);
}
