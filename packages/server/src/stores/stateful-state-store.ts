import {
  absoluteExpiry,
  resolveSessionLifetime,
  sessionExpiry,
  type SessionConfiguration,
  type SessionLifetime,
} from '../session/lifetime.js';
import { newSessionId } from '../session/session-id.js';
import type { CookieHandler, LogoutTokenClaims, StateData, StateStore } from '../types.js';
import { cookieStoreParts, type CookieStoreParts, type EncryptedStoreOptions } from './options.js';
import type { SessionStore } from './session-store.js';
import { assertStateData, isStateData } from '../session/state-data.js';
import { requireMethods } from '../lib/validate.js';
import { isAppFailure } from '../errors/store-error.js';
import { redactedView } from '../lib/redact.js';

/** Options of a {@link StatefulStateStore}. */
export interface StatefulStateStoreOptions<TStoreOptions = unknown>
  extends SessionConfiguration, EncryptedStoreOptions {
  /** Where the session data lives. */
  store: SessionStore<TStoreOptions>;
  /**
   * Where the app is served. Only decides the default of `cookie.secure`: cookies are `Secure`
   * unless this is plain `http:` on a loopback host.
   */
  appBaseUrl?: string | URL;
}

/**
 * Keeps sessions in a {@link SessionStore} backend; the cookie (named `identifier`, `HttpOnly`,
 * `SameSite=Lax`, `Path=/`, `Secure` as for {@link StatelessStateStore}) carries only a random
 * 256-bit session id, encrypted with a key derived for that purpose and expiring with the session's
 * inactivity window. The backend keeps each session exactly as long (its TTL follows the same
 * inactivity window and absolute lifetime).
 *
 * Because the server can find sessions, back-channel logout works ({@link deleteByLogoutToken}), and
 * a backend with a lock gives {@link withLock} across processes. A new login (`set` with
 * `removeIfExists`) deletes the old session and issues a new id, so an id planted before login is
 * worthless after it. An unreadable cookie reads as no session and never throws; a failing backend
 * does throw (an outage is not a logout).
 *
 * @example
 * const stateStore = new StatefulStateStore({ secret, store: new MemorySessionStore(), appBaseUrl }, cookieHandler);
 */
export class StatefulStateStore<TStoreOptions = unknown> implements StateStore<TStoreOptions> {
  readonly #lifetime: SessionLifetime;
  readonly #store: SessionStore<TStoreOptions>;
  readonly #parts: CookieStoreParts<TStoreOptions>;
  /**
   * Runs `fn` holding this session's lock in the backend, across processes; without a session,
   * directly. Offered only when the backend has a lock: in one process the session owner's own lock
   * already runs one update at a time.
   */
  readonly withLock?: <T>(
    identifier: string,
    fn: () => Promise<T>,
    storeOptions?: TStoreOptions,
  ) => Promise<T>;

