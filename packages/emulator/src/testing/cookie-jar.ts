/**
 * A minimal cookie jar for one origin: enough for oidc-provider's session and interaction cookies.
 * Give the same jar to several {@link Emulator.login} calls to keep the browser session between them.
 * It imports nothing, so `auth0-emulator/testing` exports it to runtimes without Node (Workers, Deno, Bun)
 * that play the browser against an emulator running elsewhere.
 *
 * @example
 * ```ts
 * const jar = new CookieJar();
 * await em.login(authorizeUrl, { email, password, jar });
 * const logout = await fetch(new URL('v2/logout', em.issuer), { headers: { cookie: jar.header() }, redirect: 'manual' });
 * ```
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Keeps the cookies a response sets, and forgets the ones it expires; returns its `Set-Cookie` lines. */
  store(response: Response): string[] {
    const lines = response.headers.getSetCookie();
    for (const line of lines) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=');
        const lower = key.trim().toLowerCase();
        return (
          (lower === 'max-age' && Number(raw) <= 0) || (lower === 'expires' && Date.parse(raw) <= Date.now())
        );
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return lines;
  }

  /** Puts a cookie in the jar as if a response had set it: to plant one, or to tamper with one. */
  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  /** The cookies held, as `[name, value]` pairs in the order they were first set. */
  entries(): [string, string][] {
    return [...this.#cookies];
  }

  /** The `Cookie` request header value for the cookies held. */
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
