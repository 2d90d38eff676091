/** Claims about the user, from the validated ID token. */
export interface UserClaims {
  sub: string;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  email?: string;
  email_verified?: boolean;
  /** The organization the user logged in to (its `org_…` id). */
  org_id?: string;
  /** The organization's name, when the tenant adds it. */
  org_name?: string;
  [key: string]: unknown;
}

/** An access token for one audience (and scope), as kept in the session and returned by `getAccessToken`. */
export interface TokenSet {
  /** The API the token is for (`'default'` when no audience is configured). */
  audience: string;
  /** The access token, to send as `Authorization: Bearer` (or with `getDPoPHeaders` when `tokenType` is `DPoP`). */
  accessToken: string;
  /** The scope the server granted, or the one requested when it did not say. */
  scope?: string | undefined;
  /** Unix time in seconds. */
  expiresAt: number;
  /**
   * `DPoP` when the token is bound to the client's DPoP key (RFC 9449): send it with the headers of
   * `getDPoPHeaders`, never as a bearer token. Absent for a `Bearer` token (the peer's shape).
   */
  tokenType?: string | undefined;
}

/**
 * An access token for a federated connection (Token Vault), as kept in the session and returned by
 * `getAccessTokenForConnection`: the upstream provider's token (Google, GitHub, ...), not an Auth0 one.
 */
export interface ConnectionTokenSet {
  /** The upstream provider's access token. */
  accessToken: string;
  /** The scope the upstream token carries, when the server said. */
  scope: string | undefined;
  /** Unix time in seconds. */
  expiresAt: number;
  /** The connection's name (`google-oauth2`, ...). */
  connection: string;
  /** The `login_hint` it was requested with, when one was given. */
  loginHint?: string;
}

/** What the session knows about itself. */
export interface InternalStateData {
  /** The session id: random, stable for the life of the session; what mfa tokens are bound to. */
  sid: string;
  /** Unix time in seconds the session was created (for the absolute lifetime). */
  createdAt: number;
  /** The organization (id or name) the login asked for: every later ID token must name it too. */
  organization?: string;
}

/** The session, in the shape `@auth0/auth0-server-js` stores it. */
export interface StateData {
  /** The claims of the last validated ID token. */
  user: UserClaims | undefined;
  /** The last ID token the server issued (for `id_token_hint` at logout). */
  idToken: string | undefined;
  /** The refresh token, rotated on each refresh when the server rotates them. */
  refreshToken: string | undefined;
  /** One access token per audience and scope. */
  tokenSets: TokenSet[];
  /** One upstream access token per federated connection (Token Vault), once one was asked for. */
  connectionTokenSets?: ConnectionTokenSet[];
  /** The session's own id and creation time. */
  internal: InternalStateData;
  /**
   * Unix seconds: the IPSIE `session_expiry` of the login's ID token, which the session never
   * outlives (it ends 30 s before); the same field as `@auth0/auth0-server-js`.
   */
  sessionExpiresAt?: number;
  /**
   * The Auth0 domain the session was made on (`https://tenant.auth0.com`; the peer writes the bare
   * host): read under another domain, it is no session. Absent in sessions written before it was
   * recorded, which only a client with one static domain reads.
   */
  domain?: string;
  [key: string]: unknown;
}

/** The session as `getSession` returns it: the stored session without the SDK's internal fields. */
export interface SessionData {
  user: UserClaims | undefined;
  idToken: string | undefined;
  refreshToken: string | undefined;
  tokenSets: TokenSet[];
  /** The Token Vault tokens, one per connection, once `getAccessTokenForConnection` fetched one. */
  connectionTokenSets?: ConnectionTokenSet[];
  [key: string]: unknown;
}

/**
 * The `beforeSessionSaved` option: shapes what a session keeps of the user's claims before it is
 * written (the name and arguments of nextjs-auth0 v4's hook). It receives a copy of the session as
 * `getSession` would return it, with every claim of the validated ID token in `user`, and the raw ID
 * token (`undefined` when the answer had none); it returns the session to write, or a promise of it.
 *
 * Only `user` may differ from what it received: every other field (the tokens, `sessionExpiresAt`,
 * `domain`, ...) must come back as it was, or nothing is written and the call throws
 * `SessionHookError` `session_hook_invalid`. In `user`, the claims the SDK itself reads (`sub`,
 * `iss`, `sid`) are kept from the ID token when the hook drops them, and may not be changed.
 */
export type BeforeSessionSavedHook = (
  session: SessionData,
  idToken: string | undefined,
) => SessionData | Promise<SessionData>;

/**
 * What `updateSession` takes: the session to write, or a function from the session as it is inside
 * the session's lock to the one to write (use it when other requests may update the same session).
 * As for {@link BeforeSessionSavedHook}, only `user` may differ, and `sub`, `iss`, `sid` stay.
 */
export type SessionUpdate = SessionData | ((session: SessionData) => SessionData | Promise<SessionData>);

/** A login in flight, kept from `startInteractiveLogin` to `completeInteractiveLogin`. */
export interface TransactionData {
  /**
   * The PKCE verifier of the authorization request. A magic-link transaction (`flow: 'magic_link'`)
   * has none: Auth0's magic link carries no PKCE challenge, and its `state` and browser binding are
   * what tie it to its start.
   */
  codeVerifier?: string;
  /** The `state` sent, which the callback must carry back. */
  state?: string;
  /** The `nonce` sent, which the ID token must carry. */
  nonce?: string;
  /** The audience and scope asked for, under which the first access token is stored. */
  audience?: string;
  scope?: string;
  /** The `redirect_uri` sent, which the code exchange must repeat. */
  redirectUri?: string;
  /** The `max_age` sent, so that `auth_time` is checked. */
  maxAge?: number;
  /** What the app passed to `startInteractiveLogin`, returned by `completeInteractiveLogin`. */
  appState?: unknown;
  /** The organization (id or name) the login asked for, which the ID token must name. */
  organization?: string;
  /**
   * The hash of the key the starting browser holds in its binding cookie: only that browser may
   * complete the login. A store must give it back as it was stored.
   */
  binding?: string;
  /** The Auth0 domain the login started on, where its code is exchanged (`https://tenant.auth0.com`). */
  domain?: string;
  [key: string]: unknown;
}

