import { j as Auth0Error, k as MfaRequiredError, l as MfaTokenExpiredError, m as MfaTokenInvalidError, n as SessionConfiguration, o as SessionCookieOptions } from './client-D4U9YiFC.js';
export { p as AccessTokenForConnectionOptions, q as ActClaim, A as Authenticator, e as Challenge, C as ChallengeOptions, r as CustomTokenExchangeOptions, D as DeleteAuthenticatorOptions, c as EnrollOptions, d as Enrollment, E as EnrollmentFactor, s as ErrorCode, t as ExchangedTokens, F as FactorType, G as GetAccessTokenOptions, L as LogoutOptions, u as MfaClient, v as MfaRequirement, w as MfaRequirements, h as MfaTokenContext, M as MfaVerifyResult, R as RequestSessionTransferTokenOptions, x as ServerAnswer, S as ServerClient, i as ServerClientOptions, a as SessionData, y as SessionTransferActor, z as SessionTransferTokenResult, b as StartInteractiveLoginOptions, T as TokenResponse, V as VerifyOptions, f as WaitForApprovalOptions, W as WithMfaToken } from './client-D4U9YiFC.js';
import { S as StateStore, a as CookieHandler, b as StateData, L as LogoutTokenClaims, c as TransactionStore, d as TransactionData, C as CookieSerializeOptions } from './coordinator-dbNHAbIA.js';
export { A as AbstractDataStore, e as AuthorizationParameters, f as ConnectionTokenSet, I as InternalStateData, T as TokenSet, U as UserClaims } from './coordinator-dbNHAbIA.js';
import { E as EncryptedStoreOptions } from './options-CTJe0A-j.js';
import { S as SessionStore } from './session-store-gaAjRqOa.js';
import 'oauth4webapi';
import 'jose';

/**
 * The authorization server could not be reached, did not answer within `httpTimeout`, or answered
 * with something that is not a well-formed response (an HTML error page, truncated JSON, a missing
 * field).
 *
 * - `request_failed`: the connection failed (DNS, refused, reset).
 * - `request_timeout`: no complete answer within `httpTimeout` milliseconds.
 * - `request_aborted`: the caller's `AbortSignal` aborted the operation; its reason is the `cause`.
 * - `invalid_response`: an answer arrived but could not be used.
 *
 * @example
 * ```ts
 * if (err instanceof RequestError && err.code === 'request_timeout') return res.status(503).end();
 * ```
 */
declare class RequestError extends Auth0Error {
    readonly code: 'request_failed' | 'request_timeout' | 'request_aborted' | 'invalid_response';
    /** @param answer the status of an answer that arrived but could not be used. */
    constructor(code: RequestError['code'], message: string, answer?: ConstructorParameters<typeof Auth0Error>[1], options?: {
        cause?: unknown;
    });
}

/**
 * The authorization server answered with an OAuth error (`error` / `error_description`) that has no
 * more specific class: `invalid_request`, `too_many_attempts`, `authorization_pending`, `slow_down`,
 * `expired_token`, `unauthorized_client`, ... Read `error`, `errorDescription`, `status` and
 * `retryAfter` for the details.
 *
 * @example
 * ```ts
 * if (err instanceof ServerError && err.error === 'too_many_attempts') wait(err.retryAfter);
 * ```
 */
declare class ServerError extends Auth0Error {
    readonly code: "server_error";
}

/**
 * The user must log in (again): there is no session, the session holds no refresh token, or the
 * authorization server rejected the refresh token (`error` is then `invalid_grant`). The session is
 * left as it was; redirect the user to the login route.
 *
 * @example
 * ```ts
 * if (err instanceof LoginRequiredError) return res.redirect('/auth/login');
 * ```
 */
declare class LoginRequiredError extends Auth0Error {
    readonly code: "login_required";
}

/**
 * The login callback could not be completed.
 *
 * - `missing_transaction`: no login transaction matches the callback's `state` (the transaction
 *   cookie named in `transaction` is missing or expired, the callback was already used, or the
 *   state was tampered with).
 * - `invalid_callback`: the callback URL carries an `error` from the server (then `error` and
 *   `errorDescription` are set) or lacks a code.
 *
 * @example
 * ```ts
 * if (err instanceof CallbackError && err.code === 'missing_transaction') return res.redirect('/auth/login');
 * ```
 */
