import { LoginRequiredError, TokenForConnectionError } from '../errors/index.js';
import { sanitize } from '../errors/sanitize.js';
import { connectionGranted, type TokenAnswer } from '../session/rules.js';
import { findConnectionTokenSet } from '../session/connection-token-sets.js';
import type { ConnectionTokenSet, StateData } from '../types.js';
import type { AccessTokenContext } from './access-token.js';
import { exchangeGrant, refusedAs } from './exchange-grant.js';
import { toTokenResponse } from './token-response.js';

/** Auth0's grant that trades a refresh token for a federated connection's access token. */
export const FEDERATED_CONNECTION_GRANT =
  'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';
const FEDERATED_TOKEN_TYPE = 'http://auth0.com/oauth/token-type/federated-connection-access-token';

/** Options of `getAccessTokenForConnection`. */
export interface AccessTokenForConnectionOptions {
  /** The federated connection's name, as configured in Auth0 (`google-oauth2`, `github`, ...). */
  connection: string;
  /** Which of the user's accounts on the connection, when the user has several (`login_hint`). */
  loginHint?: string;
}

/**
 * The upstream access token of a federated connection for the session's user (Auth0 Token Vault):
 * the one kept in the session while it is more than `leeway` seconds from expiry, else a new one
 * for the session's refresh token, kept in the session per connection. As for `getAccessToken`,
 * concurrent callers in this process share one request, and across processes the request runs
 * inside the session's locked update, where a process that waited finds the winner's token (in the
 * session, or shared through the coordinator) instead of asking again.
 *
 * @throws {LoginRequiredError} `login_required`: no session, or no refresh token in it.
 * @throws {TokenForConnectionError} `token_for_connection_error`: the server refused the exchange.
 * @throws {StoreError} `store_unavailable` / `lock_timeout`; {@link RequestError} on transport failures.
 */
export async function getAccessTokenForConnection<TStoreOptions>(
  ctx: AccessTokenContext<TStoreOptions>,
  options: AccessTokenForConnectionOptions,
  storeOptions?: TStoreOptions,
): Promise<ConnectionTokenSet> {
  const state = await ctx.sessions.get(storeOptions);
  if (!state) throw new LoginRequiredError('There is no session: the user must log in');
  const cached = usable(findConnectionTokenSet(state, options.connection), ctx.leeway);
  if (cached) return cached;
  if (state.refreshToken === undefined) {
    throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
  }
  let led = false;
  const key = ['connection', state.internal.sid, options.connection].join('\u0000');
  const shared = await ctx.flights.run(key, () => {
    led = true;
    return fetchLocked(ctx, options, storeOptions);
  });
  let result = shared.state;
  const set = shared.answer && toConnectionSet(shared.answer, options);
  // A joined caller (another request of this process) files the same token into its own session.
  if (!led && set) {
    result = await ctx.sessions.update((current) => {
      if (!current) throw new LoginRequiredError('The session ended while its token was being fetched');
      if (usable(findConnectionTokenSet(current, options.connection), ctx.leeway)) return current;
      return connectionGranted(current, set);
    }, storeOptions);
  }
  const found = findConnectionTokenSet(result, options.connection);
  if (!found) throw new LoginRequiredError('The session holds no token for this connection');
  return found;
}

/** The leader's half: the exchange inside the session's locked update, unless a winner already ran it. */
async function fetchLocked<TStoreOptions>(
  ctx: AccessTokenContext<TStoreOptions>,
  options: AccessTokenForConnectionOptions,
  storeOptions: TStoreOptions | undefined,
) {
  let answer: TokenAnswer | undefined;
  const query = { audience: `connection:${options.connection}` };
  const state = await ctx.sessions.update(async (current) => {
    if (!current) throw new LoginRequiredError('The session ended while its token was being fetched');
    if (usable(findConnectionTokenSet(current, options.connection), ctx.leeway)) return current;
    if (current.refreshToken === undefined) {
      throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
    }
    const taken = (await ctx.share?.find(current, query))?.answer;
    if (taken && fresher(taken, current, options.connection)) {
      answer = taken;
      return connectionGranted(current, toConnectionSet(taken, options));
    }
    answer = await connectionTokenGrant(ctx, current.refreshToken, options);
    await ctx.share?.publish(current, query, answer).catch(() => undefined);
    return connectionGranted(current, toConnectionSet(answer, options));
  }, storeOptions);
  return { state, answer };
}

/** One federated-connection exchange of `refreshToken` (nothing is written). */
async function connectionTokenGrant<TStoreOptions>(
  ctx: AccessTokenContext<TStoreOptions>,
  refreshToken: string,
  options: AccessTokenForConnectionOptions,
): Promise<TokenAnswer> {
  const parameters: Record<string, string> = {
    subject_token: refreshToken,
    subject_token_type: REFRESH_TOKEN_TYPE,
    requested_token_type: FEDERATED_TOKEN_TYPE,
    connection: options.connection,
  };
  if (options.loginHint !== undefined) parameters.login_hint = options.loginHint;
  try {
    const response = await exchangeGrant(ctx.transport, FEDERATED_CONNECTION_GRANT, parameters);
    const { accessToken, expiresAt, scope } = toTokenResponse(response);
    return { tokens: { accessToken, expiresAt, scope }, claims: undefined };
  } catch (err) {
    throw refusedAs(
      err,
      (message, answer) => new TokenForConnectionError(message, answer, { cause: sanitize(answer) }),
      'The authorization server refused a token for the connection',
    );
  }
}

/**
 * Whether a shared answer is newer than what the session holds: the refresh token is not rotated by
 * this exchange, so an answer shared under it stays findable after the session already took it.
 */
function fresher(answer: TokenAnswer, state: StateData, connection: string): boolean {
  const held = findConnectionTokenSet(state, connection);
  return (
    !held || (answer.tokens.accessToken !== held.accessToken && answer.tokens.expiresAt > held.expiresAt)
  );
}

function toConnectionSet(answer: TokenAnswer, options: AccessTokenForConnectionOptions): ConnectionTokenSet {
  return {
    accessToken: answer.tokens.accessToken,
    expiresAt: answer.tokens.expiresAt,
    scope: answer.tokens.scope,
    connection: options.connection,
    ...(options.loginHint === undefined ? {} : { loginHint: options.loginHint }),
  };
}

/** A copy of `set` when it is more than `leeway` seconds from expiry. */
function usable(set: ConnectionTokenSet | undefined, leeway: number): ConnectionTokenSet | undefined {
  return set && set.expiresAt - leeway > Date.now() / 1000 ? { ...set } : undefined;
}
