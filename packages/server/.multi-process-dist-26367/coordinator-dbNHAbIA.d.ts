/** Claims about the user, from the validated ID token. */
interface UserClaims {
    sub: string;
    name?: string;
    nickname?: string;
    given_name?: string;
    family_name?: string;
    picture?: string;
    email?: string;
    email_verified?: boolean;
    org_id?: string;
    [key: string]: unknown;
}
/** An access token for one audience (and scope), as kept in the session and returned by `getAccessToken`. */
interface TokenSet {
    /** The API the token is for (`'default'` when no audience is configured). */
    audience: string;
    /** The access token, to send as `Authorization: Bearer`. */
    accessToken: string;
    /** The scope the server granted, or the one requested when it did not say. */
    scope?: string | undefined;
    /** Unix time in seconds. */
    expiresAt: number;
}
/**
 * An access token for a federated connection (Token Vault), as kept in the session and returned by
 * `getAccessTokenForConnection`: the upstream provider's token (Google, GitHub, ...), not an Auth0 one.
 */
interface ConnectionTokenSet {
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
interface InternalStateData {
    /** The session id: random, stable for the life of the session; what mfa tokens are bound to. */
    sid: string;
    /** Unix time in seconds the session was created (for the absolute lifetime). */
    createdAt: number;
}
/** The session, in the shape `@auth0/auth0-server-js` stores it. */
interface StateData {
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
    [key: string]: unknown;
}
/** A login in flight, kept from `startInteractiveLogin` to `completeInteractiveLogin`. */
interface TransactionData {
    /** The PKCE verifier of the authorization request. */
    codeVerifier: string;
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
    /**
     * The hash of the key the starting browser holds in its binding cookie: only that browser may
     * complete the login. A store must give it back as it was stored.
     */
    binding?: string;
    [key: string]: unknown;
}
/** The claims of a validated logout token that identify the sessions to end. */
interface LogoutTokenClaims {
    /** The user whose sessions end (all of them when `sid` is absent). */
    sub?: string;
    /** The session at the authorization server: the local sessions created under it end. */
    sid?: string;
    /** The issuer, which must be this client's. */
    iss?: string;
}
/** A keyed store; the same three methods as `@auth0/auth0-server-js`. */
interface AbstractDataStore<TData, TStoreOptions = unknown> {
    /** Stores `data` under `identifier`; `removeIfExists` (a new login) first removes what was there. */
    set(identifier: string, data: TData, removeIfExists?: boolean, storeOptions?: TStoreOptions): Promise<void>;
    /** The data under `identifier`, or `undefined`. */
    get(identifier: string, storeOptions?: TStoreOptions): Promise<TData | undefined>;
    /** Removes the data under `identifier`. */
    delete(identifier: string, storeOptions?: TStoreOptions): Promise<void>;
}
/** Where sessions live. */
interface StateStore<TStoreOptions = unknown> extends AbstractDataStore<StateData, TStoreOptions> {
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
interface ReplayStore {
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
type TransactionStore<TStoreOptions = unknown> = AbstractDataStore<TransactionData, TStoreOptions>;
/** Options for a cookie, as a {@link CookieHandler} receives them. `maxAge` is in seconds. */
interface CookieSerializeOptions {
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
interface CookieHandler<TStoreOptions> {
    /** Sets cookie `name` on the response. */
    setCookie(name: string, value: string, options?: CookieSerializeOptions, storeOptions?: TStoreOptions): void;
    /** The request's cookie `name`, or `undefined`. */
    getCookie(name: string, storeOptions?: TStoreOptions): string | undefined;
    /** Every cookie of the request, by name. */
    getCookies(storeOptions?: TStoreOptions): Record<string, string>;
    /** Expires cookie `name` (with the attributes it was set with). */
    deleteCookie(name: string, storeOptions?: TStoreOptions, options?: CookieSerializeOptions): void;
}
/** Parameters sent to `/authorize` (and kept for the code exchange). Unknown keys are passed through. */
interface AuthorizationParameters {
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

/**
 * Coordinates the sessions of several processes (instances, serverless invocations) through a store
 * they share: a lock per session, and values the lock holder shares with the processes that waited
 * for it. The ServerClient takes one as its `coordinator` option; `auth0-server-ts/redis` has
 * `RedisCoordinator`. A refresh token is then redeemed once per session, whichever process
 * refreshes, also for stateless cookie sessions (the session lives in the browser, so each process
 * files the shared answer into its own response).
 *
 * What an implementation must guarantee (docs/multi-instance.md, "The store contract"):
 * - `withLock`: mutual exclusion per `key` across every process using the same store; a bounded wait
 *   (then `StoreError` `lock_timeout`); a holder that dies releases the lock within a short lease; a
 *   holder that lost its lease cannot share any more (fencing). Session writes are fenced by the
 *   state store's own lock, which the session owner takes inside this one.
 * - `share` / `shared`: a value written while holding `key`'s lock is readable by the next holders
 *   for `ttlSeconds`, then gone. Values arrive encrypted; the store keeps them as they are.
 * - Every failure of the backend is a `StoreError` (`store_unavailable`), never "nothing there".
 *
 * @example
 * ```ts
 * const client = new ServerClient({ ...options, coordinator: new RedisCoordinator({ client: redis }) });
 * ```
 */
interface SessionCoordinator {
    /**
     * Runs `fn` while holding the lock named `key` in every process sharing this coordinator.
     *
     * @throws {StoreError} `lock_timeout` when the lock stays taken longer than the bounded wait;
     *   `store_unavailable` when the backend fails.
     */
    withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
    /**
     * Shares `value` under `key`'s lock as `name`, for `ttlSeconds`. Only a current holder of `key`'s
     * lock may share: a holder whose lease expired gets `StoreError` `lock_timeout` and nothing is written.
     */
    share(key: string, name: string, value: string, ttlSeconds: number): Promise<void>;
    /** The value shared as `name` under `key`, or `undefined` when none is (or it has expired). */
    shared(key: string, name: string): Promise<string | undefined>;
}

export type { AbstractDataStore as A, CookieSerializeOptions as C, InternalStateData as I, LogoutTokenClaims as L, ReplayStore as R, StateStore as S, TokenSet as T, UserClaims as U, CookieHandler as a, StateData as b, TransactionStore as c, TransactionData as d, AuthorizationParameters as e, ConnectionTokenSet as f, SessionCoordinator as g };