declare class CallbackError extends Auth0Error {
    readonly code: 'missing_transaction' | 'invalid_callback';
    /** The name of the transaction cookie (or store key) that was looked up, when that failed. */
    readonly transaction: string | undefined;
    /** @param details the server's answer, and the `transaction` key that was looked up. */
    constructor(code: CallbackError['code'], message: string, details?: ConstructorParameters<typeof Auth0Error>[1] & {
        transaction?: string;
    }, options?: {
        cause?: unknown;
    });
    /** The safe fields and `transaction`. */
    toJSON(): Record<string, unknown>;
}

/**
 * An ID token failed validation.
 *
 * - `id_token_invalid`: its signature, or the claim named in `claim` (`iss`, `aud`, `azp`, `exp`,
 *   `iat`, `nonce`, `auth_time`, ...).
 * - `id_token_user_mismatch`: a valid ID token from a refresh or an MFA verify names another user
 *   (`claim` `sub`) or issuer (`iss`) than the session's. The session is left as it was; log the
 *   user out rather than retry.
 *
 * @example
 * ```ts
 * if (err instanceof IdTokenValidationError) logger.warn(`ID token refused (${err.claim ?? 'signature'})`);
 * ```
 */
declare class IdTokenValidationError extends Auth0Error {
    readonly code: 'id_token_invalid' | 'id_token_user_mismatch';
    /** The claim that failed, or `undefined` for the signature or the token's form. */
    readonly claim: string | undefined;
    /**
     * @param claim the claim that failed, if one did.
     * @param options.code default `id_token_invalid`.
     */
    constructor(message: string, claim?: string, options?: {
        cause?: unknown;
        code?: IdTokenValidationError['code'];
    });
    /** The safe fields and `claim`. */
    toJSON(): Record<string, unknown>;
}

/**
 * A back-channel logout request could not be honoured.
 *
 * - `logout_token_invalid`: the logout token failed validation (signature, `iss`, `aud`, `iat`,
 *   `events`, a `nonce` present, neither `sid` nor `sub`, a replayed `jti`); `claim` names which.
 * - `backchannel_logout_unsupported`: the state store cannot find sessions by `sid`/`sub` (a
 *   stateless cookie store lives in the browser, out of the server's reach).
 *
 * @example
 * ```ts
 * if (err instanceof BackchannelLogoutError) res.status(400).json({ error: err.code, claim: err.claim });
 * ```
 */
declare class BackchannelLogoutError extends Auth0Error {
    readonly code: 'logout_token_invalid' | 'backchannel_logout_unsupported';
    /** The claim that failed validation, when one did. */
    readonly claim: string | undefined;
    /** @param claim the claim that failed, for `logout_token_invalid`. */
    constructor(code: BackchannelLogoutError['code'], message: string, claim?: string, options?: {
        cause?: unknown;
    });
    /** The safe fields and `claim`. */
    toJSON(): Record<string, unknown>;
}

/**
 * A session does not fit the cookies of a `StatelessStateStore` even after its access token sets
 * were dropped (`size` bytes of `Set-Cookie` headers against a `limit` of 8192): browsers and servers
 * refuse such headers (HTTP 431), which would lock the user out. Keep fewer claims in the session,
 * or keep sessions on the server with a `StatefulStateStore`.
 *
 * @example
 * ```ts
 * if (err instanceof SessionTooLargeError) logger.error(`session of ${err.size} bytes: use a StatefulStateStore`);
 * ```
 */
declare class SessionTooLargeError extends Auth0Error {
    readonly code: "session_too_large";
    /** Bytes of `Set-Cookie` headers the session needed. */
    readonly size: number;
    /** The cap, in bytes. */
    readonly limit: number;
    /** @param size bytes the session needed; @param limit the cap. */
    constructor(size: number, limit: number);
    /** The safe fields, `size` and `limit`. */
    toJSON(): Record<string, unknown>;
}

/**
 * A session, transaction or replay store could not do its job. Both codes are retryable: nothing
 * was lost and the session is as it was before the call.
 *
 * - `store_unavailable`: the store's backend failed (Redis down, a timeout, a refused connection).
 *   It is never reported as "no session" or "missing transaction": an outage is not a logout.
 * - `lock_timeout`: another request held the session's lock for longer than the store waits (or
 *   this request lost its lease while it worked); try again shortly.
 *
 * `cause` holds the backend's error name and message only.
 *
 * @example
 * ```ts
 * if (err instanceof StoreError) return res.status(503).set('Retry-After', '1').end();
 * ```
 */
