import type { LogoutTokenClaims, StateData } from '../types.js';
import type { SessionCoordinator } from './coordinator.js';

/**
 * How operations outside the session code (the MFA client, the token refresh) read and write the
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
   * Writes the session (creating it when there is none); call it inside {@link update}. `newSession`
   * says that `state` starts a new session (a login, or another user): the store then drops what the
   * request's identifier pointed at and issues a new id, so that an id planted before the login is
   * worthless after it.
   *
   * @throws {StoreError} `store_unavailable` when the store's backend fails.
   */
  set(state: StateData, storeOptions?: TStoreOptions, newSession?: boolean): Promise<void>;
  /**
   * Runs `fn` so that, per session, one update runs at a time: in this process always, across
   * processes through the client's coordinator and the store's lock. `fn` receives the session as it
   * is inside the lock.
   *
   * @throws {StoreError} `store_unavailable`, or `lock_timeout` when the lock could not be had in time.
   */
  update<T>(fn: (state: StateData | undefined) => Promise<T>, storeOptions?: TStoreOptions): Promise<T>;
}

/** {@link SessionAccess} plus deletion and refreshed sessions: what the ServerClient itself holds. */
export interface SessionOwner<TStoreOptions> extends SessionAccess<TStoreOptions> {
  /**
   * Deletes the session (call it inside {@link SessionAccess.update}).
   *
   * @throws {StoreError} `store_unavailable` when the store's backend fails.
   */
  delete(storeOptions?: TStoreOptions): Promise<void>;
  /**
   * Deletes the sessions a validated logout token names, through the store.
   *
   * @throws {StoreError} `store_unavailable` when the store's backend fails.
   */
  deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
  /**
   * Writes the session after its refresh token was redeemed (call it inside {@link SessionAccess.update}):
   * `apply(current)` files the token answer into `current`, the session as `update` gave it. The
   * old refresh token is spent, so the new session is never dropped: when the store fails, it is
   * kept in this process, every read here sees it, the next update writes it first, and a background
   * retry writes it once the store answers (a session ended meanwhile is not written back).
   *
   * @returns the new session, written or kept.
   * @throws {StoreError} `store_unavailable` only when the store failed and nothing could be kept.
   */
  saveRefreshed(
    current: StateData,
    apply: (state: StateData) => StateData,
    storeOptions?: TStoreOptions,
  ): Promise<StateData>;
  /** The coordinator sessions are coordinated through across processes, when one is configured. */
  readonly coordinator: SessionCoordinator | undefined;
}
