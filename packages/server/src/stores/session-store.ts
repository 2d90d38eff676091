import type { LogoutTokenClaims, StateData } from '../types.js';

/**
 * The backend of a {@link StatefulStateStore}: where session data lives, keyed by a random session
 * id that only the (encrypted) cookie carries. It is a superset of `@auth0/auth0-server-js`'s
 * `SessionStore`, so a backend written for it works here (it just ignores `ttlSeconds`).
 *
 * A shared backend (Redis, a database) makes sessions survive restarts and reach every instance,
 * and lets back-channel logout end them.
 *
 * @example
 * ```ts
 * const stateStore = new StatefulStateStore({ secret, store: myRedisSessionStore satisfies SessionStore }, cookieHandler);
 * ```
 */
export interface SessionStore<TStoreOptions = unknown> {
  /** The session stored under `id`, or `undefined`. */
  get(id: string): Promise<StateData | undefined>;
  /**
   * Stores `data` under `id`. `ttlSeconds` is how long the session can live at most (to its absolute
   * expiry): a backend with expiry (Redis `EX`) should use it so that abandoned sessions go away.
   */
  set(id: string, data: StateData, ttlSeconds?: number): Promise<void>;
  /** Removes the session stored under `id`. */
  delete(id: string): Promise<void>;
  /**
   * Deletes every session the validated logout token names: with `sid`, the session whose
   * `user.sid` is that value (and `user.sub` is `sub` when both are given); with only `sub`, every
   * session of that user; `iss`, when given, must equal `user.iss`.
   */
  deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
  /**
   * Optional: runs `fn` while holding a lock on session `id` that other processes respect (a Redis
   * `SET NX PX` lock, say), so one token refresh runs at a time per session across instances.
   */
  withLock?<T>(id: string, fn: () => Promise<T>): Promise<T>;
}
