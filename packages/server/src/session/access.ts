import type { LogoutTokenClaims, StateData } from '../types.js';
import type { RedeemedSession } from './rules.js';

/**
 * What an update's function returns: the next session, `null` to end the session, or `current` as it
 * came (`undefined` when there was none) to leave the store untouched. Written where there was no
 * session, or with another `internal.sid` than `current`'s, it is a new session: the store drops
 * what the request's identifier pointed at and issues a new id, so an id planted before a login is
 * worthless after it. A {@link RedeemedSession} follows a redeemed refresh token: it is never dropped.
 * The functions of `rules.ts` build each of these.
 */
export type NextSession = StateData | RedeemedSession | null | undefined;

/**
 * How operations outside the session code (the MFA client, the token refresh) read and change the
 * current session; {@link createSessionOwner} is the one implementation the ServerClient uses.
 *
 * Contract: a missing, expired, tampered or foreign cookie reads as `undefined`; a store that fails
 * (an outage) throws `StoreError` `store_unavailable` and is never read as "no session".
 */
export interface SessionAccess<TStoreOptions> {
  /**
   * The current session, or `undefined` when there is none.
   *
   * @throws {StoreError} `store_unavailable` when the store's backend fails.
   */
  get(storeOptions?: TStoreOptions): Promise<StateData | undefined>;
  /**
   * The one way to change the session: `fn` receives the session as it is inside the session's lock
   * (one update per session at a time: in this process always, across processes through the
   * coordinator and the store's lock) and returns the {@link NextSession}, which is written under
   * the same lock. An error thrown by `fn` writes nothing.
   *
   * @returns the session after the update: the one written (or kept), `undefined` once ended.
   * @throws {StoreError} `store_unavailable`, or `lock_timeout` when the lock could not be had in time.
   */
  update(
    fn: (current: StateData | undefined) => NextSession | Promise<NextSession>,
    storeOptions?: TStoreOptions,
  ): Promise<StateData | undefined>;
}

/** {@link SessionAccess} plus back-channel logout: what the ServerClient itself holds. */
export interface SessionOwner<TStoreOptions> extends SessionAccess<TStoreOptions> {
  /**
   * Deletes the sessions a validated logout token names, through the store: other browsers'
   * sessions, found by `sid` or `sub`, not the session of this request.
   *
   * @throws {StoreError} `store_unavailable` when the store's backend fails.
   */
  deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
}
