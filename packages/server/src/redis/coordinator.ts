import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError } from '../errors/store-error.js';
import type { SessionCoordinator } from '../session/coordinator.js';
import { Connection, hashed, Script, type RedisConnectionOptions } from './connection.js';
import { RedisLock, type Lease, type LockTiming } from './lock.js';
import { redactedView } from '../lib/redact.js';

/** Options of a {@link RedisCoordinator}. */
export interface RedisCoordinatorOptions extends RedisConnectionOptions, LockTiming {}

// KEYS: lock, shared value (one hash slot). ARGV: lease token, value, ttl ms.
const SHARE = new Script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1`);

/**
 * A {@link SessionCoordinator} on Redis: give it to the ServerClient as `coordinator` and every
 * instance takes the same per-session lock (a lease with a fencing token; a crashed holder blocks
 * others for at most `leaseMs`; callers wait at most `waitMs`), and a refresh answer is shared,
 * encrypted by the client, with the instances that waited, so the refresh token is redeemed once.
 * Works with stateless cookie sessions (locked by the session's `internal.sid`) and stateful ones.
 *
 * Keys: `<prefix>c:{<hash of the lock name>}:lock`, `:fence` and `:share:<name>`, one hash slot per
 * lock, so the fenced share is one Cluster-safe script.
 *
 * @example
 * ```ts
 * const client = new ServerClient({ ...options, coordinator: new RedisCoordinator({ client: redis }) });
 * ```
 */
export class RedisCoordinator implements SessionCoordinator {
  readonly #redis: Connection;
  readonly #lock: RedisLock;
  readonly #held = new AsyncLocalStorage<Lease>();

  static {
    // Logged, it shows its key prefix only: never the Redis client (and its password), a secret or data.
    redactedView(RedisCoordinator, (self) => ({ prefix: self.#redis.prefix }));
  }

  /** @throws {TypeError} naming `client`, `prefix`, `timeoutMs`, `leaseMs` or `waitMs` when malformed. */
  constructor(options: RedisCoordinatorOptions) {
    this.#redis = new Connection(options);
    this.#lock = new RedisLock(this.#redis, options);
  }

  /**
   * Runs `fn` holding the lock `key` in every instance.
   *
   * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable`.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const base = this.#base(key);
    return this.#lock.run(`${base}:lock`, `${base}:fence`, (lease) => this.#held.run(lease, fn));
  }

  /**
   * Shares `value` as `name` under `key` for `ttlSeconds`, if this call still holds `key`'s lock.
   *
   * @throws {StoreError} `lock_timeout` when the lock is not held (any more); `store_unavailable`.
   */
  async share(key: string, name: string, value: string, ttlSeconds: number): Promise<void> {
    const base = this.#base(key);
    const lease = this.#held.getStore();
    const ok =
      lease?.key === `${base}:lock` &&
      Number(
        await this.#redis.eval(
          SHARE,
          [`${base}:lock`, `${base}:share:${hashed(name)}`],
          [lease.token, value, Math.max(1, Math.floor(ttlSeconds * 1000))],
        ),
      ) === 1;
    if (!ok) throw new StoreError('lock_timeout', 'The lock was lost before the answer could be shared');
  }

  /**
   * The value shared as `name` under `key`, or `undefined`.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async shared(key: string, name: string): Promise<string | undefined> {
    const value = await this.#redis.command('GET', [`${this.#base(key)}:share:${hashed(name)}`]);
    return typeof value === 'string' ? value : undefined;
  }

  #base(key: string): string {
    return `${this.#redis.prefix}c:{${hashed(key)}}`;
  }
}