declare class StoreError extends Auth0Error {
    readonly code: 'store_unavailable' | 'lock_timeout';
    /** Always `true`: the same call may succeed when it is made again. */
    readonly retryable: true;
    /** @param options.cause the backend's failure; only its name and message are kept. */
    constructor(code: StoreError['code'], message: string, options?: {
        cause?: unknown;
    });
    /** The safe fields and `retryable`. */
    toJSON(): Record<string, unknown>;
}

/**
 * The authorization server refused to exchange the session's refresh token for a federated
 * connection's access token (Token Vault): the connection is unknown or not enabled for token
 * storage, the user has no account on it, or the upstream token could not be obtained. `error`,
 * `errorDescription` and `status` say what the server answered.
 *
 * @example
 * ```ts
 * if (err instanceof TokenForConnectionError) return res.redirect('/connect/google');
 * ```
 */
declare class TokenForConnectionError extends Auth0Error {
    readonly code: "token_for_connection_error";
}
/**
 * A token exchange (Custom Token Exchange, session transfer) failed. `code` is
 * `token_exchange_error` when the server refused it (`error`, `errorDescription` and `status` say
 * how: an unknown subject token type, a subject token the profile rejected, an actor the tenant
 * would not take), or `actor_unavailable` when a session transfer token was asked for without an
 * actor and the session has no ID token to act as one (raised before any request).
 */
declare class TokenExchangeError extends Auth0Error {
    readonly code: 'token_exchange_error' | 'actor_unavailable';
    constructor(code: 'token_exchange_error' | 'actor_unavailable', message: string, answer?: ConstructorParameters<typeof Auth0Error>[1], options?: {
        cause?: unknown;
    });
}

/**
 * Every error class this SDK throws, as a union discriminated by `code`: after
 * {@link isAuth0Error}, `switch (err.code)` narrows to the class, so `case 'mfa_required':` can read
 * `err.mfaToken`.
 *
 * @example
 * ```ts
 * function describe(err: AnyAuth0Error) { return `${err.code}: ${err.message}`; }
 * ```
 */
type AnyAuth0Error = RequestError | ServerError | LoginRequiredError | CallbackError | IdTokenValidationError | BackchannelLogoutError | SessionTooLargeError | MfaRequiredError | MfaTokenExpiredError | MfaTokenInvalidError | StoreError | TokenForConnectionError | TokenExchangeError;
/**
 * Whether `value` is an error thrown by this SDK, typed as the union of its classes.
 *
 * @example
 * ```ts
 * if (isAuth0Error(err)) {
 *   switch (err.code) {
 *     case 'mfa_required': return renderMfa(err.mfaToken);
 *     case 'login_required': return redirectToLogin();
 *   }
 * }
 * ```
 */
declare function isAuth0Error(value: unknown): value is AnyAuth0Error;

/**
 * The event a logout token must carry (OpenID Connect Back-Channel Logout 1.0, section 2.4).
 *
 * @example
 * ```ts
 * const isLogout = BACKCHANNEL_LOGOUT_EVENT in (decodeJwt(logoutToken).events ?? {});
 * ```
 */
declare const BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

/** Options of a {@link StatelessStateStore}. */
interface StatelessStateStoreOptions extends SessionConfiguration, EncryptedStoreOptions {
    /**
     * Where the app is served. Only decides the default of `cookie.secure`: cookies are `Secure`
     * unless this is plain `http:` on a loopback host.
     */
    appBaseUrl?: string | URL;
}
/**
 * Keeps the whole session in the browser, encrypted (JWE, `A256GCM`, a key derived from the secret
 * for sessions only) and split over cookies named `${identifier}.0`, `${identifier}.1`, ... Each
 * `Set-Cookie`, name and attributes included, stays within 4096 bytes; chunks a smaller session no
 * longer needs are deleted.
 *
 * The cookie is `HttpOnly`, `SameSite=Lax`, `Path=/` and `Secure` (see
 * {@link StatelessStateStoreOptions.appBaseUrl}), with `Max-Age` set to the session's remaining
 * life: `inactivityDuration` from each write for a rolling session, never past `absoluteDuration`
 * from its creation. A cookie that is expired, tampered with, truncated, missing a chunk, sealed
 * with a secret not configured, or not ours at all reads as no session; `get` never throws.
 *
 * Back-channel logout cannot reach a session that lives only in a browser: use a
 * {@link StatefulStateStore} for it.
 *
 * @example
 * const stateStore = new StatelessStateStore({ secret: process.env.AUTH0_SECRET!, appBaseUrl }, cookieHandler);
 */
