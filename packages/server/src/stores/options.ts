import { createSealer, type KeyPurpose, type Sealer } from '../crypto/index.js';
import { appFailure } from '../errors/store-error.js';
import {
  positiveNumber,
  requireCookieName,
  requireMethods,
  requireObject,
  secretList,
} from '../lib/validate.js';
import {
  cookieAttributes,
  HOST_PREFIX,
  hostPrefixAllowed,
  secureByDefault,
  type SessionCookieOptions,
} from '../session/lifetime.js';
import type { CookieHandler, CookieSerializeOptions } from '../types.js';

/** The secret(s) a cookie store encrypts with; the same shape as `@auth0/auth0-server-js`. */
export interface EncryptedStoreOptions {
  /**
   * At least 32 characters each. With several, the first encrypts and every one decrypts, so a secret
   * is rotated by putting the new one first and removing the old one once its cookies have expired.
   */
  secret: string | string[];
}

/** What every cookie store is built from. */
export interface CookieStoreParts<TStoreOptions> {
  sealer: Sealer;
  /** The cookie attributes before `Max-Age`. */
  attributes: CookieSerializeOptions;
  cookies: CookieHandler<TStoreOptions>;
  /** The cookie name of `identifier` ({@link cookieName}). */
  name(identifier: string): string;
}

/**
 * Checks a cookie store's two constructor arguments, so that a missing one fails at construction
 * with its name rather than on the first request, and builds its sealer and cookie attributes.
 */
export function cookieStoreParts<TStoreOptions>(
  options: EncryptedStoreOptions & { cookie?: SessionCookieOptions; appBaseUrl?: string | URL },
  cookieHandler: CookieHandler<TStoreOptions>,
  purpose: KeyPurpose,
): CookieStoreParts<TStoreOptions> {
  requireObject(options, 'options');
  requireMethods(cookieHandler, 'cookieHandler', ['getCookie', 'getCookies', 'setCookie', 'deleteCookie']);
  const attributes = cookieAttributes(options.cookie, secureByDefault(options.appBaseUrl));
  const rename = renamer(options.cookie?.name, purpose);
  return {
    sealer: createSealer(secretList(options.secret), purpose),
    attributes,
    cookies: reportingFailures(cookieHandler),
    name: (identifier) => cookieName(rename(identifier), attributes),
  };
}

/**
 * What the store's own `cookie.name` makes of the identifier the client passes: a state store's
 * cookie takes the name whatever the identifier; a transaction cookie keeps the identifier's
 * per-login suffix (`__a0_tx.<state>` becomes `<name>.<state>`), so parallel logins stay apart.
 *
 * @throws {TypeError} naming `cookie.name` when it is not a valid cookie name.
 */
function renamer(name: unknown, purpose: KeyPurpose): (identifier: string) => string {
  if (name === undefined) return (identifier) => identifier;
  requireCookieName(name, 'cookie.name');
  if (purpose !== 'transaction') return () => name;
  return (identifier) => {
    const dot = identifier.lastIndexOf('.');
    return dot === -1 ? name : `${name}${identifier.slice(dot)}`;
  };
}

/**
 * `handler` with each call's failure marked as the app's own ({@link appFailure}): the stores read
 * an unreadable cookie as none, but an error of the handler itself (no request in the store
 * options, ...) reaches the caller.
 */
function reportingFailures<O>(handler: CookieHandler<O>): CookieHandler<O> {
  const run = <T>(call: () => T): T => {
    try {
      return call();
    } catch (err) {
      throw appFailure(err);
    }
  };
  return {
    getCookie: (name, o) => run(() => handler.getCookie(name, o)),
    getCookies: (o) => run(() => handler.getCookies(o)),
    setCookie: (name, value, options, o) => run(() => handler.setCookie(name, value, options, o)),
    deleteCookie: (name, o, options) => run(() => handler.deleteCookie(name, o, options)),
  };
}

/** A login transaction's lifetime in whole seconds (at least 1): `ttl`, default 900 (15 minutes). */
export function transactionTtl(ttl: unknown): number {
  return Math.ceil(positiveNumber(ttl, 'ttl', 15 * 60, 'seconds'));
}

/**
 * The name a cookie store writes `identifier` under: `__Host-` in front when the cookie's attributes
 * allow it (`Secure`, `Path=/`, no `Domain`), so that no sibling subdomain can plant the cookie. The
 * one place that decides the prefix, whichever store writes the cookie; a name that already carries
 * a `__Host-` or `__Secure-` prefix is kept as it is.
 */
export function cookieName(identifier: string, attributes: CookieSerializeOptions): string {
  if (identifier.startsWith(HOST_PREFIX) || identifier.startsWith('__Secure-')) return identifier;
  return hostPrefixAllowed(attributes) ? `${HOST_PREFIX}${identifier}` : identifier;
}
