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
   * Stores `data` under `id`, a new session. `ttlSeconds` is how long the session lives unless it is
   * written again (the inactivity window of a rolling session, never past its absolute lifetime): a
   * backend with expiry (Redis `PX`) must use it so that abandoned sessions go away.
   */
  set(id: string, data: StateData, ttlSeconds?: number): Promise<void>;
  /**
   * Optional: replaces the session under `id` only if it still exists, atomically (Redis
   * `SET ... XX`, SQL `UPDATE ... WHERE id = ?`), and restarts its `ttlSeconds`. `false` when the
   * session is gone: a logout that happened meanwhile is never undone. Without it the
   * {@link StatefulStateStore} reads then writes, which is exact within one process only.
   */
  update?(id: string, data: StateData, ttlSeconds: number): Promise<boolean>;
  delete(id: string): Promise<void>;
  /**
   * Deletes every session the validated logout token names: with `sid`, the session whose
   * `user.sid` is that value (and `user.sub` is `sub` when both are given); with only `sub`, every
   * session of that user; `iss`, when given, must equal `user.iss`.
   */
  deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
  /**
   * Optional: runs `fn` while holding a lock on session `id` that other processes respect (a lease
   * with a fencing token, as `RedisSessionStore` has), so one token refresh runs at a time per
   * session across instances. With the ServerClient's `coordinator`, it is taken inside the
   * coordinator's lock, so the session writes stay fenced by this lock's lease.
   */
  withLock?<T>(id: string, fn: () => Promise<T>): Promise<T>;
}
