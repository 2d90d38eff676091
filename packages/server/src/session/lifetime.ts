import type { CookieSerializeOptions, StateData } from '../types.js';
import { isLoopback } from '../lib/loopback.js';
import { SESSION_EXPIRY_LEEWAY } from './session-expiry.js';
import { argumentError, positiveNumber } from '../lib/validate.js';

/** Options of the session cookie; the same names as `@auth0/auth0-server-js`. */
export interface SessionCookieOptions {
  /**
   * The session cookie's name, default `__a0_session`. Given to a store, it names that store's
   * cookies whatever identifier the client passes (a transaction store keeps the per-login
   * `.<state>` suffix); given to the ServerClient's `session`, it is the state identifier.
   */
  name?: string;
  /** Default `'lax'`. */
  sameSite?: 'strict' | 'lax' | 'none';
  /**
   * Default: `true`, unless the store was given an `appBaseUrl` that is plain `http:` on a loopback
   * host (`localhost`, `127.0.0.1`, `[::1]`), where browsers would drop a `Secure` cookie sent
   * over http.
   */
  secure?: boolean;
  /** Default `'/'`. */
  path?: string;
  /** Default: none (a host-only cookie). */
  domain?: string;
}

/** How long sessions live, and their cookie; the same names as `@auth0/auth0-server-js`. */
export interface SessionConfiguration {
  /**
   * Whether each write of the session restarts the inactivity window (up to the absolute limit).
   * Without it a session lives exactly `absoluteDuration` from its creation. Default `true`.
   */
  rolling?: boolean;
  /** Seconds from creation after which the session ends, whatever the activity. Default 3 days. */
  absoluteDuration?: number;
  /** Seconds without a write after which a rolling session ends. Default 1 day. */
  inactivityDuration?: number;
  /** The session cookie's attributes. */
  cookie?: SessionCookieOptions;
}

/** {@link SessionConfiguration} lifetimes with the defaults applied. */
export interface SessionLifetime {
  rolling: boolean;
  absoluteDuration: number;
  inactivityDuration: number;
}

const DAY = 24 * 60 * 60;

/** A duration option in whole seconds, or `fallback` when not given. */
function duration(value: number | undefined, fallback: number, field: string): number {
  return Math.floor(positiveNumber(value, field, fallback, 'seconds'));
}

/**
 * Applies the defaults (rolling, 1 day of inactivity, 3 days absolute) and checks the values.
 *
 * @throws {TypeError} naming the field when a duration is not a positive number or `rolling` is not a boolean.
 */
export function resolveSessionLifetime(config: SessionConfiguration = {}): SessionLifetime {
  if (config.rolling !== undefined && typeof config.rolling !== 'boolean') {
    throw argumentError('"rolling" must be a boolean', 'ERR_INVALID_ARG_TYPE');
  }
  return {
    rolling: config.rolling ?? true,
    absoluteDuration: duration(config.absoluteDuration, 3 * DAY, 'absoluteDuration'),
    inactivityDuration: duration(config.inactivityDuration, DAY, 'inactivityDuration'),
  };
}

/**
 * The Unix time (seconds) the session can last no later than, whatever the activity: its creation
 * plus `absoluteDuration`, capped by the `sessionExpiresAt` ceiling a login's IPSIE `session_expiry`
 * set (less {@link SESSION_EXPIRY_LEEWAY} seconds, as `@auth0/auth0-server-js` ends it).
 */
export function absoluteExpiry(lifetime: SessionLifetime, state: StateData): number {
  const absolute = state.internal.createdAt + lifetime.absoluteDuration;
  const ceiling = state['sessionExpiresAt'];
  return typeof ceiling === 'number' ? Math.min(absolute, ceiling - SESSION_EXPIRY_LEEWAY) : absolute;
}

/**
 * The Unix time (seconds) a session written at `now` expires: `now + inactivityDuration` for a
 * rolling session, never later than {@link absoluteExpiry}.
 */
export function sessionExpiry(lifetime: SessionLifetime, state: StateData, now: number): number {
  const absolute = absoluteExpiry(lifetime, state);
  return lifetime.rolling ? Math.min(now + lifetime.inactivityDuration, absolute) : absolute;
}

/** The attributes of a session or transaction cookie, before `maxAge`. */
export function cookieAttributes(
  cookie: SessionCookieOptions | undefined,
  secureByDefault: boolean,
): CookieSerializeOptions {
  const options: CookieSerializeOptions = {
    httpOnly: true,
    sameSite: cookie?.sameSite ?? 'lax',
    secure: cookie?.secure ?? secureByDefault,
    path: cookie?.path ?? '/',
  };
  if (cookie?.domain !== undefined) options.domain = cookie.domain;
  return options;
}

/** The cookie name prefix browsers accept only on a `Secure` cookie with `Path=/` and no `Domain`. */
export const HOST_PREFIX = '__Host-';

/**
 * Whether a cookie with `attributes` can carry the {@link HOST_PREFIX}: then a browser refuses the
 * name from any other origin, so a sibling subdomain cannot plant a session or transaction cookie.
 */
export function hostPrefixAllowed(attributes: CookieSerializeOptions): boolean {
  return attributes.secure === true && attributes.domain === undefined && attributes.path === '/';
}

/**
 * Whether cookies for an app served at `appBaseUrl` should be `Secure`: always, except for plain
 * `http:` on a loopback host, where a browser would not send a `Secure` cookie back. Without an
 * `appBaseUrl` the answer is `true`.
 *
 * @throws {TypeError} when `appBaseUrl` is not a URL.
 */
export function secureByDefault(appBaseUrl: string | URL | undefined): boolean {
  if (appBaseUrl === undefined) return true;
  let url: URL;
  try {
    url = new URL(appBaseUrl);
  } catch {
    throw argumentError('"appBaseUrl" must be an absolute URL');
  }
  return !(url.protocol === 'http:' && isLoopback(url.hostname));
}
