import { parseCookieHeader, type CookieHandler } from 'auth0-server-ts';
import { adapterCookies, type AdapterStoreOptions } from 'auth0-server-ts/web';

/**
 * One request's cookies as the SDK's adapters hold them: the `Cookie` header parsed, with the
 * response's `Set-Cookie`s applied at once, so the same jar can play the browser across a login.
 */
export class Jar implements AdapterStoreOptions {
  readonly cookies: Record<string, string>;

  constructor(header = '') {
    this.cookies = parseCookieHeader(header);
  }

  /** The response's `Set-Cookie`: nothing to send, `cookies` already holds the write. */
  write(): void {}

  /** The `Cookie` header the browser sends with its next request. */
  header(): string {
    return Object.entries(this.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
}

/**
 * The cookie handler both SDKs are given: the one behind our adapters, so the benchmark pays what an
 * app on them pays, and the peer gets the same.
 */
export const jarHandler: CookieHandler<Jar> = adapterCookies;
