import { CookieJar } from 'auth0-emulator/testing';

/** One answer of the app or the emulator, read completely. */
export interface Visit {
  status: number;
  location: string;
  setCookie: string[];
  text: string;
  json(): Record<string, unknown>;
}

type Fetcher = (request: Request) => Promise<Response>;

const MAX_HOPS = 20;

/**
 * A browser without a screen: it calls the app in-process (its `fetch` handler, as the runtime's
 * server would) and the emulator over loopback with the runtime's own `fetch`, keeping each side's
 * cookies, and fills in the emulator's login form the way its HTML asks for.
 */
export class Browser {
  readonly app = new CookieJar();
  readonly idp = new CookieJar();

  constructor(
    readonly appOrigin: string,
    readonly issuer: string,
    readonly fetchApp: Fetcher,
  ) {}

  /** A request to the app: JSON unless `accept` says otherwise. */
  async visit(
    path: string,
    init: { method?: string; accept?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Visit> {
    const request = new Request(new URL(path, this.appOrigin), {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { accept: init.accept ?? 'application/json', cookie: this.app.header(), ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    return read(await this.fetchApp(request), this.app);
  }

  /** A same-origin JSON POST, as the app's own pages would send it. */
  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Visit> {
    return this.visit(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.appOrigin, ...headers },
      body: JSON.stringify(body),
    });
  }

  /**
   * Follows `url` on the emulator (redirects, the login form, and a link's connection sign-in with
   * `account` or an unlink's confirmation) until it sends the browser elsewhere; returns that URL.
   */
  async atIdp(
    url: string,
    user?: { email: string; password: string },
    account?: { username: string; password: string },
  ): Promise<string> {
    let next = new URL(url);
    let form: Record<string, string> | undefined;
    const origin = new URL(this.issuer).origin;
    for (let hop = 0; hop < MAX_HOPS; hop += 1) {
      const response = await fetch(next, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          cookie: this.idp.header(),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      this.idp.store(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        next = new URL(location, next);
        form = undefined;
        if (next.origin !== origin) return next.href;
        continue;
      }
      const text = await response.text();
      const step = /data-step="([^"]+)"/.exec(text)?.[1];
      const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1];
      const fill: Record<string, string> | undefined =
        step === 'login' && user
          ? { email: user.email, password: user.password }
          : step === 'link' && account
            ? { username: account.username, password: account.password }
            : step === 'unlink'
              ? {}
              : undefined;
      if (!fill || !action)
        throw new Error(`the emulator stopped at ${next.pathname} (HTTP ${response.status}, step ${step})`);
      if (form) throw new Error(`the emulator refused the ${step}`);
      next = new URL(action, next);
      form = fill;
    }
    throw new Error('the emulator did not finish within 20 steps');
  }

  /** `GET {prefix}/login`, the emulator's login pages, then the app's callback; returns the callback's answer. */
  async login(prefix: string, user: { email: string; password: string }): Promise<Visit> {
    const start = await this.visit(`${prefix}/login`, { accept: 'text/html' });
    if (start.status !== 302) throw new Error(`${prefix}/login answered ${start.status}`);
    if (!start.location.startsWith(this.issuer))
      throw new Error(`${prefix}/login did not redirect to the emulator`);
    const callback = await this.atIdp(start.location, user);
    if (!callback.startsWith(this.appOrigin)) throw new Error('the login did not return to the app');
    return this.visit(callback, { accept: 'text/html' });
  }
}

async function read(response: Response, jar: CookieJar): Promise<Visit> {
  const setCookie = jar.store(response);
  const text = await response.text();
  return {
    status: response.status,
    location: response.headers.get('location') ?? '',
    setCookie,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}
