import * as oauth from 'oauth4webapi';
import type { Transport } from '../http/index.js';
import { RequestError } from '../errors/index.js';
import type { AuthorizationParameters, TransactionData } from '../types.js';
import { argumentError, optionalString, withoutEmpty } from '../lib/validate.js';

/** Options of `startInteractiveLogin`. */
export interface StartInteractiveLoginOptions<TAppState = unknown> {
  /** Parameters for this login, over the configured ones. */
  authorizationParams?: AuthorizationParameters;
  /** Any JSON value, handed back by `completeInteractiveLogin`. */
  appState?: TAppState;
  /** Sends the parameters by Pushed Authorization Request (RFC 9126) and redirects with `request_uri`. */
  pushedAuthorizationRequests?: boolean;
  /**
   * The organization to log in to: an `org_…` id or a name. Wins over `authorizationParams.organization`
   * and the client's `organization`. The ID token must name it (`org_id` for an id, `org_name` for a
   * name, compared case-insensitively).
   */
  organization?: string;
  /** The invitation ticket of an organization invitation link; needs an organization. */
  invitation?: string;
}

/** What a started login produced: the URL to send the user to, and the transaction to keep. */
export interface StartedLogin {
  url: URL;
  state: string;
  transaction: TransactionData;
}

/** The parameters the SDK owns; a caller cannot override them through `authorizationParams`. */
const RESERVED = new Set([
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'response_type',
  'client_id',
  'request_uri',
]);

/**
 * Builds the authorization request: PKCE (S256), `state` and `nonce`, optionally pushed (PAR).
 *
 * @throws {TypeError} when no `redirect_uri` is configured or given.
 * @throws {RequestError} `request_failed` / `request_timeout` / `invalid_response` for PAR or discovery.
 * @throws {ServerError} `server_error` when the PAR endpoint refuses the request.
 */
export async function buildAuthorizationRequest(
  transport: Transport,
  defaults: AuthorizationParameters,
  options: StartInteractiveLoginOptions,
  defaultOrganization?: string,
): Promise<StartedLogin> {
  const own = options.authorizationParams && withoutEmpty(options.authorizationParams);
  const params: AuthorizationParameters = { ...defaults, ...own };
  const { organization, invitation } = loginOrganization(options, own ?? {}, defaults, defaultOrganization);
  delete params.organization;
  delete params.invitation;
  const redirectUri = params.redirect_uri;
  if (typeof redirectUri !== 'string' || redirectUri === '') {
    throw argumentError('"authorizationParams.redirect_uri" is required to start an interactive login');
  }
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const scope = withOpenid(typeof params.scope === 'string' ? params.scope : undefined);

  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || RESERVED.has(key)) continue;
    query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  if (organization !== undefined) query.set('organization', organization);
  if (invitation !== undefined) query.set('invitation', invitation);
  query.set('scope', scope);
  query.set('client_id', transport.client.client_id);
  query.set('response_type', 'code');
  query.set('state', state);
  query.set('nonce', nonce);
  query.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  query.set('code_challenge_method', 'S256');

  const maxAge = parseMaxAge(params.max_age);
  const transaction: TransactionData = {
    codeVerifier,
    state,
    nonce,
    scope,
    redirectUri,
    ...(typeof params.audience === 'string' ? { audience: params.audience } : {}),
    ...(maxAge === undefined ? {} : { maxAge }),
    ...(options.appState === undefined ? {} : { appState: options.appState }),
    ...(organization === undefined ? {} : { organization }),
  };

  const url = await transport.run(async (as) => {
    if (!as.authorization_endpoint)
      throw new RequestError('invalid_response', 'The discovery document has no authorization_endpoint');
    const target = new URL(as.authorization_endpoint);
    if (!options.pushedAuthorizationRequests) {
      query.forEach((value, key) => target.searchParams.set(key, value));
      return target;
    }
    const res = await oauth.pushedAuthorizationRequest(
      as,
      transport.client,
      transport.clientAuth,
      query,
      transport.call,
    );
    const par = await oauth.processPushedAuthorizationResponse(as, transport.client, res);
    target.searchParams.set('client_id', transport.client.client_id);
    target.searchParams.set('request_uri', par.request_uri);
    return target;
  });
  return { url, state, transaction };
}

/**
 * The login's organization, by the precedence of `@auth0/auth0-server-js`: the login's `organization`,
 * its `authorizationParams.organization`, the client's `organization`, the client's
 * `authorizationParams.organization`; and its invitation (the option, else the login's
 * `authorizationParams.invitation`).
 *
 * @throws {TypeError} for a blank or non-string organization or invitation, and for an invitation
 *   without an organization (before any request).
 */
function loginOrganization(
  options: StartInteractiveLoginOptions,
  // The login's own parameters with empty strings left out (they read as absent, as in the peer).
  params: AuthorizationParameters,
  defaults: AuthorizationParameters,
  defaultOrganization: string | undefined,
): { organization?: string; invitation?: string } {
  optionalString(options.organization, 'organization');
  optionalString(options.invitation, 'invitation');
  const fromParams = (value: unknown, field: string): string | undefined => {
    optionalString(value, field);
    return value;
  };
  const organization =
    options.organization ??
    fromParams(params.organization, 'authorizationParams.organization') ??
    defaultOrganization ??
    fromParams(defaults.organization, 'authorizationParams.organization');
  const invitation = options.invitation ?? fromParams(params.invitation, 'authorizationParams.invitation');
  if (invitation !== undefined && organization === undefined)
    throw argumentError('"invitation" needs an organization: give "organization" with it');
  return {
    ...(organization === undefined ? {} : { organization }),
    ...(invitation === undefined ? {} : { invitation }),
  };
}

/** Adds `openid` to a space-separated scope list, once. */
export function withOpenid(scope: string | undefined): string {
  const parts = (scope ?? '').split(/\s+/).filter(Boolean);
  return parts.includes('openid') ? parts.join(' ') : ['openid', ...parts].join(' ');
}

/**
 * `max_age` as a non-negative integer, or `undefined` when not sent.
 *
 * @throws {TypeError} naming `authorizationParams.max_age` otherwise.
 */
function parseMaxAge(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw argumentError('"authorizationParams.max_age" must be a non-negative integer');
  }
  return n;
}
