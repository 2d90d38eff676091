import { CallbackError } from '../errors/index.js';
import { storeCall } from '../errors/store-error.js';
import { argumentError } from '../lib/validate.js';
import { CookieTransactionStore } from '../stores/index.js';
import type { TransactionBinding } from '../stores/transaction-binding.js';
import type { TransactionData, TransactionStore } from '../types.js';
import { callbackState, wellFormedState } from './callback.js';

/**
 * A client's pending redirects (logins, account links, magic links, account connections): each kept
 * under its `state`, bound to the browser that started it when a cookie handler is configured, and
 * spent by the one callback that completes it.
 */
export class LoginTransactions<TStoreOptions> {
  readonly #store: TransactionStore<TStoreOptions>;
  readonly #binding: TransactionBinding<TStoreOptions> | undefined;
  readonly #identifier: string;

  constructor(
    store: TransactionStore<TStoreOptions>,
    binding: TransactionBinding<TStoreOptions> | undefined,
    identifier: string,
  ) {
    this.#store = store;
    this.#binding = binding;
    this.#identifier = identifier;
  }

  /** A browser's request with a server-side transaction store needs a cookie handler to bind the login to it. */
  needBinding(storeOptions: TStoreOptions | undefined): void {
    if (!this.#binding && storeOptions !== undefined && !(this.#store instanceof CookieTransactionStore))
      throw argumentError(
        '"cookieHandler" is required to bind a login to the browser that starts it when "transactionStore" keeps transactions on the server',
        'ERR_INVALID_ARG_TYPE',
      );
  }

  /** Keeps a login's transaction under its `state`, bound to this browser when a cookie handler is configured. */
  async keep(
    state: string,
    transaction: TransactionData,
    storeOptions: TStoreOptions | undefined,
  ): Promise<void> {
    // storeCall: a custom store may answer with a plain value rather than a promise, as the peer allows.
    await storeCall('transaction', () =>
      this.#binding
        ? this.#binding.keep(this.#store, (s) => this.#key(s), state, transaction, storeOptions)
        : this.#store.set(this.#key(state), transaction, false, storeOptions),
    );
  }

  /**
   * The transaction a callback completes, spent: found by the callback's `state`, of the kind
   * `accepts` takes, started in this browser. `beforeSpending` runs before the transaction is deleted
   * (what fails there leaves the login retryable). A callback with the server's `error` deletes its
   * transaction first (the login is over either way).
   *
   * @throws {CallbackError} `missing_transaction` / `invalid_callback`; {@link StoreError}.
   */
  async take<T extends TransactionData, P>(
    callback: URL,
    storeOptions: TStoreOptions | undefined,
    accepts: (transaction: TransactionData) => transaction is T,
    beforeSpending: (transaction: T) => Promise<P>,
  ): Promise<{ transaction: T; ready: P }> {
    const echoed = wellFormedState(callback);
    if (callback.searchParams.has('error') && echoed !== undefined) {
      // The login is over either way; do not leave its transaction cookie behind.
      await storeCall('transaction', () => this.#store.delete(this.#key(echoed), storeOptions)).catch(
        () => undefined,
      );
      this.#binding?.release(echoed, storeOptions);
    }
    const state = callbackState(callback);
    const key = this.#key(state);
    // A failing store is a `StoreError`, not a missing transaction.
    const transaction = await storeCall('transaction', () => this.#store.get(key, storeOptions));
    if (!transaction || transaction.state !== state || !accepts(transaction)) {
      throw new CallbackError(
        'missing_transaction',
        'No login transaction matches the callback (see the transaction field): its cookie is missing or expired, the callback was already used, or the state was altered',
        { transaction: key },
      );
    }
    if (this.#binding && !(await this.#binding.matches(transaction.binding, storeOptions))) {
      // Login CSRF: someone else's login, opened in this browser. Nothing is spent, no session is written.
      throw new CallbackError(
        'missing_transaction',
        'The login transaction of this callback was started in another browser (see the transaction field): start the login again here',
        { transaction: key },
      );
    }
    const ready = await beforeSpending(transaction);
    await storeCall('transaction', () => this.#store.delete(key, storeOptions));
    this.#binding?.release(state, storeOptions);
    return { transaction, ready };
  }

  #key(state: string): string {
    return `${this.#identifier}.${state}`;
  }
}
