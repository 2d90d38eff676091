import { argumentError, optionalString, requireObject } from '../lib/validate.js';
import { isRecord } from '../lib/is-record.js';
import { DEFAULT_AUDIENCE, newSessionId, type SessionConfiguration } from '../session/index.js';
import {
  parseCookieHeader,
  serializeCookie,
  StatefulStateStore,
  StatelessStateStore,
  type SessionStore,
} from '../stores/index.js';
import type { CookieHandler, CookieSerializeOptions, StateData, StateStore, UserClaims } from '../types.js';

/** `value` when it is a string or `undefined`; a `TypeError` naming `field` otherwise. */
function text(value: unknown, field: string): string | undefined {
  optionalString(value, field);
  return value;
}

/**
 * How the app under test keeps sessions: the same values it passes the SDK, so a session made here is
 * one its adapter reads.
 */
export interface TestSessionsOptions {
  /** The app's `secret` (a string or the rotation list; the first seals). */
  secret: string | string[];
  /**
   * The app's `appBaseUrl`: decides, as in the app, whether the cookie is `Secure` (and so named
   * `__Host-...`), and the domain of a Playwright `storageState` cookie.
   */
  appBaseUrl: string | URL;
  /** The app's `session` option (cookie name and attributes, lifetimes). Default the SDK's. */
  session?: SessionConfiguration;
  /** The app's `stateIdentifier`, when it sets one. Default `session.cookie.name`, else `__a0_session`. */
  stateIdentifier?: string;
  /**
   * Server-side sessions: the backend the app's `StatefulStateStore` uses (`RedisSessionStore`,
   * `MemorySessionStore`, your own). The session is written there and the cookie carries its id.
   * Default: none, a cookie session (the whole session sealed in the cookie).
   */
  store?: SessionStore;
}

/** An access token to put in the session, as `getAccessToken({ audience, scope })` will find it. */
export interface TestTokenSet {
  /** Default `'default'`: the set `getAccessToken()` without an audience reads. */
  audience?: string;
  /** Default a random opaque value, `test-at-...`. */
  accessToken?: string;
  scope?: string;
  /**
   * Seconds from now until it expires; default 3600. Zero or less makes an expired token, which the
   * SDK refreshes (with `refreshToken`) or answers with `login_required`.
   */
  expiresIn?: number;
}

/** The session to make. */
export interface TestSessionInput {
  /** The ID token claims `getUser()` returns; `sub` is required. */
  user: UserClaims & { sub: string };
  /** `amr` claim, as `requiresStepUp({ amr })` reads it (for example `['mfa']`). */
  amr?: string[];
  /** `acr` claim, as `requiresStepUp({ acrValues })` reads it. */
  acr?: string;
  /** The organization the login was for: the `org_id` (and `org_name`) claims. */
  organization?: { id: string; name?: string };
  /** Seconds since the login (`auth_time` = now - this), for `requiresStepUp({ maxAge })`. Default 0. */
  authenticatedAgo?: number;
  /** Access tokens to hold. Default none: `getAccessToken` then needs a refresh token. */
  tokenSets?: TestTokenSet[];
  /** Kept as the session's refresh token (an expired access token is refreshed with it). */
  refreshToken?: string;
  /** Kept as the session's ID token (sent as `id_token_hint` at logout). */
  idToken?: string;
  /**
   * The Auth0 domain the session was made on (`https://login.brand-b.example`), for an app whose
   * `domain` is a resolver: it reads a session only under the domain it records. Default none, which
   * only an app with one static domain reads.
   */
  domain?: string;
}

/** One cookie the session is carried in, with the attributes the app would set it with. */
export interface TestCookie {
  name: string;
  value: string;
  path: string;
  domain: string | undefined;
  /** Unix seconds. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

/** A session made by {@link TestSessions.create}. */
export interface TestSession {
  /** The `Cookie` request header value that carries it (`supertest`'s `.set('Cookie', ...)`, fetch). */
  readonly cookie: string;
  /** The same cookies with their attributes (see {@link storageState}). */
  readonly cookies: readonly TestCookie[];
  /** The session as the store holds it. */
  readonly data: StateData;
}

/** The cookie handler the kit's stores write through: it only collects what they set. */
function collector(
  out: Map<string, { value: string; options: CookieSerializeOptions }>,
): CookieHandler<unknown> {
  return {
    getCookie: () => undefined,
    getCookies: () => ({}),
    setCookie: (name, value, options = {}) => void out.set(name, { value, options }),
    deleteCookie: (name) => void out.delete(name),
  };
}

function sameSite(value: CookieSerializeOptions['sameSite']): TestCookie['sameSite'] {
  if (value === 'strict') return 'Strict';
  return value === 'none' ? 'None' : 'Lax';
}

/**
 * Makes sessions without a login, for tests of an app: the `Cookie` header that logs a request in as
 * a user of your choosing (claims, `amr`, `acr`, organization, access tokens with the expiry you
 * pick), sealed with the app's secret and, for server-side sessions, written into the app's backend
 * (Redis included). The app's adapter reads them as it reads the sessions a login makes: they are
 * written by the SDK's own stores.
 *
 * Never use it in production code: a session made here is as good as a login to anyone who has the
 * secret, which is why it lives in `auth0-server-ts/testing` and needs it.
 *
 * @example
 * ```ts
 * const sessions = new TestSessions({ secret: SECRET, appBaseUrl: 'http://127.0.0.1:3000' });
 * const { cookie } = await sessions.create({ user: { sub: 'auth0|alice' }, amr: ['mfa'] });
 * await fetch(`${app}/profile`, { headers: { cookie } });
 * ```
 */
export class TestSessions {
  readonly #origin: URL;
  readonly #identifier: string;
  readonly #write: (data: StateData, cookies: CookieHandler<unknown>) => Promise<void>;