/** The claims of a validated logout token that identify the sessions to end. */
export interface LogoutTokenClaims {
  /** The user whose sessions end (all of them when `sid` is absent). */
  sub?: string;
  /** The session at the authorization server: the local sessions created under it end. */
  sid?: string;
  /** The issuer, which must be this client's. */
  iss?: string;
}

/** A keyed store; the same three methods as `@auth0/auth0-server-js`. */
export interface AbstractDataStore<TData, TStoreOptions = unknown> {
  /** Stores `data` under `identifier`; `removeIfExists` (a new login) first removes what was there. */
  set(identifier: string, data: TData, removeIfExists?: boolean, storeOptions?: TStoreOptions): Promise<void>;
  get(identifier: string, storeOptions?: TStoreOptions): Promise<TData | undefined>;
  delete(identifier: string, storeOptions?: TStoreOptions): Promise<void>;
}

/** Where sessions live. */
export interface StateStore<TStoreOptions = unknown> extends AbstractDataStore<StateData, TStoreOptions> {
  /** Deletes every session the validated logout token's claims name (back-channel logout). */
  deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
  /**
   * Optional: runs `fn` while holding a lock on the session `identifier`, so that one refresh runs at
   * a time for a session even across processes (a Redis store implements it). Without it, the client
   * still shares one refresh among concurrent callers in this process.
   */
  withLock?<T>(identifier: string, fn: () => Promise<T>, storeOptions?: TStoreOptions): Promise<T>;
}

/**
 * Remembers the logout tokens (`jti`) already acted on, so that each is accepted once. The default
 * lives in the process's memory; share one (`RedisReplayStore` from `auth0-server-ts/redis`) so a
 * token replayed to another instance is refused too.
 *
 * The SDK asks `has` before acting on a token and calls `add` only after the token's sessions are
 * deleted, so an `add` that failed yet is applied later (a Redis client resending after a reconnect)
 * only records a logout that took effect. A failure is thrown, never read as "not recorded".
 *
 * @example
 * ```ts
 * const client = new ServerClient({ ...options, replayStore: new RedisReplayStore({ client: redis }) });
 * ```
 */
export interface ReplayStore {
  /** Whether `id` is recorded and not expired. */
  has(id: string): Promise<boolean> | boolean;
  /**
   * Records `id` until `expiresAt` (Unix milliseconds), atomically: `true` for the first caller,
   * `false` when `id` is already recorded and not expired.
   */
  add(id: string, expiresAt: number): Promise<boolean> | boolean;
  /** Forgets `id`: a token with that `jti` is accepted again. */
  remove(id: string): Promise<void> | void;
}

/** Where login transactions live. */
export type TransactionStore<TStoreOptions = unknown> = AbstractDataStore<TransactionData, TStoreOptions>;

/** Options for a cookie, as a {@link CookieHandler} receives them. `maxAge` is in seconds. */
export interface CookieSerializeOptions {
  domain?: string;
  expires?: Date;
  httpOnly?: boolean;
  /** Seconds (not milliseconds, as Express's `res.cookie` would take). */
  maxAge?: number;
  path?: string;
  secure?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  partitioned?: boolean;
  priority?: 'low' | 'medium' | 'high';
}

/**
 * Reads and writes cookies for a framework; the same interface as `@auth0/auth0-server-js`.
 *
 * @example
 * ```ts
 * const cookieHandler: CookieHandler<{ req: IncomingMessage; res: ServerResponse }> = {
 *   getCookie: (name, o) => parseCookieHeader(o?.req.headers.cookie ?? '')[name],
 *   getCookies: (o) => parseCookieHeader(o?.req.headers.cookie ?? ''),
 *   setCookie: (name, value, options, o) => o?.res.appendHeader('Set-Cookie', serializeCookie(name, value, options)),
 *   deleteCookie: (name, o, options) =>
 *     o?.res.appendHeader('Set-Cookie', serializeCookie(name, '', { ...options, maxAge: 0 })),
 * };
 * ```
 */
export interface CookieHandler<TStoreOptions> {
  /** Sets cookie `name` on the response. */
  setCookie(
    name: string,
    value: string,
    options?: CookieSerializeOptions,
    storeOptions?: TStoreOptions,
  ): void;
  /** The request's cookie `name`, or `undefined`. */
  getCookie(name: string, storeOptions?: TStoreOptions): string | undefined;
  /** Every cookie of the request, by name. */
  getCookies(storeOptions?: TStoreOptions): Record<string, string>;
  /** Expires cookie `name` (with the attributes it was set with). */
  deleteCookie(name: string, storeOptions?: TStoreOptions, options?: CookieSerializeOptions): void;
}

/** Parameters sent to `/authorize` (and kept for the code exchange). Unknown keys are passed through. */
export interface AuthorizationParameters {
  /** Where the server sends the user back to; required for interactive login. */
  redirect_uri?: string;
  /** The API the access token is for. */
  audience?: string;
  /** Space-separated scopes; `openid` is always added. Default `openid profile email offline_access`. */
  scope?: string;
  /** Seconds since the last authentication the user may be; when sent, `auth_time` is checked. */
  max_age?: number;
  [key: string]: unknown;
}