declare class StatelessStateStore<TStoreOptions = unknown> implements StateStore<TStoreOptions> {
    #private;
    /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, a duration, `appBaseUrl`) that is invalid. */
    constructor(options: StatelessStateStoreOptions, cookieHandler: CookieHandler<TStoreOptions>);
    /** The session held in the `identifier` cookies, or `undefined`. Never throws. */
    get(identifier: string, storeOptions?: TStoreOptions): Promise<StateData | undefined>;
    /**
     * Writes `data` into the `identifier` cookies and deletes chunks left over from a larger session.
     * A session already past its absolute lifetime is deleted instead. When the cookies would take
     * more than {@link MAX_SESSION_COOKIE_BYTES}, the access token sets that expire first are left out
     * (a refresh gets them back) until they fit.
     *
     * @throws {TypeError} when `data` is not a session (no `internal.sid` / `internal.createdAt`).
     * @throws {SessionTooLargeError} `session_too_large` when the session does not fit even without
     *   token sets: nothing is written (use a {@link StatefulStateStore}).
     * @throws {RangeError} when `identifier` and the cookie attributes leave no room for a value.
     */
    set(identifier: string, data: StateData, _removeIfExists?: boolean, storeOptions?: TStoreOptions): Promise<void>;
    /** Deletes every `identifier` chunk cookie. */
    delete(identifier: string, storeOptions?: TStoreOptions): Promise<void>;
    /**
     * Always rejects: a session kept only in a browser cannot be found by `sid` or `sub`.
     *
     * @throws {BackchannelLogoutError} `backchannel_logout_unsupported`.
     */
    deleteByLogoutToken(): Promise<void>;
}

/** Options of a {@link StatefulStateStore}. */
interface StatefulStateStoreOptions<TStoreOptions = unknown> extends SessionConfiguration, EncryptedStoreOptions {
    /** Where the session data lives. */
    store: SessionStore<TStoreOptions>;
    /**
     * Where the app is served. Only decides the default of `cookie.secure`: cookies are `Secure`
     * unless this is plain `http:` on a loopback host.
     */
    appBaseUrl?: string | URL;
}
/**
 * Keeps sessions in a {@link SessionStore} backend; the cookie (named `identifier`, `HttpOnly`,
 * `SameSite=Lax`, `Path=/`, `Secure` as for {@link StatelessStateStore}) carries only a random
 * 256-bit session id, encrypted with a key derived for that purpose and expiring with the session's
 * inactivity window. The backend keeps each session exactly as long (its TTL follows the same
 * inactivity window and absolute lifetime).
 *
 * Because the server can find sessions, back-channel logout works ({@link deleteByLogoutToken}), and
 * a backend with a lock gives {@link withLock} across processes. A new login (`set` with
 * `removeIfExists`) deletes the old session and issues a new id, so an id planted before login is
 * worthless after it. An unreadable cookie reads as no session and never throws; a failing backend
 * does throw (an outage is not a logout).
 *
 * @example
 * const stateStore = new StatefulStateStore({ secret, store: new MemorySessionStore(), appBaseUrl }, cookieHandler);
 */
