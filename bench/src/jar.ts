import { parseCookieHeader, type CookieHandler } from 'auth0-server-ts';

/**
 * One request's cookies, as a framework adapter sees them: the `Cookie` header, parsed on first use,
 * and the `Set-Cookie`s the response collects (applied at once, so the same jar can play the browser
 * across a login). Both SDKs get the same handler.
 */
export class Jar {
  #header: string;
  #cookies: Map<string, string> | undefined;

  constructor(header = '') {
    this.#header = header;
  }

  get cookies(): Map<string, string> {
    this.#cookies ??= new Map(Object.entries(parseCookieHeader(this.#header)));
    return this.#cookies;
  }

  /** The `Cookie` header the browser sends with its next request. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The cookie handler both SDKs are given; `storeOptions` is the request's {@link Jar}. */
export const jarHandler: CookieHandler<Jar> = {
  getCookie: (name, jar) => jar?.cookies.get(name),
  getCookies: (jar) => Object.fromEntries(jar?.cookies ?? []),
  setCookie: (name, value, options, jar) => {
    if (options?.maxAge === 0) jar?.cookies.delete(name);
    else jar?.cookies.set(name, value);
  },
  deleteCookie: (name, jar) => void jar?.cookies.delete(name),
};