  /** @throws {TypeError} naming the option that is missing or invalid (as the SDK's stores check them). */
  constructor(options: TestSessionsOptions) {
    requireObject(options, 'options');
    const { secret, appBaseUrl, session, store } = options;
    if (!URL.canParse(String(appBaseUrl))) throw argumentError('"appBaseUrl" must be an absolute URL');
    this.#origin = new URL(String(appBaseUrl));
    this.#identifier =
      text(options.stateIdentifier, 'stateIdentifier') ??
      text(session?.cookie?.name, 'session.cookie.name') ??
      '__a0_session';
    const storeOptions = { ...session, secret, appBaseUrl };
    // Built once per write: the stores take their cookie handler at construction. Checked up front
    // here, so a bad secret or backend fails at construction and not in the first test.
    const make = (cookies: CookieHandler<unknown>): StateStore<unknown> =>
      store === undefined
        ? new StatelessStateStore(storeOptions, cookies)
        : new StatefulStateStore({ ...storeOptions, store }, cookies);
    make(collector(new Map()));
    this.#write = (data, cookies) => make(cookies).set(this.#identifier, data, true);
  }

  /**
   * Makes a session for `input.user` (in the backend, for server-side sessions) and returns the
   * cookies that carry it.
   *
   * @throws {TypeError} naming the field of `input` that is invalid.
   */
  async create(input: TestSessionInput): Promise<TestSession> {
    const data = sessionData(input, Math.floor(Date.now() / 1000));
    const written = new Map<string, { value: string; options: CookieSerializeOptions }>();
    await this.#write(data, collector(written));
    const now = Math.floor(Date.now() / 1000);
    const cookies = [...written].map(([name, { value, options }]): TestCookie => ({
      name,
      value,
      path: options.path ?? '/',
      domain: options.domain,
      expires: now + (options.maxAge ?? 0),
      httpOnly: options.httpOnly ?? false,
      secure: options.secure ?? false,
      sameSite: sameSite(options.sameSite),
    }));
    const cookie = cookies.map(({ name, value }) => serializeCookie(name, value, {})).join('; ');
    // The header must parse back to exactly these cookies, or the adapter would read another session.
    const parsed = parseCookieHeader(cookie);
    if (cookies.some(({ name, value }) => parsed[name] !== value))
      throw new Error('auth0-server-ts/testing: the session cookies do not survive a Cookie header');
    return { cookie, cookies, data };
  }

  /** The origin the cookies belong to (for a Playwright `storageState`). */
  get origin(): string {
    return this.#origin.origin;
  }
}

/** The session a login for `input` would have stored, created at `now` (unix seconds). */
function sessionData(input: TestSessionInput, now: number): StateData {
  requireObject(input, 'input');
  if (!isRecord(input.user) || typeof input.user.sub !== 'string' || !input.user.sub)
    throw argumentError('"user.sub" must be a non-empty string', 'ERR_INVALID_ARG_TYPE');
  const { amr, acr, organization, authenticatedAgo = 0 } = input;
  if (amr !== undefined && (!Array.isArray(amr) || amr.some((v) => typeof v !== 'string')))
    throw argumentError('"amr" must be an array of strings', 'ERR_INVALID_ARG_TYPE');
  text(acr, 'acr');
  if (organization !== undefined && (!isRecord(organization) || typeof organization.id !== 'string'))
    throw argumentError('"organization.id" must be a string', 'ERR_INVALID_ARG_TYPE');
  if (!Number.isFinite(authenticatedAgo) || authenticatedAgo < 0)
    throw argumentError('"authenticatedAgo" must be a number of seconds, 0 or more');
  const domain = text(input.domain, 'domain');
  const user: UserClaims = {
    auth_time: now - Math.floor(authenticatedAgo),
    ...input.user,
    ...(amr ? { amr: [...amr] } : {}),
    ...(acr === undefined ? {} : { acr }),
    ...(organization ? { org_id: organization.id } : {}),
    ...(organization?.name === undefined ? {} : { org_name: organization.name }),
  };
  return {
    user,
    idToken: text(input.idToken, 'idToken'),
    refreshToken: text(input.refreshToken, 'refreshToken'),
    tokenSets: (input.tokenSets ?? []).map((set, i) => tokenSet(set, i, now)),
    internal: { sid: newSessionId(), createdAt: now },
    ...(domain === undefined ? {} : { domain }),
  };
}

function tokenSet(set: TestTokenSet, i: number, now: number): StateData['tokenSets'][number] {
  if (!isRecord(set)) throw argumentError(`"tokenSets[${i}]" must be an object`, 'ERR_INVALID_ARG_TYPE');
  const expiresIn = set.expiresIn ?? 3600;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn))
    throw argumentError(`"tokenSets[${i}].expiresIn" must be a number of seconds`, 'ERR_INVALID_ARG_TYPE');
  return {
    audience: text(set.audience, `tokenSets[${i}].audience`) ?? DEFAULT_AUDIENCE,
    accessToken: text(set.accessToken, `tokenSets[${i}].accessToken`) ?? `test-at-${newSessionId()}`,
    scope: text(set.scope, `tokenSets[${i}].scope`),
    expiresAt: now + Math.floor(expiresIn),
  };
}
