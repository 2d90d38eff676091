import { createSealer, type Sealer } from '../crypto/index.js';
import { isTransactionData } from '../stores/transaction-shape.js';
import { transactionTtl, type EncryptedStoreOptions } from '../stores/options.js';
import { secretList } from '../lib/validate.js';
import type { TransactionData, TransactionStore } from '../types.js';
import { Connection, hashed, type RedisConnectionOptions } from './connection.js';
import { redactedView } from '../lib/redact.js';

/** Options of a {@link RedisTransactionStore}. */
export interface RedisTransactionStoreOptions extends RedisConnectionOptions, EncryptedStoreOptions {
  /** Seconds a login may take from start to callback. Default 900 (15 minutes). */
  ttl?: number;
}

/**
 * Login transactions on Redis, so a login started on one instance completes on any other: one key
 * per login (`<prefix>tx:<hash of the identifier>`), encrypted with the SDK's secret, expiring after
 * `ttl`. Every Redis failure is a `StoreError` `store_unavailable`: the ServerClient reports it as
 * such, never as `missing_transaction`.
 *
 * @example
 * ```ts
 * const transactionStore = new RedisTransactionStore({ client: redis, secret: process.env.AUTH0_SECRET! });
 * ```
 */
export class RedisTransactionStore<TStoreOptions = unknown> implements TransactionStore<TStoreOptions> {
  readonly #redis: Connection;
  readonly #sealer: Sealer;
  readonly #ttl: number;

  static {
    // Logged, it shows its key prefix only: never the Redis client (and its password), a secret or data.
    redactedView(RedisTransactionStore, (self) => ({ prefix: self.#redis.prefix }));
  }

  /** @throws {TypeError} naming `client`, `secret`, `prefix`, `timeoutMs` or `ttl` when malformed. */
  constructor(options: RedisTransactionStoreOptions) {
    this.#redis = new Connection(options);
    this.#sealer = createSealer(secretList(options.secret), 'transaction');
    this.#ttl = transactionTtl(options.ttl);
  }

  async get(identifier: string): Promise<TransactionData | undefined> {
    const value = await this.#redis.command('GET', [this.#key(identifier)]);
    if (typeof value !== 'string') return undefined;
    const opened = await this.#sealer.unseal(value);
    const data = opened.ok ? opened.payload['t'] : undefined;
    return isTransactionData(data) ? data : undefined;
  }

  async set(identifier: string, data: TransactionData): Promise<void> {
    const sealed = await this.#sealer.seal({ t: data }, this.#ttl);
    await this.#redis.command('SET', [this.#key(identifier), sealed, 'EX', this.#ttl]);
  }

  async delete(identifier: string): Promise<void> {
    await this.#redis.command('DEL', [this.#key(identifier)]);
  }

  #key(identifier: string): string {
    // The identifier carries the login's `state` from the callback URL: hashed, never a raw key.
    return `${this.#redis.prefix}tx:${hashed(identifier)}`;
  }
}
