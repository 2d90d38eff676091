import type { UnsealResult } from '../crypto/index.js';
import { BackchannelLogoutError, SessionTooLargeError } from '../errors/index.js';
import { isAppFailure } from '../errors/store-error.js';
import {
  absoluteExpiry,
  resolveSessionLifetime,
  sessionExpiry,
  type SessionConfiguration,
  type SessionLifetime,
} from '../session/lifetime.js';
import type { CookieHandler, CookieSerializeOptions, StateData, StateStore } from '../types.js';
import { cookieOverhead, MAX_COOKIE_BYTES } from './cookie.js';
import { cookieStoreParts, type CookieStoreParts, type EncryptedStoreOptions } from './options.js';
import { assertStateData, isStateData } from '../session/state-data.js';
import { redactedView } from '../lib/redact.js';
import { argumentError } from '../lib/validate.js';

/** Options of a {@link StatelessStateStore}. */
export interface StatelessStateStoreOptions extends SessionConfiguration, EncryptedStoreOptions {
  /**
   * Where the app is served. Only decides the default of `cookie.secure`: cookies are `Secure`
   * unless this is plain `http:` on a loopback host.
   */
  appBaseUrl?: string | URL;
}

/**
 * The most bytes of `Set-Cookie` headers (names and attributes included) one session may take: two
 * full cookies. Browsers keep about 4 kB per cookie, and servers refuse request headers past 8 to
 * 16 kB with HTTP 431, which would lock the user out of the app until the cookies expire.
 */
export const MAX_SESSION_COOKIE_BYTES = 8192;

/** The smallest value budget worth a chunk; below it, the name and attributes are unreasonable. */
const MIN_CHUNK_BYTES = 512;
const CHUNK_INDEX = /^(?:0|[1-9]\d*)$/;
const NO_STATE = (): undefined => undefined;

/**
 * Keeps the whole session in the browser, encrypted (JWE, `A256GCM`, a key derived from the secret
 * for sessions only) and split over cookies named `${identifier}.0`, `${identifier}.1`, ... Each
 * `Set-Cookie`, name and attributes included, stays within 4096 bytes; chunks a smaller session no
 * longer needs are deleted.
 *
 * The cookie is `HttpOnly`, `SameSite=Lax`, `Path=/` and `Secure` (see
 * {@link StatelessStateStoreOptions.appBaseUrl}), with `Max-Age` set to the session's remaining
 * life: `inactivityDuration` from each write for a rolling session, never past `absoluteDuration`
 * from its creation. A cookie that is expired, tampered with, truncated, missing a chunk, sealed
 * with a secret not configured, or not ours at all reads as no session; `get` never throws.
 *
 * Back-channel logout cannot reach a session that lives only in a browser: use a
 * {@link StatefulStateStore} for it.
 *
 * @example
 * const stateStore = new StatelessStateStore({ secret: process.env.AUTH0_SECRET!, appBaseUrl }, cookieHandler);
 */
export class StatelessStateStore<TStoreOptions = unknown> implements StateStore<TStoreOptions> {
  readonly #lifetime: SessionLifetime;
  readonly #parts: CookieStoreParts<TStoreOptions>;
  readonly #overheads = new Map<string, number>();