  /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, `store`, a duration, `appBaseUrl`) that is invalid. */
  constructor(
    options: StatefulStateStoreOptions<TStoreOptions>,
    cookieHandler: CookieHandler<TStoreOptions>,
  ) {
    this.#parts = cookieStoreParts(options, cookieHandler, 'session-id');
    requireMethods(options.store, 'store', ['get', 'set', 'delete']);
    this.#store = options.store;
    this.#lifetime = resolveSessionLifetime(options);
    const backend = options.store;
    if (backend.withLock) {
      this.withLock = async (identifier, fn, storeOptions) => {
        const id = await this.#sessionId(identifier, storeOptions);
        return id === undefined || !backend.withLock ? fn() : backend.withLock(id, fn);
      };
    }
  }

  /**
   * The session whose id the `identifier` cookie carries, or `undefined`. A cookie whose session is
   * gone from the backend is deleted.
   *
   * @throws {Error} whatever the backend throws; never for the cookie.
   */
  async get(identifier: string, storeOptions?: TStoreOptions): Promise<StateData | undefined> {
    const id = await this.#sessionId(identifier, storeOptions);
    if (id === undefined) return undefined;
    const state: unknown = await this.#store.get(id);
    if (!state) {
      this.#deleteCookie(identifier, storeOptions);
      return undefined;
    }
    if (!isStateData(state)) return undefined;
    if (absoluteExpiry(this.#lifetime, state) <= Math.floor(Date.now() / 1000)) return undefined;
    return state;
  }

  /**
   * Writes `data` to the backend and (re)issues the id cookie. With `removeIfExists` (a new login)
   * the previous session is deleted and a new id issued. Without it (an update, such as a refresh),
   * a session the backend no longer has (logout or back-channel logout while the refresh ran, or
   * expiry) is not written back: the cookie is deleted instead. A session already past its absolute
   * lifetime is deleted instead.
   *
   * @throws {TypeError} naming `data` when it is not a session; whatever the backend throws.
   */
  async set(
    identifier: string,
    data: StateData,
    removeIfExists?: boolean,
    storeOptions?: TStoreOptions,
  ): Promise<void> {
    assertStateData(data);
    let id = await this.#sessionId(identifier, storeOptions);
    if (id !== undefined && removeIfExists) {
      await this.#store.delete(id);
      id = undefined;
    }
    const now = Math.floor(Date.now() / 1000);
    // The backend keeps the session exactly as long as the cookie: the inactivity window of a rolling
    // session (extended by each write), never past the absolute lifetime.
    const ttl = sessionExpiry(this.#lifetime, data, now) - now;
    if (ttl <= 0) {
      if (id !== undefined) await this.#store.delete(id);
      this.#deleteCookie(identifier, storeOptions);
      return;
    }
    if (id === undefined) {
      id = newSessionId(32);
      await this.#store.set(id, data, ttl);
    } else if (!(await this.#update(id, data, ttl))) {
      // Ended elsewhere while this update was in flight; writing it would undo the logout.
      this.#deleteCookie(identifier, storeOptions);
      return;
    }
    const sealed = await this.#parts.sealer.seal({ id }, ttl);
    this.#parts.cookies.setCookie(
      this.#parts.name(identifier),
      sealed,
      { ...this.#parts.attributes, maxAge: ttl },
      storeOptions,
    );
  }

  /** Deletes the session from the backend and the cookie. */
  async delete(identifier: string, storeOptions?: TStoreOptions): Promise<void> {
    const id = await this.#sessionId(identifier, storeOptions);
    if (id !== undefined) await this.#store.delete(id);
    this.#deleteCookie(identifier, storeOptions);
  }

  /** Deletes the sessions a validated logout token names, through the backend. */
  deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void> {
    return this.#store.deleteByLogoutToken(claims, storeOptions);
  }

  /**
   * Writes an existing session only while the backend still has it: atomically with a backend that
   * has `update` (Redis: `SET ... XX`), else by a read then a write (exact in one process only).
   */
  async #update(id: string, data: StateData, ttl: number): Promise<boolean> {
    if (this.#store.update) return this.#store.update(id, data, ttl);
    if (!(await this.#store.get(id))) return false;
    await this.#store.set(id, data, ttl);
    return true;
  }

  async #sessionId(identifier: string, storeOptions: TStoreOptions | undefined): Promise<string | undefined> {
    try {
      const cookie = this.#parts.cookies.getCookie(this.#parts.name(identifier), storeOptions);
      if (!cookie) return undefined;
      const opened = await this.#parts.sealer.unseal(cookie);
      const id = opened.ok ? opened.payload['id'] : undefined;
      return typeof id === 'string' && id ? id : undefined;
    } catch (err) {
      if (isAppFailure(err)) throw err;
      return undefined;
    }
  }

  #deleteCookie(identifier: string, storeOptions: TStoreOptions | undefined): void {
    this.#parts.cookies.deleteCookie(this.#parts.name(identifier), storeOptions, this.#parts.attributes);
  }
}

// Logged, the store shows its kind only: never a session, a cookie value or the secret it seals with.
redactedView(StatefulStateStore, () => ({}));
