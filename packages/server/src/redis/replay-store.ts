import type { ReplayStore } from '../types.js';
import { Connection, hashed, type RedisConnectionOptions } from './connection.js';
import { redactedView } from '../lib/redact.js';

/**
 * A {@link ReplayStore} on Redis: a logout token's `jti` is accepted once across every instance
 * that shares the Redis (`SET … NX PXAT`, one atomic command per token). Every Redis failure is a
 * `StoreError` `store_unavailable`.
 *
 * @example
 * ```ts
 * const client = new ServerClient({ ...options, replayStore: new RedisReplayStore({ client: redis }) });
 * ```
 */
export class RedisReplayStore implements ReplayStore {
  readonly #redis: Connection;

  static {
    // Logged, it shows its key prefix only: never the Redis client (and its password), a secret or data.
    redactedView(RedisReplayStore, (self) => ({ prefix: self.#redis.prefix }));
  }

  /** @throws {TypeError} naming `client`, `prefix` or `timeoutMs` when malformed. */
  constructor(options: RedisConnectionOptions) {
    this.#redis = new Connection(options);
  }

  async has(id: string): Promise<boolean> {
    return (await this.#redis.command('EXISTS', [this.#key(id)])) === 1;
  }

  /** Records `id` until `expiresAt` (Unix ms); `false` when another call recorded it first. */
  async add(id: string, expiresAt: number): Promise<boolean> {
    const at = Math.max(Date.now() + 1_000, Math.ceil(expiresAt));
    return (await this.#redis.command('SET', [this.#key(id), '1', 'PXAT', at, 'NX'])) === 'OK';
  }

  async remove(id: string): Promise<void> {
    await this.#redis.command('DEL', [this.#key(id)]);
  }

  #key(id: string): string {
    return `${this.#redis.prefix}jti:${hashed(id)}`;
  }
}