declare class StatefulStateStore<TStoreOptions = unknown> implements StateStore<TStoreOptions> {
    #private;
    /**
     * Runs `fn` holding this session's lock in the backend, across processes; without a session,
     * directly. Offered only when the backend has a lock: in one process the session owner's own lock
     * already runs one update at a time.
     */
    readonly withLock?: <T>(identifier: string, fn: () => Promise<T>, storeOptions?: TStoreOptions) => Promise<T>;
    /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, `store`, a duration, `appBaseUrl`) that is invalid. */
    constructor(options: StatefulStateStoreOptions<TStoreOptions>, cookieHandler: CookieHandler<TStoreOptions>);
    /**
     * The session whose id the `identifier` cookie carries, or `undefined`. A cookie whose session is
     * gone from the backend is deleted.
     *
     * @throws {Error} whatever the backend throws; never for the cookie.
     */
    get(identifier: string, storeOptions?: TStoreOptions): Promise<StateData | undefined>;
    /**
     * Writes `data` to the backend and (re)issues the id cookie. With `removeIfExists` (a new login)
     * the previous session is deleted and a new id issued. Without it (an update, such as a refresh),
     * a session the backend no longer has (logout or back-channel logout while the refresh ran, or
     * expiry) is not written back: the cookie is deleted instead. A session already past its absolute
     * lifetime is deleted instead.
     *
     * @throws {TypeError} naming `data` when it is not a session; whatever the backend throws.
     */
    set(identifier: string, data: StateData, removeIfExists?: boolean, storeOptions?: TStoreOptions): Promise<void>;
    /** Deletes the session from the backend and the cookie. */
    delete(identifier: string, storeOptions?: TStoreOptions): Promise<void>;
    /** Deletes the sessions a validated logout token names, through the backend. */
    deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
}

/** Options of a {@link CookieTransactionStore}. */
interface CookieTransactionStoreOptions extends EncryptedStoreOptions {
    /** Seconds a login may take from start to callback. Default 900 (15 minutes). */
    ttl?: number;
    /**
     * Cookie attributes; defaults as for the session cookie (`HttpOnly`, `SameSite=Lax`, `Path=/`,
     * `Secure` unless {@link appBaseUrl} is loopback http). Use `sameSite: 'none'` only for
     * `response_mode=form_post`.
     */
    cookie?: Omit<SessionCookieOptions, 'name'>;
    /** Where the app is served; decides the default of `cookie.secure`. */
    appBaseUrl?: string | URL;
}
/**
 * Keeps each login transaction in its own encrypted, short-lived cookie named after the identifier
 * it is given. The identifier must be unique per login (the ServerClient uses
 * `__a0_tx.<state>`), so two logins started in two tabs never overwrite each other. The cookie
 * expires after `ttl`, its content too (the expiry is sealed in, not only in `Max-Age`), and it is
 * deleted when the login completes. At most {@link MAX_TRANSACTIONS} transactions (cookies named
 * like `identifier` up to its last `.`) are kept: a new one drops the oldest. An unreadable cookie
 * reads as no transaction; `get` never throws.
 *
 * @example
 * const transactionStore = new CookieTransactionStore({ secret, appBaseUrl }, cookieHandler);
 */
declare class CookieTransactionStore<TStoreOptions = unknown> implements TransactionStore<TStoreOptions> {
    #private;
    /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, `ttl`, `appBaseUrl`) that is invalid. */
    constructor(options: CookieTransactionStoreOptions, cookieHandler: CookieHandler<TStoreOptions>);
    /** The transaction in the `identifier` cookie, or `undefined`. Never throws. */
    get(identifier: string, storeOptions?: TStoreOptions): Promise<TransactionData | undefined>;
    /**
     * Writes the transaction cookie.
     *
     * @throws {RangeError} when the sealed transaction does not fit one 4096-byte cookie (keep
     *   `appState` small).
     */
    set(identifier: string, data: TransactionData, _removeIfExists?: boolean, storeOptions?: TStoreOptions): Promise<void>;
    /** Deletes the transaction cookie. */
    delete(identifier: string, storeOptions?: TStoreOptions): Promise<void>;
}

/**
 * Sessions in a `Map` of this process, keyed by the identifier alone (so every caller shares one
 * session per identifier): for tests and scripts, not for a web app with more than one user.
 * Values are copied in and out, as a real store would serialize them.
 *
 * @example
 * const client = new ServerClient({ ...options, stateStore: new MemoryStateStore(), transactionStore: new MemoryTransactionStore() });
 */
declare class MemoryStateStore<TStoreOptions = unknown> implements StateStore<TStoreOptions> {
    #private;
    /** A copy of the session under `identifier`, or `undefined`. */
    get(identifier: string): Promise<StateData | undefined>;
    /** Stores a copy of `data` under `identifier`. */
    set(identifier: string, data: StateData): Promise<void>;
    /** Removes the session under `identifier`. */
    delete(identifier: string): Promise<void>;
    /** Deletes every session the logout token's `sid`/`sub` (and `iss`) name. */
    deleteByLogoutToken(claims: LogoutTokenClaims): Promise<void>;
}

