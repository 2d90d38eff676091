import * as oauth from 'oauth4webapi';
import type { Transport } from '../http/index.js';
import { RequestError } from '../errors/index.js';
import type { AuthorizationParameters, TransactionData } from '../types.js';
import { argumentError, withoutEmpty } from '../lib/validate.js';

/** Options of `startInteractiveLogin`. */
export interface StartInteractiveLoginOptions<TAppState = unknown> {
  /** Parameters for this login, over the configured ones. */
  authorizationParams?: AuthorizationParameters;
  /** Any JSON value, handed back by `completeInteractiveLogin`. */
  appState?: TAppState;
  /** Sends the parameters by Pushed Authorization Request (RFC 9126) and redirects with `request_uri`. */
  pushedAuthorizationRequests?: boolean;
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
): Promise<StartedLogin> {
  const params: AuthorizationParameters = {
    ...defaults,
    ...(options.authorizationParams && withoutEmpty(options.authorizationParams)),
  };
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
