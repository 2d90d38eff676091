import { LoginRequiredError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import type { SingleFlight } from '../lib/single-flight.js';
import type { SessionAccess } from '../session/access.js';
import { applyTokenResponse } from '../session/apply-token-response.js';
import { assertSameUser } from '../session/same-user.js';
import { audienceToSend, findTokenSet, scopesOf, type TokenSetQuery } from '../session/token-sets.js';
import type { StateData, TokenSet } from '../types.js';
import { refreshTokenGrant } from './refresh.js';
import { toTokenResponse, type TokenResponse } from './token-response.js';

/**
 * Options of `getAccessToken`.
 *
 * @example
 * ```ts
 * const options: GetAccessTokenOptions = { audience: 'https://api.example.com', scope: 'read:orders' };
 * ```
 */
export interface GetAccessTokenOptions {
  /** The API the token is for. Default: the configured audience. */
  audience?: string;
  /** Scopes the token must carry. Default: any token for the audience will do. */
  scope?: string;
}

/** The outcome of one refresh, shared by every concurrent caller for the same session and query. */
export interface SharedRefresh {
  /** The session as the leader left it. */
  state: StateData;
  /** The token answer, when a refresh ran; absent when the lock holder found a fresh token already. */
  tokens?: TokenResponse | undefined;
  claims?: StateData['user'];
}

/** What `getAccessToken` needs from the client. */
export interface AccessTokenContext<TStoreOptions> {
  transport: Transport;
  sessions: SessionAccess<TStoreOptions>;
  /** Runs `fn` under the store's cross-process lock for this session, or directly without one. */
  lock: <T>(fn: () => Promise<T>, storeOptions?: TStoreOptions) => Promise<T>;
  flights: SingleFlight<SharedRefresh>;
  /** Seconds before expiry at which a token counts as expired. */
  leeway: number;
  /** The audience key of the configured default audience (`'default'` when none is configured). */
  defaultAudience: string;
}

/**
 * Returns an access token for the session: the stored one while it is not within `leeway` seconds of
 * expiry, else a refreshed one. Concurrent callers for one session and query share one refresh, run
 * under the store's lock when it has one; the new tokens, a rotated refresh token and a new ID token's
 * claims are saved. A failed refresh writes nothing.
 *
 * @throws {LoginRequiredError} `login_required`: no session, no refresh token, `invalid_grant`, or the
 *   session ended while the refresh waited for the lock.
 * @throws {MfaRequiredError} `mfa_required`, sealed and bound to this session.
 * @throws {IdTokenValidationError} `id_token_invalid`, or `id_token_user_mismatch` when the new ID token
 *   names another user or issuer (nothing is written).
 * @throws {ServerError} `server_error`; {@link RequestError} `request_failed` / `request_timeout` / `invalid_response`.
 */
export async function getAccessToken<TStoreOptions>(
  ctx: AccessTokenContext<TStoreOptions>,
  options: GetAccessTokenOptions,
  storeOptions?: TStoreOptions,
): Promise<TokenSet> {
  const query: TokenSetQuery = { audience: options.audience ?? ctx.defaultAudience, scope: options.scope };
  const state = await ctx.sessions.get(storeOptions);
  if (!state) throw new LoginRequiredError('There is no session: the user must log in');
  const cached = usable(findTokenSet(state, query), ctx.leeway);
  if (cached) return cached;
  if (state.refreshToken === undefined) {
    throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
  }

  let led = false;
  const key = [state.internal.sid, query.audience, [...scopesOf(query.scope)].sort().join(' ')].join(
    '\u0000',
  );
  const shared = await ctx.flights.run(key, () => {
    led = true;
    return ctx.lock(() => refreshUnderLock(ctx, query, storeOptions), storeOptions);
  });

  // A caller that joined another request's refresh files the same answer into its own session
  // (with cookie sessions each request writes its own response).
  let result = shared.state;
  if (!led && shared.tokens) {
    assertSameUser(state, shared.claims);
    result = applyTokenResponse(state, shared.tokens, { ...query, claims: shared.claims });
    await ctx.sessions.set(result, storeOptions, result.internal.sid !== state.internal.sid);
  }
  const set = findTokenSet(result, query);
  if (!set) throw new LoginRequiredError('The refreshed session holds no token for this audience');
  return set;
}

/** The leader's half of a shared refresh: rereads the session under the lock, then refreshes it. */
async function refreshUnderLock<TStoreOptions>(
  ctx: AccessTokenContext<TStoreOptions>,
  query: TokenSetQuery,
  storeOptions: TStoreOptions | undefined,
): Promise<SharedRefresh> {
  // While this call waited for the lock, another process may have refreshed, a logout may have ended
  // the session, or a new login may have replaced it. Refreshing `before` would write an ended or
  // replaced session back, so only the session as it is now counts.
  const current = await ctx.sessions.get(storeOptions);
  if (!current) throw new LoginRequiredError('The session ended while its token was being refreshed');
  if (usable(findTokenSet(current, query), ctx.leeway)) return { state: current };
  if (current.refreshToken === undefined) {
    throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
  }
  const refreshed = await refreshTokenGrant(
    ctx.transport,
    current.refreshToken,
    { audience: audienceToSend(query.audience), scope: query.scope },
    {
      invalidGrant: 'login_required',
      mfa: {
        audience: query.audience,
        scope: query.scope,
        session: { sid: current.internal.sid, sub: current.user?.sub },
      },
    },
  );
  assertSameUser(current, refreshed.claims);
  const tokens = toTokenResponse(refreshed.response);
  const state = applyTokenResponse(current, tokens, { ...query, claims: refreshed.claims });
  await ctx.sessions.set(state, storeOptions, state.internal.sid !== current.internal.sid);
  return { state, tokens, claims: refreshed.claims };
}

/** A copy of `set` when it is more than `leeway` seconds from expiry. */
function usable(set: TokenSet | undefined, leeway: number): TokenSet | undefined {
  return set && set.expiresAt - leeway > Date.now() / 1000 ? { ...set } : undefined;
}
