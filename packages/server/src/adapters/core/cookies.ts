import type { CookieHandler, CookieSerializeOptions } from '../../types.js';
import { argumentError } from '../../lib/validate.js';
import { parseCookieHeader, serializeCookie } from '../../stores/cookie.js';

/**
 * The store options every adapter passes to the SDK: one request's cookies and a way to set them on
 * its response. An adapter builds one per request; user code never passes it by hand.
 */
export interface AdapterStoreOptions {
  /** The request's cookies by name, kept current with this request's own writes. */
  readonly cookies: Record<string, string>;
  /** Sets a cookie on the response; `options.maxAge` is in seconds, as everywhere in this SDK. */
  readonly write: (name: string, value: string, options: CookieSerializeOptions) => void;
  /**
   * The request's `Host` header, for a `domain` resolver that picks the Auth0 custom domain by the
   * host the app was reached on. Untrusted: map it through an allow-list (docs/custom-domains.md).
   */
  readonly host?: string | undefined;
}

/**
 * The one {@link CookieHandler} behind every adapter. Writes are mirrored into `cookies`, so a read
 * later in the same request (say, `getAccessToken` after `mfa.verify`) sees what was just written.
 * Pass it to a `StatefulStateStore` to keep sessions server-side with an adapter.
 */
export const adapterCookies: CookieHandler<AdapterStoreOptions> = {
  getCookie: (name, o) => (o && Object.hasOwn(o.cookies, name) ? o.cookies[name] : undefined),
  getCookies: (o) => ({ ...o?.cookies }),
  setCookie(name, value, options = {}, o) {
    if (!o) throw missingStoreOptions();
    o.cookies[name] = value;
    o.write(name, value, options);
  },
  deleteCookie(name, o, options = {}) {
    if (!o) throw missingStoreOptions();
    delete o.cookies[name];
    o.write(name, '', { ...options, maxAge: 0, expires: new Date(0) });
  },
};

function missingStoreOptions() {
  return argumentError(
    '"storeOptions" is required: the adapter cookie handler writes through it',
    'ERR_INVALID_ARG_TYPE',
  );
}

/**
 * Store options over a `Cookie` request header, handing each `Set-Cookie` value to `append`. The
 * SDK's own serializer writes `Max-Age` in seconds (Express's `res.cookie` would want milliseconds).
 */
export function headerCookies(
  cookieHeader: string | null | undefined,
  append: (setCookie: string) => void,
  host?: string | null,
): AdapterStoreOptions {
  return {
    cookies: parseCookieHeader(cookieHeader ?? ''),
    write: (name, value, options) => append(serializeCookie(name, value, options)),
    host: host ?? undefined,
  };
}

/** Store options for a request that carries no browser cookies (a back-channel logout). */
export function noCookies(host?: string): AdapterStoreOptions {
  return { cookies: {}, write: () => undefined, host };
}
