import type { CookieHandler, CookieSerializeOptions } from '../../src/types.js';

// Not Buffer: the jar also plays the browser for the SDK on a runtime without it (crypto/web-crypto-runtime).
const utf8 = new TextEncoder();

interface StoredCookie {
  value: string;
  /** Epoch ms; `Infinity` for a session cookie. */
  expiresAt: number;
  options: CookieSerializeOptions;
}

/**
 * A {@link CookieHandler} that behaves like one browser talking to the app: every `setCookie` /
 * `deleteCookie` is recorded as the `Set-Cookie` header a framework would send (with `Expires` next
 * to `Max-Age`, as Express writes it) and applied to the jar at once, the way the next request would
 * see it. A header over {@link CookieJar.limit} bytes is dropped, as browsers drop it; cookies expire
 * by `Date.now()`, so fake timers move them.
 *
 * The serializer here is deliberately separate from the SDK's, so size tests do not measure the SDK
 * with its own ruler.
 */
export class CookieJar implements CookieHandler<unknown> {
  readonly #cookies = new Map<string, StoredCookie>();
  /** Every `Set-Cookie` header value sent, in order, including dropped ones. */
  readonly setCookieHeaders: string[] = [];
  /** Names of cookies whose header was too large and was ignored. */
  readonly dropped: string[] = [];

  constructor(readonly limit = 4096) {}

  setCookie(name: string, value: string, options: CookieSerializeOptions = {}): void {
    const header = serialize(name, value, options);
    this.setCookieHeaders.push(header);
    if (utf8.encode(header).length > this.limit) {
      this.dropped.push(name);
      return;
    }
    const expiresAt =
      options.maxAge !== undefined
        ? Date.now() + options.maxAge * 1000
        : options.expires !== undefined
          ? options.expires.getTime()
          : Infinity;
    if (expiresAt <= Date.now()) this.#cookies.delete(name);
    else this.#cookies.set(name, { value, expiresAt, options });
  }

  getCookie(name: string): string | undefined {
    return this.#live().get(name)?.value;
  }

  getCookies(): Record<string, string> {
    const all: Record<string, string> = {};
    for (const [name, cookie] of this.#live()) all[name] = cookie.value;
    return all;
  }

  deleteCookie(name: string, _storeOptions?: unknown, options: CookieSerializeOptions = {}): void {
    this.setCookieHeaders.push(serialize(name, '', { ...options, maxAge: 0, expires: new Date(0) }));
    this.#cookies.delete(name);
  }

  /** Puts a cookie in the jar as if an earlier response (or an attacker) had set it. */
  put(name: string, value: string): void {
    this.#cookies.set(name, { value, expiresAt: Infinity, options: {} });
  }

  /** The attributes the cookie was last set with. */
  optionsOf(name: string): CookieSerializeOptions | undefined {
    return this.#live().get(name)?.options;
  }

  /** The names in the jar, sorted. */
  names(): string[] {
    return [...this.#live().keys()].sort();
  }

  /** The `Cookie` header the browser would send now. */
  header(): string {
    return [...this.#live()].map(([name, c]) => `${name}=${c.value}`).join('; ');
  }

  /** Forgets the recorded headers (the start of a new response). */
  clearHeaders(): void {
    this.setCookieHeaders.length = 0;
    this.dropped.length = 0;
  }

  #live(): Map<string, StoredCookie> {
    const now = Date.now();
    for (const [name, cookie] of this.#cookies) if (cookie.expiresAt <= now) this.#cookies.delete(name);
    return this.#cookies;
  }
}

function serialize(name: string, value: string, o: CookieSerializeOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (o.maxAge !== undefined) {
    parts.push(`Max-Age=${o.maxAge}`);
    parts.push(`Expires=${(o.expires ?? new Date(Date.now() + o.maxAge * 1000)).toUTCString()}`);
  } else if (o.expires) {
    parts.push(`Expires=${o.expires.toUTCString()}`);
  }
  if (o.domain) parts.push(`Domain=${o.domain}`);
  if (o.path) parts.push(`Path=${o.path}`);
  if (o.httpOnly) parts.push('HttpOnly');
  if (o.secure) parts.push('Secure');
  if (o.sameSite) parts.push(`SameSite=${o.sameSite[0]?.toUpperCase()}${o.sameSite.slice(1)}`);
  if (o.partitioned) parts.push('Partitioned');
  if (o.priority) parts.push(`Priority=${o.priority}`);
  return parts.join('; ');
}
