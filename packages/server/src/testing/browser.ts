import { argumentError } from '../lib/validate.js';
import type { CookieHandler, CookieSerializeOptions } from '../types.js';

/**
 * One browser in the conformance suites: its cookies. The suites pass it as `storeOptions`, and
 * {@link testCookies} reads and writes it, so a cookie a store sets is what the next call sees.
 */
export interface TestBrowser {
  readonly cookies: Map<string, string>;
}

/** A browser with no cookies. */
export function newBrowser(): TestBrowser {
  return { cookies: new Map() };
}

function expired(options: CookieSerializeOptions | undefined): boolean {
  if (options?.maxAge !== undefined) return options.maxAge <= 0;
  return options?.expires !== undefined && options.expires.getTime() <= Date.now();
}

/**
 * The cookie handler the suites give a store's factory: it works on the {@link TestBrowser} passed
 * as `storeOptions` (a store that keeps nothing in cookies can ignore it).
 *
 * @example
 * ```ts
 * stateStoreConformance('MyStore', (cookies) => new StatefulStateStore({ secret, store }, cookies), { describe, it });
 * ```
 */
export const testCookies: CookieHandler<TestBrowser> = {
  getCookie: (name, browser) => browser?.cookies.get(name),
  getCookies: (browser) => Object.fromEntries(browser?.cookies ?? []),
  setCookie(name, value, options, browser) {
    if (!browser)
      throw argumentError(
        '"storeOptions" is required: the conformance suites pass a browser',
        'ERR_INVALID_ARG_TYPE',
      );
    if (expired(options)) browser.cookies.delete(name);
    else browser.cookies.set(name, value);
  },
  deleteCookie: (name, browser) => void browser?.cookies.delete(name),
};
