import { isAppFailure } from '../errors/store-error.js';
import { argumentError } from '../lib/validate.js';
import { isTransactionData } from './transaction-shape.js';
import type { SessionCookieOptions } from '../session/lifetime.js';
import type { CookieHandler, CookieSerializeOptions, TransactionData, TransactionStore } from '../types.js';
import { cookieOverhead, MAX_COOKIE_BYTES } from './cookie.js';
import {
  cookieStoreParts,
  type CookieStoreParts,
  transactionTtl,
  type EncryptedStoreOptions,
} from './options.js';

/**
 * The most login transaction cookies kept at once (logins started in several tabs, or abandoned):
 * 3. Each takes about 600 bytes of every request's `Cookie` header; starting a fourth login drops the
 * oldest, whose callback then fails with `missing_transaction`.
 */
export const MAX_TRANSACTIONS = 3;
import { redactedView } from '../lib/redact.js';

/** Options of a {@link CookieTransactionStore}. */
export interface CookieTransactionStoreOptions extends EncryptedStoreOptions {
  /** Seconds a login may take from start to callback. Default 900 (15 minutes). */
  ttl?: number;
  /**
   * Cookie attributes; defaults as for the session cookie (`HttpOnly`, `SameSite=Lax`, `Path=/`,
   * `Secure` unless {@link appBaseUrl} is loopback http). Use `sameSite: 'none'` only for
   * `response_mode=form_post`. `name` replaces the name the client gives (`__a0_tx`), keeping the
   * per-login suffix: `name.<state>`.
   */
  cookie?: SessionCookieOptions;
  /** Where the app is served; decides the default of `cookie.secure`. */
  appBaseUrl?: string | URL;
}

/**
 * Keeps each login transaction in its own encrypted, short-lived cookie named after the identifier
 * it is given. The identifier must be unique per login (the ServerClient uses
 * `__a0_tx.<state>`), so two logins started in two tabs never overwrite each other. The cookie
 * expires after `ttl`, its content too (the expiry is sealed in, not only in `Max-Age`), and it is
 * deleted when the login completes. At most {@link MAX_TRANSACTIONS} transactions (cookies named
 * like `identifier` up to its last `.`) are kept: a new one drops the oldest. An unreadable cookie
 * reads as no transaction; `get` never throws.
 *
 * @example
 * const transactionStore = new CookieTransactionStore({ secret, appBaseUrl }, cookieHandler);
 */
export class CookieTransactionStore<TStoreOptions = unknown> implements TransactionStore<TStoreOptions> {
  readonly #ttl: number;
  readonly #parts: CookieStoreParts<TStoreOptions>;

  /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, `ttl`, `appBaseUrl`) that is invalid. */
  constructor(options: CookieTransactionStoreOptions, cookieHandler: CookieHandler<TStoreOptions>) {
    this.#parts = cookieStoreParts(options, cookieHandler, 'transaction');
    this.#ttl = transactionTtl(options.ttl);
  }

  /** The transaction in the `identifier` cookie, or `undefined`. Never throws. */
  async get(identifier: string, storeOptions?: TStoreOptions): Promise<TransactionData | undefined> {
    try {
      const cookie = this.#parts.cookies.getCookie(this.#parts.name(identifier), storeOptions);
      if (!cookie) return undefined;
      const opened = await this.#parts.sealer.unseal(cookie);
      if (!opened.ok) return undefined;
      const data = opened.payload['t'];
      return isTransactionData(data) ? data : undefined;
    } catch (err) {
      if (isAppFailure(err)) throw err;
      return undefined;
    }
  }

  /**
   * Writes the transaction cookie.
   *
   * @throws {RangeError} when the sealed transaction does not fit one 4096-byte cookie (keep
   *   `appState` small).
   */
  async set(
    identifier: string,
    data: TransactionData,
    _removeIfExists?: boolean,
    storeOptions?: TStoreOptions,
  ): Promise<void> {
    identifier = this.#parts.name(identifier);
    const sealed = await this.#parts.sealer.seal({ t: data }, this.#ttl);
    const options: CookieSerializeOptions = { ...this.#parts.attributes, maxAge: this.#ttl };
    // The sealed value is base64url and dots: one byte a character.
    const size = cookieOverhead(identifier, options) + sealed.length;
    if (size > MAX_COOKIE_BYTES) {
      throw argumentError(
        `"appState" makes the login transaction a ${size}-byte cookie, over 4096: keep it small`,
      );
    }
    await this.#dropOldest(identifier, storeOptions);
    this.#parts.cookies.setCookie(identifier, sealed, options, storeOptions);
  }

  /**
   * Deletes the oldest transaction cookies of the same prefix so that, with the one being written,
   * at most {@link MAX_TRANSACTIONS} remain. Unreadable ones count as oldest. All share one `ttl`, so
   * the earliest sealed expiry is the oldest login; the cookies are opened only once at the cap.
   */
  async #dropOldest(identifier: string, storeOptions: TStoreOptions | undefined): Promise<void> {
    const prefix = identifier.slice(0, identifier.lastIndexOf('.') + 1);
    if (prefix === '') return;
    const others = Object.entries(this.#parts.cookies.getCookies(storeOptions)).filter(
      ([name]) => name.startsWith(prefix) && name !== identifier,
    );
    if (others.length < MAX_TRANSACTIONS) return;
    const aged = await Promise.all(
      others.map(async ([name, value]) => {
        const opened = await this.#parts.sealer.unseal(value);
        return {
          name,
          exp: opened.ok && typeof opened.payload.exp === 'number' ? opened.payload.exp : -Infinity,
        };
      }),
    );
    aged.sort((a, b) => a.exp - b.exp);
    for (const { name } of aged.slice(0, aged.length - (MAX_TRANSACTIONS - 1))) {
      this.#parts.cookies.deleteCookie(name, storeOptions, this.#parts.attributes);
    }
  }

  async delete(identifier: string, storeOptions?: TStoreOptions): Promise<void> {
    this.#parts.cookies.deleteCookie(this.#parts.name(identifier), storeOptions, this.#parts.attributes);
  }
}

// Logged, the store shows its kind only: never a session, a cookie value or the secret it seals with.
redactedView(CookieTransactionStore, () => ({}));
