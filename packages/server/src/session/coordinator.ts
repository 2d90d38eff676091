/**
 * Coordinates the sessions of several processes (instances, serverless invocations) through a store
 * they share: a lock per session, and values the lock holder shares with the processes that waited
 * for it. The ServerClient takes one as its `coordinator` option; `auth0-server-ts/redis` has
 * `RedisCoordinator`. A refresh token is then redeemed once per session, whichever process
 * refreshes, also for stateless cookie sessions (the session lives in the browser, so each process
 * files the shared answer into its own response).
 *
 * What an implementation must guarantee (docs/multi-instance.md, "The store contract"):
 * - `withLock`: mutual exclusion per `key` across every process using the same store; a bounded wait
 *   (then `StoreError` `lock_timeout`); a holder that dies releases the lock within a short lease; a
 *   holder that lost its lease cannot share any more (fencing). Session writes are fenced by the
 *   state store's own lock, which the session owner takes inside this one.
 * - `share` / `shared`: a value written while holding `key`'s lock is readable by the next holders
 *   for `ttlSeconds`, then gone. Values arrive encrypted; the store keeps them as they are.
 * - Every failure of the backend is a `StoreError` (`store_unavailable`), never "nothing there".
 *
 * @example
 * ```ts
 * const client = new ServerClient({ ...options, coordinator: new RedisCoordinator({ client: redis }) });
 * ```
 */
export interface SessionCoordinator {
  /**
   * Runs `fn` while holding the lock named `key` in every process sharing this coordinator.
   *
   * @throws {StoreError} `lock_timeout` when the lock stays taken longer than the bounded wait;
   *   `store_unavailable` when the backend fails.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Shares `value` under `key`'s lock as `name`, for `ttlSeconds`. Only a current holder of `key`'s
   * lock may share: a holder whose lease expired gets `StoreError` `lock_timeout` and nothing is written.
   */
  share(key: string, name: string, value: string, ttlSeconds: number): Promise<void>;
  /** The value shared as `name` under `key`, or `undefined` when none is (or it has expired). */
  shared(key: string, name: string): Promise<string | undefined>;
}
