import { DPoPError, LoginRequiredError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import type { SingleFlight } from '../lib/single-flight.js';
import type { SessionAccess } from '../session/access.js';
import { refreshed, type TokenAnswer } from '../session/rules.js';
import type { RefreshShare } from '../session/shared-refresh.js';
import { audienceToSend, findTokenSet, scopesOf, type TokenSetQuery } from '../session/token-sets.js';
import type { StateData, TokenSet } from '../types.js';
import { refreshTokenGrant } from './refresh.js';
import { toTokenResponse } from './token-response.js';

/** Options of `getAccessToken`. */
export interface GetAccessTokenOptions {
  /** The API the token is for. Default: the configured audience. */
  audience?: string;
  /** Scopes the token must carry. Default: any token for the audience will do. */
  scope?: string;
}

/** The outcome of one refresh, shared by every concurrent caller for the same session and query. */
export interface SharedRefresh {
  /** The session as the leader left it. */
  state: StateData | undefined;
  /** The token answer, when a refresh ran; absent when the lock holder found a fresh token already. */
  answer?: TokenAnswer | undefined;
}

/** What `getAccessToken` needs from the client. */
export interface AccessTokenContext<TStoreOptions> {
  transport: Transport;
  /** The session owner: every write happens inside its locked `update`. */
  sessions: SessionAccess<TStoreOptions>;
  flights: SingleFlight<SharedRefresh>;
  /** Shares refresh answers between processes; set when the client has a coordinator. */
  share?: RefreshShare | undefined;
  /** Seconds before expiry at which a token counts as expired. */
  leeway: number;
  /** The audience key of the configured default audience (`'default'` when none is configured). */
  defaultAudience: string;
}

/**
 * Returns an access token for the session: the stored one while it is not within `leeway` seconds of
 * expiry, else a refreshed one. Concurrent callers for one session and query in this process share
 * one refresh (single flight); across processes the refresh runs inside the session's locked update,
 * and a process that waited takes the winner's shared answer instead of redeeming the refresh token
 * again. The new tokens, a rotated refresh token and a new ID token's claims are saved. A failed
 * refresh writes nothing.
 *
 * @throws {LoginRequiredError} `login_required`: no session, no refresh token, `invalid_grant`, or the
 *   session ended while the refresh waited for the lock.
 * @throws {MfaRequiredError} `mfa_required`, sealed and bound to this session.
 * @throws {IdTokenValidationError} `id_token_invalid`, or `id_token_user_mismatch` when the new ID token
 *   names another user or issuer (nothing is written).
 * @throws {StoreError} `store_unavailable` / `lock_timeout`: the session store or the lock failed; retry.
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
  // An empty refresh token (a session written by other code) is none: it is never sent.
  if (!state.refreshToken) {
    throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
  }

  let led = false;
  const key = [state.internal.sid, query.audience, [...scopesOf(query.scope)].sort().join(' ')].join(
    '\u0000',
  );
  const shared = await ctx.flights.run(key, () => {
    led = true;
    return refreshLocked(ctx, query, storeOptions);
  });

  // A caller that joined another request's refresh files the same answer into its own session (with
  // cookie sessions each request writes its own response), under the lock, unless its session has it.
  let result = shared.state;
  const answer = shared.answer;
  if (!led && answer) {
    result = await ctx.sessions.update((current) => {
      if (!current) throw new LoginRequiredError('The session ended while its token was being refreshed');
      if (usable(findTokenSet(current, query), ctx.leeway)) return current;
      return refreshed(current, answer, query);
    }, storeOptions);
  }
  const set = findTokenSet(result, query);
  if (!set) throw new LoginRequiredError('The refreshed session holds no token for this audience');
  return set;
}

/**
 * The leader's half: the refresh inside the session's locked update. While it waited, another
 * process may have refreshed (its answer is in the session, or shared), a logout may have ended the
 * session, or a new login replaced it: only the session as it is now counts, so nothing ended is
 * written back.
 */
async function refreshLocked<TStoreOptions>(
  ctx: AccessTokenContext<TStoreOptions>,
  query: TokenSetQuery,
  storeOptions: TStoreOptions | undefined,
): Promise<SharedRefresh> {
  let answer: TokenAnswer | undefined;
  const state = await ctx.sessions.update(async (current) => {
    if (!current) throw new LoginRequiredError('The session ended while its token was being refreshed');
    if (usable(findTokenSet(current, query), ctx.leeway)) return current;
    if (!current.refreshToken) {
      throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
    }
    if (!ctx.transport.usesDpop && findTokenSet(current, query)?.tokenType === 'DPoP')
      throw new DPoPError(
        'dpop_key_required',
        'The session holds a DPoP-bound token and this client has no DPoP key to refresh it with (useDpop)',
      );
    const taken = await ctx.share?.find(current, query);
    if (taken) {
      answer = taken;
      return refreshed(current, taken, query);
    }
    const grant = await refreshTokenGrant(
      ctx.transport,
      current.refreshToken,
      { audience: audienceToSend(query.audience), scope: query.scope },
      {
        invalidGrant: 'login_required',
        binding: {
          audience: query.audience,
          scope: query.scope,
          session: { sid: current.internal.sid, sub: current.user?.sub },
        },
      },
    );
    answer = { tokens: toTokenResponse(grant.response), claims: grant.claims };
    // Checked before the answer is shared: another user's tokens go nowhere.
    const next = refreshed(current, answer, query);
    // Shared before the write: with cookie sessions the waiters' own cookies still hold the redeemed
    // refresh token. Best effort: the refresh token is spent, so its answer must reach this caller
    // even when the coordinator fails now (and the owner keeps the session if the store fails).
    await ctx.share?.publish(current, query, answer).catch(() => undefined);
    return next;
  }, storeOptions);
  return { state, answer };
}

/** A copy of `set` when it is more than `leeway` seconds from expiry. */
function usable(set: TokenSet | undefined, leeway: number): TokenSet | undefined {
  return set && set.expiresAt - leeway > Date.now() / 1000 ? { ...set } : undefined;
}
