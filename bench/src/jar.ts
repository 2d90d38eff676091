import { parseCookieHeader, type CookieHandler } from 'auth0-server-ts';

/**
 * One request's cookies, as a framework adapter sees them: the `Cookie` header, parsed on first use,
 * and the `Set-Cookie`s the response collects (applied at once, so the same jar can play the browser
 * across a login). Both SDKs get the same handler.
 */
export class Jar {
  #header: string;
  #cookies: Record<string, string> | undefined;

  constructor(header = '') {
    this.#header = header;
  }

  /** The parsed header, kept as the SDK's adapters keep it (the record `parseCookieHeader` returns). */
  get cookies(): Record<string, string> {
    this.#cookies ??= parseCookieHeader(this.#header);
    return this.#cookies;
  }

  /** The `Cookie` header the browser sends with its next request. */
  header(): string {
    return Object.entries(this.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
}

/** The cookie handler both SDKs are given; `storeOptions` is the request's {@link Jar}. */
export const jarHandler: CookieHandler<Jar> = {
  getCookie: (name, jar) => (jar && Object.hasOwn(jar.cookies, name) ? jar.cookies[name] : undefined),
  getCookies: (jar) => ({ ...jar?.cookies }),
  setCookie: (name, value, options, jar) => {
    if (!jar) return;
    if (options?.maxAge === 0) delete jar.cookies[name];
    else jar.cookies[name] = value;
  },
  deleteCookie: (name, jar) => {
    if (jar) delete jar.cookies[name];
  },
};
