import { base64url } from 'jose';
import type { CookieHandler, CookieSerializeOptions, TransactionData, TransactionStore } from '../types.js';
import { cookieName } from './options.js';

/**
 * The most logins one browser may have pending at once (logins started in several tabs, or
 * abandoned): 3. Starting a fourth drops the oldest from the transaction store, whose callback then
 * fails with `missing_transaction`.
 */
export const MAX_PENDING_LOGINS = 3;

/** The binding cookie's name before the `__Host-` prefix its attributes may add. */
export const BINDING_COOKIE = '__a0_txb';

// The browser's key: 32 random bytes, base64url. A `state` is oauth4webapi's 32 bytes too; the
// callback checks the same shape before a state names a store key.
const KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const STATE_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

const encoder = new TextEncoder();

/**
 * Binds each login transaction to the browser that started it, whatever store keeps the transaction:
 * the browser holds a random key in an `HttpOnly` cookie (`__Host-` where its attributes allow), the
 * transaction keeps only the key's hash, and the callback compares the two in constant time. A
 * callback opened in another browser (one without the cookie, or with its own) finds no transaction
 * it may complete, so an attacker cannot log a victim in as the attacker (login CSRF).
 *
 * The same cookie lists the browser's pending logins (their `state`s, which the authorization
 * request already put in the URL): at most {@link MAX_PENDING_LOGINS}, the newest win, so one browser
 * keeps at most that many transactions in a server-side store.
 */
export class TransactionBinding<TStoreOptions> {
  readonly #cookies: CookieHandler<TStoreOptions>;
  readonly #attributes: CookieSerializeOptions;
  readonly #name: string;

  /** @param attributes the cookie's attributes, the transaction cookies' (`SameSite=Lax`: the callback is a cross-site navigation). */
  constructor(cookies: CookieHandler<TStoreOptions>, attributes: CookieSerializeOptions) {
    this.#cookies = cookies;
    this.#attributes = attributes;
    this.#name = cookieName(BINDING_COOKIE, attributes);
  }

  /**
   * Keeps `transaction` (the login `state`'s) in `store` under `keyOf(state)`, bound to this browser,
   * and deletes the logins it displaced from the browser's pending ones.
   */
  async keep(
    store: TransactionStore<TStoreOptions>,
    keyOf: (state: string) => string,
    state: string,
    transaction: TransactionData,
    storeOptions?: TStoreOptions,
  ): Promise<void> {
    const { binding, displaced } = await this.#bind(state, storeOptions);
    await Promise.all([
      store.set(keyOf(state), { ...transaction, binding }, false, storeOptions),
      ...displaced.map((old) => store.delete(keyOf(old), storeOptions)),
    ]);
  }

  /**
   * Adds the login `state` to the browser's pending logins (making the browser's key when it has
   * none) and returns the hash the transaction keeps, with the states of the logins it displaced.
   */
  async #bind(
    state: string,
    storeOptions?: TStoreOptions,
  ): Promise<{ binding: string; displaced: string[] }> {
    const held = this.#read(storeOptions);
    const key = held?.key ?? base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
    const pending = [...(held?.states ?? []).filter((s) => s !== state), state];
    const displaced = pending.splice(0, Math.max(0, pending.length - MAX_PENDING_LOGINS));
    this.#write(key, pending, storeOptions);
    return { binding: await hash(key), displaced };
  }

  /** Whether this browser holds the key whose hash is `binding`; a missing binding never matches. */
  async matches(binding: unknown, storeOptions?: TStoreOptions): Promise<boolean> {
    const key = this.#read(storeOptions)?.key;
    if (key === undefined || typeof binding !== 'string') return false;
    return constantTimeEqual(await hash(key), binding);
  }

  /** Takes `state` off the browser's pending logins (its login is over); the cookie goes with the last one. */
  release(state: string, storeOptions?: TStoreOptions): void {
    const held = this.#read(storeOptions);
    if (!held?.states.includes(state)) return;
    this.#write(
      held.key,
      held.states.filter((s) => s !== state),
      storeOptions,
    );
  }

  /** The browser's key and pending states, or `undefined` when the cookie is absent or malformed. */
  #read(storeOptions: TStoreOptions | undefined): { key: string; states: string[] } | undefined {
    const value = this.#cookies.getCookie(this.#name, storeOptions);
    if (value === undefined) return undefined;
    const [key, ...states] = value.split('.');
    if (key === undefined || !KEY_SHAPE.test(key)) return undefined;
    // The cookie is the browser's to alter: only well-formed states, never more than the cap.
    return { key, states: states.filter((s) => STATE_SHAPE.test(s)).slice(-MAX_PENDING_LOGINS) };
  }

  #write(key: string, states: string[], storeOptions: TStoreOptions | undefined): void {
    if (states.length === 0) this.#cookies.deleteCookie(this.#name, storeOptions, this.#attributes);
    // A session cookie: it lives as long as the browser does, whatever `ttl` the transaction store keeps.
    else this.#cookies.setCookie(this.#name, [key, ...states].join('.'), this.#attributes, storeOptions);
  }
}

/** The first 128 bits of the key's SHA-256, base64url: what a transaction keeps of its browser. */
async function hash(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(key)));
  return base64url.encode(digest.subarray(0, 16));
}

/** String equality whose time does not depend on where the strings differ. */
function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (i < b.length ? b.charCodeAt(i) : 0);
  return diff === 0;
}
