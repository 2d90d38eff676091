import * as oauth from 'oauth4webapi';
import { CallbackError, MyAccountApiError, RequestError } from '../errors/index.js';
import type { MyAccountValidationError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import { parseJson } from '../http/index.js';
import { isRecord } from '../lib/is-record.js';
import { isLoopback } from '../lib/loopback.js';
import { argumentError, optionalString, requireString } from '../lib/validate.js';
import type { AuthorizationParameters, TransactionData } from '../types.js';

/** The `flow` of a connect-account transaction: only `completeConnectAccount` completes it. */
export const CONNECT_ACCOUNT_FLOW = 'connect_account';

/** The My Account API scopes each call needs, as Auth0 names them. */
export const MY_ACCOUNT_SCOPES = {
  create: 'create:me:connected_accounts',
  read: 'read:me:connected_accounts',
  delete: 'delete:me:connected_accounts',
} as const;

/** Options of `connectAccount` (nextjs-auth0's `ConnectAccountOptions`, with `appState` for the callback). */
export interface ConnectAccountOptions<TAppState = unknown> {
  /** The connection to connect an account of (`google-oauth2`, `github`, ...). */
  connection: string;
  /** Where the user comes back with `connect_code`; default: the configured `authorizationParams.redirect_uri`. */
  redirectUri?: string;
  /** The scopes to ask the upstream provider for; default: the connection's. */
  scopes?: string[];
  /** Extra parameters for the upstream authorization (`authorization_params`; `access_type`, `prompt`, ...). */
  authorizationParams?: AuthorizationParameters;
  /** Any JSON value, handed back by `completeConnectAccount`. */
  appState?: TAppState;
}

/** A connected account, as the My Account API describes it, in camelCase. */
export interface ConnectedAccount {
  /** `cac_…`: what `deleteConnectedAccount` takes. */
  id: string;
  connection: string;
  /** `offline`: Token Vault keeps a refresh token for the account. */
  accessType: string;
  scopes: string[];
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, when the upstream grant expires. */
  expiresAt?: string;
}

/** What `completeConnectAccount` returns: the account, and the `appState` given to `connectAccount`. */
export interface CompleteConnectAccountResult<TAppState = unknown> extends ConnectedAccount {
  appState?: TAppState;
}

/** Options of `listConnectedAccounts`. */
export interface ListConnectedAccountsOptions {
  /** Only the accounts on this connection. */
  connection?: string;
  /** The `next` of the previous page. */
  from?: string;
  /** Accounts per page, 1 to 20 (Auth0's default: 10). */
  take?: number;
}

/** One page of `listConnectedAccounts`. */
export interface ConnectedAccountsPage {
  accounts: ConnectedAccount[];
  /** Pass as `from` for the next page; absent on the last. */
  next?: string;
}

/** A connect-account transaction, as `startConnectAccount` keeps it. */
export interface ConnectAccountTransaction extends TransactionData {
  flow: typeof CONNECT_ACCOUNT_FLOW;
  codeVerifier: string;
  state: string;
  redirectUri: string;
  authSession: string;
}

/**
 * What the My Account calls need: the transport, and an access token with `scope` for the My Account
 * API (`https://{domain}/me/`), which the facade gets through the session (`getAccessToken`, so the
 * session's refresh token is exchanged once and the token kept, as for any audience).
 */
export interface MyAccountContext {
  transport: Transport;
  accessToken(scope: string): Promise<string>;
}

/** The My Account API's audience: `https://{domain}/me/`. */
export function myAccountAudience(issuer: URL): string {
  return new URL('me/', issuer).href;
}

export function isConnectAccount(transaction: TransactionData): transaction is ConnectAccountTransaction {
  return (
    transaction.flow === CONNECT_ACCOUNT_FLOW &&
    typeof transaction.codeVerifier === 'string' &&
    typeof transaction.authSession === 'string'
  );
}

/**
 * Starts connecting an account (`POST /me/v1/connected-accounts/connect`, with PKCE and `state`):
 * returns the `connect_uri` with its ticket, and the transaction its callback completes.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @throws {MyAccountApiError} `my_account_api_error`: the API refused (an unknown connection, a redirect URI it does not allow).
 * @throws {LoginRequiredError} from the token: no session or no refresh token; {@link RequestError}.
 */
export async function startConnectAccount(
  ctx: MyAccountContext,
  options: ConnectAccountOptions,
  defaultRedirectUri: unknown,
): Promise<{ url: URL; state: string; transaction: ConnectAccountTransaction }> {
  requireString(options?.connection, 'connection');
  optionalString(options.redirectUri, 'redirectUri');
  if (options.scopes !== undefined && !isStringArray(options.scopes))
    throw argumentError('"scopes" must be an array of strings');
  if (options.authorizationParams !== undefined && !isRecord(options.authorizationParams))
    throw argumentError('"authorizationParams" must be an object');
  const redirectUri = options.redirectUri ?? defaultRedirectUri;
  if (typeof redirectUri !== 'string' || !URL.canParse(redirectUri))
    throw argumentError(
      '"redirectUri" must be an absolute URL, or "authorizationParams.redirect_uri" configured',
      'ERR_INVALID_ARG_TYPE',
    );
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const answer = await myAccountCall(ctx, 'POST', 'connect', MY_ACCOUNT_SCOPES.create, {
    connection: options.connection,
    redirect_uri: redirectUri,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
    ...(options.authorizationParams === undefined
      ? {}
      : { authorization_params: options.authorizationParams }),
  });
  const ticket =
    isRecord(answer) && isRecord(answer.connect_params) ? answer.connect_params.ticket : undefined;
  const connectUri = isRecord(answer) ? answer.connect_uri : undefined;
  const authSession = isRecord(answer) ? answer.auth_session : undefined;
  if (typeof ticket !== 'string' || typeof authSession !== 'string' || !usableConnectUri(connectUri))
    throw new RequestError(
      'invalid_response',
      'The My Account API answered the connect request without a usable connect_uri, ticket or auth_session',
    );
  const url = new URL(connectUri);
  url.searchParams.set('ticket', ticket);
  const transaction: ConnectAccountTransaction = {
    flow: CONNECT_ACCOUNT_FLOW,
    codeVerifier,
    state,
    redirectUri,
    authSession,
    ...(options.appState === undefined ? {} : { appState: options.appState }),
  };
  return { url, state, transaction };
}

/**
 * Completes a connect request from its callback URL (`POST /me/v1/connected-accounts/complete` with
 * the `connect_code`, the `auth_session` and the PKCE verifier). The transaction is already spent.
 *
 * @throws {CallbackError} `invalid_callback` when the callback has no `connect_code`.
 * @throws {MyAccountApiError} `my_account_api_error`: the API refused (an expired or used request).
 */
export async function completeConnectAccount(
  ctx: MyAccountContext,
  callback: URL,
  transaction: ConnectAccountTransaction,
): Promise<ConnectedAccount> {
  const connectCode = callback.searchParams.get('connect_code');
  if (!connectCode) throw new CallbackError('invalid_callback', 'The callback URL has no connect_code');
  const answer = await myAccountCall(ctx, 'POST', 'complete', MY_ACCOUNT_SCOPES.create, {
    auth_session: transaction.authSession,
    connect_code: connectCode,
    redirect_uri: transaction.redirectUri,
    code_verifier: transaction.codeVerifier,
  });
  return toAccount(answer);
}

/**
 * The user's connected accounts, a page at a time (`GET /me/v1/connected-accounts/accounts`).
 *
 * @throws {TypeError}; {@link MyAccountApiError}; {@link LoginRequiredError}; {@link RequestError}.
 */
export async function listConnectedAccounts(
  ctx: MyAccountContext,
  options: ListConnectedAccountsOptions,
): Promise<ConnectedAccountsPage> {
  optionalString(options?.connection, 'connection');
  optionalString(options.from, 'from');
  if (
    options.take !== undefined &&
    !(Number.isInteger(options.take) && options.take >= 1 && options.take <= 20)
  )
    throw argumentError('"take" must be an integer from 1 to 20');
  const query = new URLSearchParams();
  if (options.connection !== undefined) query.set('connection', options.connection);
  if (options.from !== undefined) query.set('from', options.from);
  if (options.take !== undefined) query.set('take', String(options.take));
  const search = query.size ? `?${query.toString()}` : '';
  const answer = await myAccountCall(ctx, 'GET', `accounts${search}`, MY_ACCOUNT_SCOPES.read);
  if (!isRecord(answer) || !Array.isArray(answer.accounts))
    throw new RequestError('invalid_response', 'The My Account API answered the list without accounts');
  return {
    accounts: answer.accounts.map(toAccount),
    ...(typeof answer.next === 'string' ? { next: answer.next } : {}),
  };
}

/**
 * Deletes one of the user's connected accounts (`DELETE /me/v1/connected-accounts/accounts/{id}`).
 *
 * @throws {TypeError}; {@link MyAccountApiError} (404 for an account the user does not have).
 */
export async function deleteConnectedAccount(ctx: MyAccountContext, id: string): Promise<void> {
  requireString(id, 'connectedAccountId');
  await myAccountCall(ctx, 'DELETE', `accounts/${encodeURIComponent(id)}`, MY_ACCOUNT_SCOPES.delete);
}

/** One My Account API call with a token for `scope`: its JSON value, or its problem as a {@link MyAccountApiError}. */
async function myAccountCall(
  ctx: MyAccountContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  scope: string,
  body?: Record<string, unknown>,
): Promise<unknown> {
  const bearer = await ctx.accessToken(scope);
  const { res } = await ctx.transport.send(`me/v1/connected-accounts/${path}`, {
    method,
    bearer,
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  const parsed = parseJson(text);
  if (res.ok) {
    if (text !== '' && parsed === undefined)
      throw new RequestError('invalid_response', 'The My Account API answered with a body that is not JSON', {
        status: res.status,
      });
    return parsed;
  }
  const problem = isRecord(parsed) ? parsed : {};
  const field = (name: string) => (typeof problem[name] === 'string' ? problem[name] : undefined);
  throw new MyAccountApiError(`The My Account API refused the request (HTTP ${res.status})`, {
    status: res.status,
    type: field('type'),
    title: field('title'),
    detail: field('detail'),
    validationErrors: Array.isArray(problem.validation_errors)
      ? problem.validation_errors.filter(isValidationError)
      : undefined,
  });
}

function toAccount(value: unknown): ConnectedAccount {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.connection !== 'string')
    throw new RequestError('invalid_response', 'The My Account API answered without a connected account');
  return {
    id: value.id,
    connection: value.connection,
    accessType: typeof value.access_type === 'string' ? value.access_type : 'offline',
    scopes: isStringArray(value.scopes) ? value.scopes : [],
    createdAt: typeof value.created_at === 'string' ? value.created_at : '',
    ...(typeof value.expires_at === 'string' ? { expiresAt: value.expires_at } : {}),
  };
}

/** A connect_uri the browser may be sent to: https, or http on a loopback host. */
function usableConnectUri(value: unknown): value is string {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isValidationError(value: unknown): value is MyAccountValidationError {
  return isRecord(value) && typeof value.detail === 'string';
}