  /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, a duration, `appBaseUrl`) that is invalid. */
  constructor(options: StatelessStateStoreOptions, cookieHandler: CookieHandler<TStoreOptions>) {
    this.#parts = cookieStoreParts(options, cookieHandler, 'session');
    this.#lifetime = resolveSessionLifetime(options);
  }

  /** The session held in the `identifier` cookies, or `undefined`. Never throws. */
  get(identifier: string, storeOptions?: TStoreOptions): Promise<StateData | undefined> {
    identifier = this.#parts.name(identifier);
    try {
      let sealed = '';
      for (let i = 0; ; i++) {
        const chunk = this.#parts.cookies.getCookie(`${identifier}.${i}`, storeOptions);
        if (chunk === undefined) break;
        sealed += chunk;
      }
      if (!sealed) return Promise.resolve(undefined);
      const opened = this.#parts.sealer.unsealNow<{ s?: unknown }>(sealed);
      if (opened) return Promise.resolve(this.#stateOf(opened));
      return this.#parts.sealer
        .unseal<{ s?: unknown }>(sealed)
        .then((later) => this.#stateOf(later), NO_STATE);
    } catch (err) {
      // An unreadable cookie is no session; the app's own cookie handler failing is its error.
      return isAppFailure(err) ? Promise.reject(err as Error) : Promise.resolve(undefined);
    }
  }

  /** The session an opened cookie holds, if it is one and within its absolute lifetime. */
  #stateOf(opened: UnsealResult<{ s?: unknown }>): StateData | undefined {
    if (!opened.ok) return undefined;
    const state = opened.payload.s;
    if (!isStateData(state)) return undefined;
    if (absoluteExpiry(this.#lifetime, state) <= Math.floor(Date.now() / 1000)) return undefined;
    return state;
  }

  /**
   * Writes `data` into the `identifier` cookies and deletes chunks left over from a larger session.
   * A session already past its absolute lifetime is deleted instead. When the cookies would take
   * more than {@link MAX_SESSION_COOKIE_BYTES}, the access token sets that expire first are left out
   * (a refresh gets them back) until they fit.
   *
   * @throws {TypeError} when `data` is not a session (no `internal.sid` / `internal.createdAt`).
   * @throws {SessionTooLargeError} `session_too_large` when the session does not fit even without
   *   token sets: nothing is written (use a {@link StatefulStateStore}).
   * @throws {RangeError} when `identifier` and the cookie attributes leave no room for a value.
   */
  async set(
    identifier: string,
    data: StateData,
    _removeIfExists?: boolean,
    storeOptions?: TStoreOptions,
  ): Promise<void> {
    assertStateData(data);
    identifier = this.#parts.name(identifier);
    const now = Math.floor(Date.now() / 1000);
    const ttl = sessionExpiry(this.#lifetime, data, now) - now;
    if (ttl <= 0) return this.delete(identifier, storeOptions);

    const options: CookieSerializeOptions = { ...this.#parts.attributes, maxAge: ttl };
    // Over the cap, the access token sets that expire first go: a refresh gets them back.
    let kept = data;
    let chunks = this.#chunks(identifier, await this.#parts.sealer.seal({ s: kept }, ttl), options);
    const byExpiry = [...data.tokenSets].sort((a, b) => a.expiresAt - b.expiresAt);
    while (chunks.bytes > MAX_SESSION_COOKIE_BYTES && byExpiry.length > 0) {
      const dropped = byExpiry.shift();
      kept = { ...kept, tokenSets: kept.tokenSets.filter((set) => set !== dropped) };
      chunks = this.#chunks(identifier, await this.#parts.sealer.seal({ s: kept }, ttl), options);
    }
    if (chunks.bytes > MAX_SESSION_COOKIE_BYTES) {
      throw new SessionTooLargeError(chunks.bytes, MAX_SESSION_COOKIE_BYTES);
    }
    const written = new Set<string>();
    for (const { name, value } of chunks.list) {
      this.#parts.cookies.setCookie(name, value, options, storeOptions);
      written.add(name);
    }
    for (const name of this.#chunkNames(identifier, storeOptions)) {
      if (!written.has(name)) this.#parts.cookies.deleteCookie(name, storeOptions, this.#parts.attributes);
    }
  }

  /** `sealed` split over `identifier` chunks, and the bytes of their `Set-Cookie` headers. */
  #chunks(identifier: string, sealed: string, options: CookieSerializeOptions) {
    const list: { name: string; value: string }[] = [];
    let bytes = 0;
    for (let i = 0, at = 0; at < sealed.length; i++) {
      const name = `${identifier}.${i}`;
      const overhead = this.#overhead(name, options);
      const budget = MAX_COOKIE_BYTES - overhead;
      if (budget < MIN_CHUNK_BYTES) {
        throw argumentError(
          '"identifier" (the session cookie name) and the cookie attributes leave no room for a value in 4096 bytes',
        );
      }
      const value = sealed.slice(at, at + budget);
      list.push({ name, value });
      bytes += overhead + value.length;
      at += budget;
    }
    return { list, bytes };
  }

  /** Deletes every `identifier` chunk cookie. */
  async delete(identifier: string, storeOptions?: TStoreOptions): Promise<void> {
    for (const name of this.#chunkNames(this.#parts.name(identifier), storeOptions)) {
      this.#parts.cookies.deleteCookie(name, storeOptions, this.#parts.attributes);
    }
  }

  /**
   * Always rejects: a session kept only in a browser cannot be found by `sid` or `sub`.
   *
   * @throws {BackchannelLogoutError} `backchannel_logout_unsupported`.
   */
  async deleteByLogoutToken(): Promise<void> {
    throw new BackchannelLogoutError(
      'backchannel_logout_unsupported',
      'Back-channel logout needs sessions the server can find: use a StatefulStateStore',
    );
  }

  /**
   * {@link cookieOverhead} for a chunk, remembered per name and `Max-Age` width: the attributes are
   * fixed per store (BENCHMARKS.md: "chunk overhead remembered per cookie name").
   */
  #overhead(name: string, options: CookieSerializeOptions): number {
    const key = `${name}\u0000${String(options.maxAge).length}`;
    let bytes = this.#overheads.get(key);
    if (bytes === undefined) {
      bytes = cookieOverhead(name, options);
      if (this.#overheads.size >= 64) this.#overheads.clear();
      this.#overheads.set(key, bytes);
    }
    return bytes;
  }

  /** The names of the request's cookies that are chunks of `identifier`: exactly `${identifier}.<n>`. */
  #chunkNames(identifier: string, storeOptions: TStoreOptions | undefined): string[] {
    const prefix = `${identifier}.`;
    return Object.keys(this.#parts.cookies.getCookies(storeOptions)).filter(
      (name) => name.startsWith(prefix) && CHUNK_INDEX.test(name.slice(prefix.length)),
    );
  }
}

// Logged, the store shows its kind only: never a session, a cookie value or the secret it seals with.
redactedView(StatelessStateStore, () => ({}));
