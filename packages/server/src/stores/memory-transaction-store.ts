import type { TransactionData, TransactionStore } from '../types.js';
import { redactedView } from '../lib/redact.js';
import { transactionTtl } from './options.js';

/**
 * Login transactions in a `Map` of this process, for tests and scripts. Each entry expires after
 * `ttl` seconds (default 15 minutes), like the cookie store's. Values are copied in and out.
 */
export class MemoryTransactionStore<TStoreOptions = unknown> implements TransactionStore<TStoreOptions> {
  readonly #entries = new Map<string, { data: TransactionData; expiresAt: number }>();
  readonly #ttlMs: number;

  /** @throws {TypeError} when `ttl` is not a positive number. */
  constructor(options: { ttl?: number } = {}) {
    this.#ttlMs = transactionTtl(options.ttl) * 1000;
  }

  /** A copy of the transaction under `identifier`, or `undefined` once it has expired. */
  async get(identifier: string): Promise<TransactionData | undefined> {
    const entry = this.#entries.get(identifier);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(identifier);
      return undefined;
    }
    return structuredClone(entry.data);
  }

  /** Stores a copy of `data` under `identifier`, for `ttl` seconds. */
  async set(identifier: string, data: TransactionData): Promise<void> {
    this.#entries.set(identifier, { data: structuredClone(data), expiresAt: Date.now() + this.#ttlMs });
  }

  async delete(identifier: string): Promise<void> {
    this.#entries.delete(identifier);
  }
}

// Logged, the store shows its kind only: never a session, a cookie value or the secret it seals with.
redactedView(MemoryTransactionStore, () => ({}));
