import { DPoPError, LoginRequiredError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import type { SingleFlight } from '../lib/single-flight.js';
import type { SessionAccess } from '../session/access.js';
import { refreshed, type TokenAnswer } from '../session/rules.js';
import type { RefreshShare, SharedAnswer } from '../session/shared-refresh.js';
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
  /**
   * Get a new access token with the session's refresh token even when the stored one is still valid
   * (after the user's permissions or metadata changed, say). Concurrent callers still share one
   * refresh, and a token another caller obtained after this call started is taken instead of
   * refreshing again. An addition: `@auth0/auth0-server-js` has no such option. Default: `false`.
   */
  refresh?: boolean;
}

/** The outcome of one refresh, shared by every concurrent caller for the same session and query. */
export interface SharedRefresh {
  /** The session as the leader left it. */
  state: StateData | undefined;
  /** The token answer, when a refresh ran; absent when the lock holder found a fresh token already. */
  answer?: TokenAnswer | undefined;
}

/**
 * What a forced refresh (`refresh: true`) accepts instead of a refresh of its own: a token obtained
 * after the call started. In the session that is one other than the token the call saw at its
 * start; shared by another process, one shared at or after `startedAt`.
 */
interface Forced {
  /** The access token the session held for the query when the call started, if any. */
  seen: string | undefined;
  /** Unix milliseconds at the call's start. */
  startedAt: number;
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
 * expiry, else a refreshed one; with `refresh: true`, one obtained after the call started (its own
 * refresh, or another caller's). Concurrent callers for one session and query in this process share
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
  const startedAt = Date.now();
  const query: TokenSetQuery = { audience: options.audience ?? ctx.defaultAudience, scope: options.scope };
  const state = await ctx.sessions.get(storeOptions);
  if (!state) throw new LoginRequiredError('There is no session: the user must log in');
  const held = findTokenSet(state, query);
  const forced: Forced | undefined = options.refresh ? { seen: held?.accessToken, startedAt } : undefined;
  const cached = forced ? undefined : usable(held, ctx.leeway);
  if (cached) return cached;
  // An empty refresh token (a session written by other code) is none: it is never sent.
  if (!state.refreshToken) {
    throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
  }

  let led = false;
  const key = [state.internal.sid, query.audience, [...scopesOf(query.scope)].sort().join(' ')].join(
    '\u0000',
  );
  const lead = () => {
    led = true;
    return refreshLocked(ctx, query, forced, storeOptions);
  };
  // Forced and plain callers share one flight per key, so one process never redeems the same refresh
  // token twice at once. A forced caller that joined a plain flight whose leader refreshed nothing
  // (its session already held a usable token, the one this caller saw) leads a flight of its own.
  let shared = await ctx.flights.run(key, lead);
  while (forced && !led && !satisfies(shared, query, forced)) shared = await ctx.flights.run(key, lead);

  // A caller that joined another request's refresh files the same answer into its own session (with
  // cookie sessions each request writes its own response), under the lock, unless its session has it.
  let result = shared.state;
  const answer = shared.answer;
  if (!led && answer) {
    result = await ctx.sessions.update((current) => {
      if (!current) throw new LoginRequiredError('The session ended while its token was being refreshed');
      if (fresh(current, query, ctx.leeway, forced)) return current;
      return refreshed(current, answer, query);
    }, storeOptions);
  }
  // The token this call's refresh obtained, when the session holds it; else the best one there.
  const set =
    (answer && result?.tokenSets.find((t) => t.accessToken === answer.tokens.accessToken)) ??
    findTokenSet(result, query);
  if (!set) throw new LoginRequiredError('The refreshed session holds no token for this audience');
  return { ...set };
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
  forced: Forced | undefined,
  storeOptions: TStoreOptions | undefined,
): Promise<SharedRefresh> {
  let answer: TokenAnswer | undefined;
  const state = await ctx.sessions.update(async (current) => {
    if (!current) throw new LoginRequiredError('The session ended while its token was being refreshed');
    if (fresh(current, query, ctx.leeway, forced)) return current;
    if (!current.refreshToken) {
      throw new LoginRequiredError('The session holds no refresh token: the user must log in again');
    }
    if (!ctx.transport.usesDpop && findTokenSet(current, query)?.tokenType === 'DPoP')
      throw new DPoPError(
        'dpop_key_required',
        'The session holds a DPoP-bound token and this client has no DPoP key to refresh it with (useDpop)',
      );
    const { taken, live } = await latestShared(ctx.share, current, query, forced);
    if (taken) {
      answer = taken;
      return refreshed(current, taken, query);
    }
    const grant = await refreshTokenGrant(
      ctx.transport,
      live.refreshToken ?? current.refreshToken,
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
    await ctx.share?.publish(live, query, answer).catch(() => undefined);
    return next;
  }, storeOptions);
  return { state, answer };
}

/**
 * The answer shared for `current`'s refresh token that this call may take, or else `live`: the
 * session whose refresh token is still unspent. A plain call takes any shared answer. A forced call
 * takes one shared after it started; an older one is not enough, but its refresh token is spent, so
 * the call files it and looks again under the rotated refresh token (which another forced caller may
 * have redeemed after this call started) until none is shared: that refresh token is the live one.
 */
async function latestShared(
  share: RefreshShare | undefined,
  current: StateData,
  query: TokenSetQuery,
  forced: Forced | undefined,
): Promise<{ taken?: TokenAnswer; live: StateData }> {
  let live = current;
  for (;;) {
    const found: SharedAnswer | undefined = await share?.find(live, query);
    if (!found) return { live };
    if (!forced || (found.sharedAt ?? 0) >= forced.startedAt) return { taken: found.answer, live };
    const next = refreshed(live, found.answer, query).session;
    // Not rotated: the same refresh token is live, and its latest answer is already too old.
    if (next.refreshToken === live.refreshToken) return { live };
    live = next;
  }
}

/**
 * Whether `state` already holds what the call needs: a usable token for `query` and, for a forced
 * call, one other than the token it saw at its start (so obtained after it started).
 */
function fresh(state: StateData, query: TokenSetQuery, leeway: number, forced: Forced | undefined): boolean {
  const set = usable(findTokenSet(state, query), leeway);
  return set !== undefined && (!forced || set.accessToken !== forced.seen);
}

/** Whether a flight this forced call joined obtained a token after the call started. */
function satisfies(shared: SharedRefresh, query: TokenSetQuery, forced: Forced): boolean {
  return shared.answer !== undefined || findTokenSet(shared.state, query)?.accessToken !== forced.seen;
}

/** A copy of `set` when it is more than `leeway` seconds from expiry. */
function usable(set: TokenSet | undefined, leeway: number): TokenSet | undefined {
  return set && set.expiresAt - leeway > Date.now() / 1000 ? { ...set } : undefined;
}