/**
 * Login transactions in a `Map` of this process, for tests and scripts. Each entry expires after
 * `ttl` seconds (default 15 minutes), like the cookie store's. Values are copied in and out.
 */
declare class MemoryTransactionStore<TStoreOptions = unknown> implements TransactionStore<TStoreOptions> {
    #private;
    /** @throws {TypeError} when `ttl` is not a positive number. */
    constructor(options?: {
        ttl?: number;
    });
    /** A copy of the transaction under `identifier`, or `undefined` once it has expired. */
    get(identifier: string): Promise<TransactionData | undefined>;
    /** Stores a copy of `data` under `identifier`, for `ttl` seconds. */
    set(identifier: string, data: TransactionData): Promise<void>;
    /** Removes the transaction under `identifier`. */
    delete(identifier: string): Promise<void>;
}

/**
 * A {@link SessionStore} in this process's memory, indexed by the user's `sid` and `sub` so that
 * back-channel logout finds sessions without a scan. Sessions vanish on restart and are not shared
 * between instances: use it for development, tests, and single-process deployments.
 *
 * @example
 * const stateStore = new StatefulStateStore({ secret, store: new MemorySessionStore() }, cookies);
 */
declare class MemorySessionStore<TStoreOptions = unknown> implements SessionStore<TStoreOptions> {
    #private;
    /** The number of sessions held (expired ones included until they are next looked at). */
    get size(): number;
    /** A copy of the session under `id`, or `undefined` once it has expired. */
    get(id: string): Promise<StateData | undefined>;
    /** Stores a copy of `data` under `id`, for `ttlSeconds` when given, and indexes it by `sid` and `sub`. */
    set(id: string, data: StateData, ttlSeconds?: number): Promise<void>;
    /** Replaces the session under `id` only while it exists (and has not expired); `false` otherwise. */
    update(id: string, data: StateData, ttlSeconds: number): Promise<boolean>;
    /** Removes the session under `id`. */
    delete(id: string): Promise<void>;
    /** Removes every session the logout token's `sid`/`sub` (and `iss`) name, found through the index. */
    deleteByLogoutToken(claims: LogoutTokenClaims): Promise<void>;
}

/**
 * Serializes a cookie as the value of a `Set-Cookie` header. The value is written as it is (no
 * URL-encoding): the stores only write base64url and dots.
 *
 * @throws {TypeError} naming `name`, `value` or the attribute when it holds characters a cookie cannot carry.
 * @example
 * res.setHeader('Set-Cookie', serializeCookie('__a0_session.0', value, { httpOnly: true, path: '/' }));
 */
declare function serializeCookie(name: string, value: string, options?: CookieSerializeOptions): string;
/**
 * Parses a `Cookie` request header into name/value pairs. The first occurrence of a name wins (the
 * browser sends the cookie with the most specific path first); `%`-escapes are decoded when valid.
 *
 * @throws {TypeError} naming `header` when it is not a string.
 * @example
 * const cookies = parseCookieHeader(req.headers.cookie ?? '');
 */
declare function parseCookieHeader(header: string): Record<string, string>;

export { type AnyAuth0Error, Auth0Error, BACKCHANNEL_LOGOUT_EVENT, BackchannelLogoutError, CallbackError, CookieHandler, CookieSerializeOptions, CookieTransactionStore, type CookieTransactionStoreOptions, EncryptedStoreOptions, IdTokenValidationError, LoginRequiredError, LogoutTokenClaims, MemorySessionStore, MemoryStateStore, MemoryTransactionStore, MfaRequiredError, MfaTokenExpiredError, MfaTokenInvalidError, RequestError, ServerError, SessionConfiguration, SessionCookieOptions, SessionStore, SessionTooLargeError, StateData, StateStore, StatefulStateStore, type StatefulStateStoreOptions, StatelessStateStore, type StatelessStateStoreOptions, StoreError, TokenExchangeError, TokenForConnectionError, TransactionData, TransactionStore, isAuth0Error, parseCookieHeader, serializeCookie };
