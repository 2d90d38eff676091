import { b as StateData, e as AuthorizationParameters, S as StateStore, c as TransactionStore, a as CookieHandler, g as SessionCoordinator, R as ReplayStore, T as TokenSet, U as UserClaims, f as ConnectionTokenSet } from './coordinator-dbNHAbIA.js';
import * as oauth from 'oauth4webapi';
import { JWTVerifyGetKey } from 'jose';

/** The fetch signature every request to the authorization server goes through. */
type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How the client authenticates: to oauth4webapi's requests, and to Auth0's JSON MFA endpoints. */
interface ClientAuthentication {
    /** For oauth4webapi's token, PAR and revocation requests. */
    readonly auth: oauth.ClientAuth;
    /**
     * The body fields that authenticate the client to a JSON endpoint (`/mfa/associate`,
     * `/mfa/challenge`): those endpoints take client authentication in the body, and `/mfa/associate`
     * needs `Authorization` for the bearer mfa token, so `client_secret_basic` credentials go in the
     * body there too.
     */
    bodyFields(as: oauth.AuthorizationServer, client: oauth.Client): Promise<Record<string, string>>;
}

/** Options to pass to every oauth4webapi call so it uses the funnel. */
type OauthCallOptions = {
    [oauth.customFetch]: FetchLike;
    [oauth.allowInsecureRequests]?: boolean;
};

/** How long the key set is kept. */
interface KeyResolverOptions {
    /** Milliseconds before the key set is refetched, so a key removed from it stops verifying. Default {@link JWKS_CACHE_MAX_AGE}. */
    cacheMaxAge?: number | undefined;
    /** Milliseconds after a fetch before an unknown `kid` may refetch. Default {@link JWKS_COOLDOWN}. */
    cooldown?: number | undefined;
}
/**
 * jose's key lookup, plus `ready()`: loads the key set now when it is not fresh (never fetched, or
 * older than `cacheMaxAge`); a no-op otherwise. Called before a grant that spends a one-time
 * credential, so that a JWKS outage fails the call while the credential is still unspent.
 */
type KeyResolver = JWTVerifyGetKey & {
    /** @throws {RequestError} when the key set (or the discovery naming it) cannot be fetched. */
    ready(): Promise<void>;
};

/**
 * Every literal `code` an error thrown by this SDK can carry. `switch (err.code)` over an
 * {@link Auth0Error} narrows to the concrete class.
 */
type ErrorCode = 'request_failed' | 'request_timeout' | 'request_aborted' | 'invalid_response' | 'server_error' | 'login_required' | 'missing_transaction' | 'invalid_callback' | 'id_token_invalid' | 'id_token_user_mismatch' | 'logout_token_invalid' | 'backchannel_logout_unsupported' | 'session_too_large' | 'mfa_required' | 'mfa_token_expired' | 'mfa_token_invalid' | 'store_unavailable' | 'lock_timeout' | 'token_for_connection_error' | 'token_exchange_error' | 'actor_unavailable';
/** What an authorization server said when its answer caused the error. */
interface ServerAnswer {
    /** The OAuth `error` string: `invalid_grant`, `authorization_pending`, `slow_down`, ... */
    error?: string | undefined;
    /** The server's `error_description`. */
    errorDescription?: string | undefined;
    /** The HTTP status of the answer. */
    status?: number | undefined;
    /** Seconds from a `Retry-After` header, when the server sent one. */
    retryAfter?: number | undefined;
}
/**
 * The base class of every error this SDK throws.
 *
 * Messages are written by the SDK and never contain a token, code, secret or cookie value; `cause`
 * holds only a sanitized copy of what went wrong underneath, and `toJSON()` emits the same safe fields.
 *
 * @example
 * ```ts
 * if (err instanceof Auth0Error) logger.warn(err.toJSON());
 * ```
 */
declare abstract class Auth0Error extends Error {
    /** What failed, as a stable literal to `switch` on. */
    abstract readonly code: ErrorCode;
    /** The server's OAuth `error` string, when a server answer caused the error. */
    readonly error: string | undefined;
    /** The server's `error_description`. */
    readonly errorDescription: string | undefined;
    /** The HTTP status of the server's answer. */
    readonly status: number | undefined;
    /** Seconds the server asked to wait (`Retry-After`) before trying again. */
    readonly retryAfter: number | undefined;
    /**
     * @param message written by the SDK; never a token, code, secret or cookie value.
     * @param answer what the server said, when it answered.
     * @param options.cause a sanitized copy of the underlying failure.
     */
    constructor(message: string, answer?: ServerAnswer, options?: {
        cause?: unknown;
    });
    /** The safe fields, for logging: `JSON.stringify(err)` gives the same. */
    toJSON(): Record<string, unknown>;
}

/**
 * A factor type the server asks for, as found in `mfa_requirements`.
 *
 * @example
 * ```ts
 * const wantsPhone = err.mfaRequirements?.challenge?.some((r: MfaRequirement) => r.type === 'phone');
 * ```
 */
interface MfaRequirement {
    /** `otp`, `phone`, `email`, `push-notification`, `recovery-code`, `webauthn-roaming`, ... */
    type: string;
}
/**
 * What the server said the user must do: challenge an enrolled factor, or enroll one.
 *
 * @example
 * ```ts
 * const mustEnroll = (err.mfaRequirements?.enroll?.length ?? 0) > 0;
 * ```
 */
interface MfaRequirements {
    /** Factors the user has enrolled and may be challenged with. */
    challenge?: MfaRequirement[];
    /** Factors the user may enroll, having none yet. */
    enroll?: MfaRequirement[];
}
/**
 * The authorization server requires multi-factor authentication before it issues the requested
 * tokens. `mfaToken` is the SDK-encrypted token (bound to this client and, when there is one, to the
 * session): pass it as it is to the `client.mfa` methods. The raw token never leaves the server side.
 *
 * @example
 * ```ts
 * if (err instanceof MfaRequiredError) return res.render('mfa', { mfaToken: err.mfaToken });
 * ```
 */
declare class MfaRequiredError extends Auth0Error {
    readonly code: "mfa_required";
    /**
     * The encrypted, expiring, bound mfa token; safe to carry through the browser. Not enumerable and
     * not in `toJSON()`, so logging the error (`console.error(err)`, `JSON.stringify(err)`) does not
     * write even the sealed token to the logs; read it explicitly.
     */
    readonly mfaToken: string;
    /** What the server asks for: factors to challenge or to enroll. */
    readonly mfaRequirements: MfaRequirements | undefined;
    /** @param mfaToken the ENCRYPTED token; the raw one must never reach an error. */
    constructor(mfaToken: string, mfaRequirements: MfaRequirements | undefined, answer?: ServerAnswer);
    /** The safe fields and `mfaRequirements`; the mfa token is left out (see {@link mfaToken}). */
    toJSON(): Record<string, unknown>;
}
/**
 * The encrypted mfa token is past its expiry: start the flow again.
 *
 * @example
 * ```ts
 * if (err instanceof MfaTokenExpiredError) return res.redirect('/auth/login');
 * ```
 */
declare class MfaTokenExpiredError extends Auth0Error {
    readonly code: "mfa_token_expired";
}
/**
 * The encrypted mfa token cannot be used: tampered with, sealed with a key this deployment does not
 * have, issued to another session or client, or not a token at all.
 *
 * @example
 * ```ts
 * if (err instanceof MfaTokenInvalidError) return res.status(400).send('Start the sign-in again');
 * ```
 */
declare class MfaTokenInvalidError extends Auth0Error {
    readonly code: "mfa_token_invalid";
}

/** How a server's `invalid_grant` reads for the operation at hand. */
type InvalidGrantMeaning = 'login_required' | 'server_error';
/**
 * An OAuth error answer as the server sent it, before it is mapped: what the transport's
 * `onErrorAnswer` hook sees. `body` may hold credentials (Auth0's `mfa_required` carries a token):
 * it never leaves the transport as it is.
 */
interface ErrorAnswer {
    /** The parsed JSON body; its `error` is a string. */
    body: Record<string, unknown>;
    /** The fields of the answer every SDK error may carry. */
    answer: ServerAnswer;
}

/** One call to a JSON endpoint that discovery does not list (Auth0's MFA API). */
interface JsonRequest {
    method: 'GET' | 'POST' | 'DELETE';
    /** JSON body; client authentication fields are added to it when `authenticate` is set. */
    body?: Record<string, unknown>;
    /** Sends `Authorization: Bearer <token>`. */
    bearer?: string;
    /** Adds the client's authentication (`client_id` and its credentials) to the body. */
    authenticate?: boolean;
}

/** Per-call options of {@link Transport.run} and {@link Transport.json}. */
interface RunOptions<TBinding = unknown> {
    /** Whether an `invalid_grant` means the user must log in again (refresh) or is a plain server error. */
    invalidGrant?: InvalidGrantMeaning;
    /** Handed to `onErrorAnswer` with an error answer of this call (what a sealed token is bound to). */
    binding?: TBinding;
}
/** What a {@link Transport} is built from; the ServerClient wires it from the resolved configuration. */
interface TransportOptions<TBinding = unknown> {
    /** The issuer identifier, with its trailing slash (`https://tenant.auth0.com/`). */
    issuer: URL;
    clientId: string;
    /** From `createClientAuth`: how the client authenticates to every endpoint that needs it. */
    clientAuth: ClientAuthentication;
    /** The funnel fetch (see `createFunnelFetch`): timeout, retries and buffering already applied. */
    fetch: FetchLike;
    /** Seconds of clock tolerance for JWT time claims. */
    clockTolerance: number;
    /**
     * Sees every OAuth error answer before it is mapped, and may turn it into an error of a layer above
     * (the MFA layer seals `mfa_required` here, so its raw token never leaves the transport);
     * `undefined` leaves it to the default mapping.
     */
    onErrorAnswer?(answer: ErrorAnswer, binding: TBinding | undefined): Promise<Error> | undefined;
    /** How long the JWKS is kept: `cacheMaxAge` 10 minutes and `cooldown` 30 s by default. */
    jwks?: KeyResolverOptions | undefined;
}
/**
 * The single way this SDK talks to the authorization server: discovery (`discovery.ts`), the JWKS
 * (`jwks.ts`), client authentication (`client-auth.ts`) and JSON calls (`json.ts`) over one funnel
 * fetch, with every failure mapped to this SDK's errors in one place ({@link normalizeError}).
 */
declare class Transport<TBinding = unknown> {
    #private;
    /** The oauth4webapi client: the client id and the clock tolerance. */
    readonly client: oauth.Client;
    /**
     * The server's signing keys, for jose's `jwtVerify`: refetched after 10 minutes, so a removed key
     * stops verifying, and once for an unknown `kid` (at most every 30 s). `keys.ready()` loads them
     * ahead of a grant that spends a one-time credential.
     */
    readonly keys: KeyResolver;
    /** The authorization server's metadata, discovered once. */
    readonly metadata: () => Promise<oauth.AuthorizationServer>;
    /** The options object that routes an oauth4webapi call through the funnel. */
    readonly call: OauthCallOptions;
    constructor(options: TransportOptions<TBinding>);
    /** Seconds of clock skew tolerated on JWT time claims. */
    get clockTolerance(): number;
    /** The issuer identifier, with its trailing slash. */
    get issuer(): URL;
    /** The client authentication, for oauth4webapi's token, PAR and revocation requests. */
    get clientAuth(): oauth.ClientAuth;
    /**
     * Runs an oauth4webapi request and its processing, mapping every failure to this SDK's errors.
     * `invalidGrant` says whether an `invalid_grant` means the user must log in again.
     */
    run<T>(operation: (as: oauth.AuthorizationServer) => Promise<T>, options?: RunOptions<TBinding>): Promise<T>;
    /**
     * Calls one of Auth0's JSON endpoints that discovery does not list (the MFA API), relative to the
     * issuer. Answers 204 as `undefined`; an error body becomes the matching SDK error.
     */
    json(path: string, request: JsonRequest, options?: RunOptions<TBinding>): Promise<unknown>;
}

/**
 * The session after a refresh that redeemed its refresh token (see {@link refreshed}). The old
 * refresh token may be spent, so the session owner never drops this one: when the store fails, it
 * keeps it and files the same answer (`refile`) into the session as the store still has it.
 */
declare class RedeemedSession {
    /** The next session. */
    readonly session: StateData;
    /** Files the same answer into another copy of the session (the one the store holds). */
    readonly refile: (state: StateData) => StateData;
    constructor(
    /** The next session. */
    session: StateData, 
    /** Files the same answer into another copy of the session (the one the store holds). */
    refile: (state: StateData) => StateData);
}

/**
 * What an update's function returns: the next session, `null` to end the session, or `current` as it
 * came (`undefined` when there was none) to leave the store untouched. Written where there was no
 * session, or with another `internal.sid` than `current`'s, it is a new session: the store drops
 * what the request's identifier pointed at and issues a new id, so an id planted before a login is
 * worthless after it. A {@link RedeemedSession} follows a redeemed refresh token: it is never dropped.
 * The functions of `rules.ts` build each of these.
 */
type NextSession = StateData | RedeemedSession | null | undefined;
/**
 * How operations outside the session code (the MFA client, the token refresh) read and change the
 * current session; {@link createSessionOwner} is the one implementation the ServerClient uses.
 *
 * Contract: a missing, expired, tampered or foreign cookie reads as `undefined`; a store that fails
 * (an outage) throws `StoreError` `store_unavailable` and is never read as "no session".
 */
interface SessionAccess<TStoreOptions> {
    /**
     * The current session, or `undefined` when there is none.
     *
     * @throws {StoreError} `store_unavailable` when the store's backend fails.
     */
    get(storeOptions?: TStoreOptions): Promise<StateData | undefined>;
    /**
     * The one way to change the session: `fn` receives the session as it is inside the session's lock
     * (one update per session at a time: in this process always, across processes through the
     * coordinator and the store's lock) and returns the {@link NextSession}, which is written under
     * the same lock. An error thrown by `fn` writes nothing.
     *
     * @returns the session after the update: the one written (or kept), `undefined` once ended.
     * @throws {StoreError} `store_unavailable`, or `lock_timeout` when the lock could not be had in time.
     */
    update(fn: (current: StateData | undefined) => NextSession | Promise<NextSession>, storeOptions?: TStoreOptions): Promise<StateData | undefined>;
}

/** Options of the session cookie; the same names as `@auth0/auth0-server-js`. */
interface SessionCookieOptions {
    /**
     * The session cookie's name, default `__a0_session`. The stores name cookies after the
     * `identifier` they are given, so the ServerClient passes this name as its state identifier.
     */
    name?: string;
    /** Default `'lax'`. */
    sameSite?: 'strict' | 'lax' | 'none';
    /**
     * Default: `true`, unless the store was given an `appBaseUrl` that is plain `http:` on a loopback
     * host (`localhost`, `127.0.0.1`, `[::1]`), where browsers would drop a `Secure` cookie sent
     * over http.
     */
    secure?: boolean;
    /** Default `'/'`. */
    path?: string;
    /** Default: none (a host-only cookie). */
    domain?: string;
}
/** How long sessions live, and their cookie; the same names as `@auth0/auth0-server-js`. */
interface SessionConfiguration {
    /**
     * Whether each write of the session restarts the inactivity window (up to the absolute limit).
     * Without it a session lives exactly `absoluteDuration` from its creation. Default `true`.
     */
    rolling?: boolean;
    /** Seconds from creation after which the session ends, whatever the activity. Default 3 days. */
    absoluteDuration?: number;
    /** Seconds without a write after which a rolling session ends. Default 1 day. */
    inactivityDuration?: number;
    /** The session cookie's attributes. */
    cookie?: SessionCookieOptions;
}

/** The options of `new ServerClient(...)`. */
interface ServerClientOptions<TStoreOptions = unknown> {
    /**
     * The Auth0 domain: a bare host (`tenant.eu.auth0.com`, meaning https) or a full origin. Plain
     * `http://` is accepted only for loopback hosts (`127.0.0.1`, `[::1]`, `localhost`).
     */
    domain: string;
    /** The application's client id. */
    clientId: string;
    /** The client secret, for `client_secret_post` (default) or `client_secret_basic`. */
    clientSecret?: string;
    /** How `clientSecret` is sent. Default `client_secret_post`. */
    clientAuthMethod?: 'client_secret_post' | 'client_secret_basic';
    /** A PKCS#8 PEM or `CryptoKey` that signs client assertions (`private_key_jwt`) instead of a secret. */
    clientAssertionSigningKey?: string | CryptoKey;
    /** The JWS algorithm of the client assertion. Default `RS256`. */
    clientAssertionSigningAlg?: string;
    /**
     * The secret (at least 32 characters) that encrypts cookies and mfa tokens. Give several to rotate:
     * the first encrypts, all decrypt.
     */
    secret: string | string[];
    /** Default parameters for `/authorize` and token requests. */
    authorizationParams?: AuthorizationParameters;
    /** Where sessions live. Optional when `cookieHandler` is given (sessions then live in cookies). */
    stateStore?: StateStore<TStoreOptions>;
    /** Where login transactions live. Optional when `cookieHandler` is given. */
    transactionStore?: TransactionStore<TStoreOptions>;
    /**
     * Reads and writes cookies; enables the default cookie stores, and binds every login to the browser
     * that started it (the `__a0_txb` cookie), whatever the `transactionStore`. Give it with a
     * server-side `transactionStore` too: without it, `startInteractiveLogin` with `storeOptions` is
     * refused.
     */
    cookieHandler?: CookieHandler<TStoreOptions>;
    /**
     * Coordinates sessions across processes (`RedisCoordinator` from `auth0-server-ts/redis`): the
     * session lock and refresh answers shared between instances, so a refresh token is redeemed once
     * per session whichever instance refreshes, with cookie sessions too. Default: none (one process).
     */
    coordinator?: SessionCoordinator;
    /** Seconds a shared refresh answer stays available to waiting processes. Default 30. */
    refreshShareTtl?: number;
    /**
     * Where the `jti` of acted-on logout tokens is remembered (`RedisReplayStore` from
     * `auth0-server-ts/redis` shares it between instances). Default: this process's memory.
     */
    replayStore?: ReplayStore;
    /**
     * Lifetimes (`rolling`, `inactivityDuration`, `absoluteDuration`) and cookie attributes of the
     * default cookie stores, the names `@auth0/auth0-server-js` framework SDKs use. Ignored when you pass
     * your own `stateStore`. Transaction cookies follow `cookie.secure`, `path` and `domain`, but stay
     * `SameSite=Lax`: the login callback is a cross-site navigation.
     */
    session?: SessionConfiguration;
    /**
     * The session's key in the state store (its cookie name). Default `session.cookie.name`, else
     * `__a0_session`. Every cookie store of this SDK writes it with the `__Host-` prefix when the
     * cookie is `Secure` with `Path=/` and no `Domain` (a browser then refuses the cookie from any other
     * origin): `__Host-__a0_session`.
     */
    stateIdentifier?: string;
    /**
     * The prefix of transaction keys (`<prefix>.<state>`). Default `__a0_tx`; the cookie store adds
     * `__Host-` to its cookies under the same conditions as the session cookie.
     */
    transactionIdentifier?: string;
    /** The fetch used for EVERY request to the authorization server. Default the global `fetch`. */
    customFetch?: typeof fetch;
    /** Milliseconds one exchange with the server may take, body included. Default 10 000. */
    httpTimeout?: number;
    /** Seconds an encrypted mfa token stays valid. Default 300. */
    mfaTokenTtl?: number;
    /** Seconds before expiry at which a cached access token is refreshed instead. Default 60. */
    tokenRefreshLeeway?: number;
    /** Seconds of clock skew tolerated on JWT time claims. Default 60. */
    clockTolerance?: number;
}

/** A factor `enrollAuthenticator` can enroll. */
type FactorType = 'otp' | 'sms' | 'voice' | 'email' | 'push';

/** A factor the user has enrolled, as `GET /mfa/authenticators` lists it, in camelCase. */
interface Authenticator {
    /** What `deleteAuthenticator` and `challengeAuthenticator` take (`sms|dev_...`). */
    id: string;
    /** `otp`, `oob` or `recovery-code`; other strings pass through as the server sent them. */
    authenticatorType: 'otp' | 'oob' | 'recovery-code' | (string & Record<never, never>);
    /** `false` while an enrollment is not yet confirmed. */
    active: boolean;
    /** For `oob`: `sms`, `voice`, `email` or `auth0` (push). */
    oobChannel?: string;
    /** A display name, such as a masked phone number. */
    name?: string;
}
/**
 * What `POST /mfa/associate` answered: the secret and QR code URI of an authenticator app, or the
 * out-of-band code of an SMS, voice, email or push enrollment.
 *
 * @example
 * ```ts
 * if (enrollment.authenticatorType === 'otp') showQrCode(enrollment.barcodeUri);
 * ```
 */
type Enrollment = {
    authenticatorType: 'otp';
    secret: string;
    barcodeUri: string;
    recoveryCodes?: string[];
} | {
    authenticatorType: 'oob';
    oobChannel: string;
    oobCode?: string;
    bindingMethod?: string;
    barcodeUri?: string;
    recoveryCodes?: string[];
};
/** The answer of `POST /mfa/challenge`. */
interface Challenge {
    /** `otp` or `oob`, as the server chose. */
    challengeType: string;
    /** For `oob`: what `verify` (or `waitForApproval` for push) takes with the user's code. */
    oobCode?: string;
    /** `prompt` when the user must type a binding code (SMS, voice, email); absent for push. */
    bindingMethod?: string;
    /** Seconds the challenge stays valid, when the server said. */
    expiresIn?: number;
}
/** The tokens a completed MFA grant returned. */
interface MfaVerifyResult {
    /** The access token for `audience`. */
    accessToken: string;
    /** Unix time in seconds. */
    expiresAt: number;
    /** `Bearer` or `DPoP`. */
    tokenType: string;
    /** The audience the tokens were requested for (and stored under when persisted). */
    audience: string;
    /** When the server issued one (a login finished by MFA). */
    idToken?: string;
    /** When the server issued one; persisted in the session by default. */
    refreshToken?: string;
    /** The scope granted. */
    scope?: string;
    /** A NEW recovery code, after a recovery-code grant: show it to the user once. */
    recoveryCode?: string;
}
/** The session an encrypted mfa token is bound to. */
interface MfaSessionBinding {
    sid: string;
    sub?: string | undefined;
}
/** What {@link MfaClient.encryptMfaToken} seals. */
interface MfaTokenInput {
    /** The raw mfa token from the authorization server. */
    mfaToken: string;
    audience?: string | undefined;
    scope?: string | undefined;
    mfaRequirements?: MfaRequirements | undefined;
}
/** What an encrypted mfa token carries, once decrypted and checked. */
interface MfaTokenContext extends MfaTokenInput {
    /** Unix time in seconds after which the encrypted token is refused. */
    expiresAt: number;
    /** The session the token is bound to; absent for a token issued without a session. */
    session?: MfaSessionBinding;
}

/**
 * What an mfa token is bound to when the SDK seals it: the audience and scope that were asked for,
 * and the session that asked, when there is one. The client id and issuer are always bound.
 */
interface MfaBinding {
    audience?: string | undefined;
    scope?: string | undefined;
    session?: MfaSessionBinding | undefined;
}

/** Seals raw mfa tokens into bound, expiring JWEs and opens them again. */
interface MfaTokens {
    /** The Transport's `onErrorAnswer`: an `mfa_required` answer becomes an `MfaRequiredError`, sealed. */
    readonly sealRequired: (answer: ErrorAnswer, binding: MfaBinding | undefined) => Promise<MfaRequiredError> | undefined;
    /** Encrypts `input`, bound to this client, the issuer and `session` when given. */
    encrypt(input: MfaTokenInput, session: MfaSessionBinding | undefined): Promise<string>;
    /**
     * Decrypts and checks a token against this client, the issuer and the `session` presenting it.
     *
     * @throws {MfaTokenExpiredError} `mfa_token_expired`
     * @throws {MfaTokenInvalidError} `mfa_token_invalid`
     */
    decrypt(token: string, session: MfaSessionBinding | undefined): Promise<MfaTokenContext>;
}

/** What {@link MfaClient} needs; the ServerClient wires it from its configuration. */
interface MfaClientOptions<TStoreOptions> {
    /** The request funnel; its `onErrorAnswer` must be `tokens.sealRequired`. */
    transport: Transport;
    /** From {@link createMfaTokens}, with the same secrets, client id and issuer. */
    tokens: MfaTokens;
    /** The current session, read to bind and check tokens, written by `verify`. */
    sessions: SessionAccess<TStoreOptions>;
    /**
     * The client's `getAccessToken`: `deleteAuthenticator` uses it to get an access token for the MFA
     * API when none is given.
     */
    getAccessToken?: (options: {
        audience: string;
        scope: string;
    }, storeOptions?: TStoreOptions) => Promise<TokenSet>;
    /** The audience tokens are stored under when the mfa token binds none (`authorizationParams.audience`). */
    defaultAudience?: string | undefined;
}
/** The encrypted mfa token a method acts with: the one `MfaRequiredError.mfaToken` carries. */
interface WithMfaToken {
    /** The encrypted token, as `MfaRequiredError.mfaToken` carries it. */
    mfaToken: string;
}
/** Options of {@link MfaClient.enrollAuthenticator}. */
interface EnrollOptions extends WithMfaToken {
    /** The kind of factor to enroll. */
    factorType: FactorType;
    /** E.164 (`+14155550100`), for `sms` and `voice`. */
    phoneNumber?: string;
    /** For `email`. */
    email?: string;
}
/** Options of {@link MfaClient.challengeAuthenticator}. */
interface ChallengeOptions extends WithMfaToken {
    /** `oob` sends an SMS, call, email or push; `otp` asks for an authenticator app code. */
    challengeType: 'otp' | 'oob';
    /** Which enrolled authenticator to challenge, from `listAuthenticators`. */
    authenticatorId?: string;
}
/** Options of {@link MfaClient.deleteAuthenticator}. */
interface DeleteAuthenticatorOptions {
    /** The `id` from `listAuthenticators`. */
    authenticatorId: string;
    /** An access token for the MFA API with scope `remove:authenticators`; fetched via the session when absent. */
    accessToken?: string;
}
/** What every `verify` call may add. */
interface VerifyCommon extends WithMfaToken {
    /** Store the tokens in the session (creating it after a first login). Default `true`. */
    persist?: boolean;
    /** Overrides the audience bound in the mfa token. */
    audience?: string;
    /** Overrides the scope bound in the mfa token. */
    scope?: string;
}
/** Options of {@link MfaClient.verify}: the field given picks the grant. */
type VerifyOptions = VerifyCommon & ({
    otp: string;
    oobCode?: never;
    bindingCode?: never;
    recoveryCode?: never;
} | {
    oobCode: string;
    bindingCode?: string;
    otp?: never;
    recoveryCode?: never;
} | {
    recoveryCode: string;
    otp?: never;
    oobCode?: never;
    bindingCode?: never;
});
/** Options of {@link MfaClient.waitForApproval}. */
interface WaitForApprovalOptions extends WithMfaToken {
    /** From the push challenge or enrollment. */
    oobCode: string;
    /** Milliseconds between polls; default 5000, lengthened by 5000 on each `slow_down`. */
    intervalMs?: number;
    /** Gives up after this many milliseconds. */
    timeoutMs?: number;
    /** Stops at once when aborted. */
    signal?: AbortSignal;
    /** As for `verify`: store the tokens in the session. Default `true`. */
    persist?: boolean;
    /** As for `verify`: overrides the audience bound in the mfa token. */
    audience?: string;
    /** As for `verify`: overrides the scope bound in the mfa token. */
    scope?: string;
}

/** A requirement type from `mfa_requirements.enroll`, with the factors that satisfy it. */
interface EnrollmentFactor {
    /** The requirement type: `otp`, `phone`, `email`, `push-notification`, ... */
    type: string;
    /** The `factorType`s of `enrollAuthenticator` that satisfy `type` (none for WebAuthn). */
    factorTypes: FactorType[];
}

/**
 * `client.mfa`: finishes a multi-factor authentication the server asked for with `mfa_required`.
 * Every `mfaToken` is the encrypted token of an `MfaRequiredError`, passed as it is; the raw token is
 * decrypted here, checked against this client, issuer and session, and only sent to the server.
 *
 * Every method that takes an `mfaToken` throws `MfaTokenExpiredError` (`mfa_token_expired`) for an
 * expired token and `MfaTokenInvalidError` (`mfa_token_invalid`) for a tampered one, one sealed with a
 * key not configured, or one bound to another client, issuer or session; every method that calls the
 * server throws `RequestError` (`request_failed`, `request_timeout`, `invalid_response`) when the
 * exchange fails. The `@throws` of each method list only what it adds.
 *
 * @example
 * ```ts
 * try {
 *   await client.getAccessToken({ audience }, storeOptions);
 * } catch (err) {
 *   if (err instanceof MfaRequiredError) {
 *     await client.mfa.verify({ mfaToken: err.mfaToken, otp }, storeOptions);
 *   }
 * }
 * ```
 */
declare class MfaClient<TStoreOptions = unknown> {
    #private;
    /** Built by the ServerClient, as `client.mfa`. */
    constructor(options: MfaClientOptions<TStoreOptions>);
    /**
     * Encrypts a raw mfa token, bound to this client, the issuer and the current session if any.
     *
     * @throws {TypeError} when `mfaToken` is not a non-empty string.
     * @example
     * ```ts
     * const sealed = await client.mfa.encryptMfaToken({ mfaToken: raw, audience }, storeOptions);
     * ```
     */
    encryptMfaToken(input: MfaTokenInput, storeOptions?: TStoreOptions): Promise<string>;
    /**
     * Decrypts an encrypted mfa token and checks its expiry (1 s tolerance) and what it is bound to.
     *
     * @throws {MfaTokenExpiredError} `mfa_token_expired`; {@link MfaTokenInvalidError} `mfa_token_invalid`.
     * @example
     * ```ts
     * const { audience, mfaRequirements } = await client.mfa.decryptMfaToken(err.mfaToken, storeOptions);
     * ```
     */
    decryptMfaToken(token: string, storeOptions?: TStoreOptions): Promise<MfaTokenContext>;
    /**
     * Lists the user's authenticators, narrowed to the factors the challenge requirements name.
     *
     * @throws {ServerError} `server_error`, with the server's `error` (`invalid_token`, ...).
     * @example
     * ```ts
     * const authenticators = await client.mfa.listAuthenticators({ mfaToken }, storeOptions);
     * ```
     */
    listAuthenticators(options: WithMfaToken, storeOptions?: TStoreOptions): Promise<Authenticator[]>;
    /**
     * The factors the user must enroll (`mfa_requirements.enroll`), each with the `factorType`s of
     * {@link enrollAuthenticator} that satisfy it. No network.
     *
     * @example
     * ```ts
     * const factors = await client.mfa.getEnrollmentFactors({ mfaToken }, storeOptions);
     * ```
     */
    getEnrollmentFactors(options: WithMfaToken, storeOptions?: TStoreOptions): Promise<EnrollmentFactor[]>;
    /**
     * Enrolls a factor: an authenticator app (`otp`), `sms` or `voice` to `phoneNumber`, `email`, or
     * Guardian `push`. Confirm it with {@link verify} (OTP code, or the returned `oobCode`).
     *
     * @throws {TypeError} naming `factorType`, `phoneNumber` or `email` when missing or malformed.
     * @throws {ServerError} `server_error`, with the server's `error`.
     * @example
     * ```ts
     * const { barcodeUri } = await client.mfa.enrollAuthenticator({ mfaToken, factorType: 'otp' }, storeOptions);
     * ```
     */
    enrollAuthenticator(options: EnrollOptions, storeOptions?: TStoreOptions): Promise<Enrollment>;
    /**
     * Deletes an authenticator. Without `accessToken`, gets one for the MFA API (audience
     * `https://{domain}/mfa/`, scope `remove:authenticators`) through the session.
     *
     * @throws {TypeError} naming `authenticatorId`, or when no access token can be obtained.
     * @throws {ServerError} `server_error`, with the server's `error` (404, 401, ...).
     * @throws {MfaRequiredError} `mfa_required` when getting the MFA API token needs MFA itself.
     * @example
     * ```ts
     * await client.mfa.deleteAuthenticator({ authenticatorId: 'sms|dev_123' }, storeOptions);
     * ```
     */
    deleteAuthenticator(options: DeleteAuthenticatorOptions, storeOptions?: TStoreOptions): Promise<void>;
    /**
     * Asks the server to challenge an authenticator: sends the SMS, voice call, email or push, and
     * returns the `oobCode` to verify with. OTP needs no challenge.
     *
     * @throws {TypeError} naming `challengeType`.
     * @throws {ServerError} `server_error` (`unsupported_challenge_type`, `association_required`, ...).
     * @example
     * ```ts
     * const { oobCode } = await client.mfa.challengeAuthenticator({ mfaToken, challengeType: 'oob', authenticatorId }, storeOptions);
     * ```
     */
    challengeAuthenticator(options: ChallengeOptions, storeOptions?: TStoreOptions): Promise<Challenge>;
    /**
     * Completes the MFA with an OTP, an OOB code (and binding code) or a recovery code, sending the
     * bound audience and scope. With `persist` (default) the tokens go into the session under that
     * audience, a rotated refresh token is kept, and after a first login the session is created from
     * the verified ID token. A wrong code changes nothing.
     *
     * @throws {TypeError} unless exactly one of `otp`, `oobCode`, `recoveryCode` is given, or naming an
     *   `audience` / `scope` override that is not a non-empty string.
     * @throws {MfaRequiredError} `mfa_required`: a further factor is needed (chained MFA); bound the same way.
     * @throws {ServerError} `server_error` with `error` `invalid_grant`, `expired_token`, `too_many_attempts`
     * (with `retryAfter`), `authorization_pending`, `slow_down`.
     * @throws {IdTokenValidationError} `id_token_invalid` when creating the session, or
     *   `id_token_user_mismatch` when the ID token names another user or issuer than the session's.
     * @throws {MfaTokenInvalidError} `mfa_token_invalid` also when a token sealed without a session is
     *   verified inside one and the answer has no ID token to show it is the same user.
     * @example
     * ```ts
     * const result = await client.mfa.verify({ mfaToken, otp: '123456' }, storeOptions);
     * ```
     */
    verify(options: VerifyOptions, storeOptions?: TStoreOptions): Promise<MfaVerifyResult>;
    /**
     * Waits for the user to approve a push: polls {@link verify} with the `oobCode`, every `intervalMs`
     * (default 5000, +5000 after each `slow_down`), until approved, rejected (`invalid_grant`), the
     * challenge expires (`expired_token`), `timeoutMs` passes or `signal` aborts.
     * An abort during a poll returns at once; that poll's answer, if it is the approval, is still stored.
     *
     * @throws {ServerError} `server_error` with `error` `invalid_grant` (rejected) or `expired_token`.
     * @throws {RequestError} `request_timeout` when the next poll would fall after `timeoutMs`.
     * @throws {RequestError} `request_aborted` at once when `signal` aborts (its reason as `cause`).
     * @example
     * ```ts
     * const result = await client.mfa.waitForApproval({ mfaToken, oobCode, timeoutMs: 60_000 }, storeOptions);
     * ```
     */
    waitForApproval(options: WaitForApprovalOptions, storeOptions?: TStoreOptions): Promise<MfaVerifyResult>;
}

/** Options of `getAccessToken`. */
interface GetAccessTokenOptions {
    /** The API the token is for. Default: the configured audience. */
    audience?: string;
    /** Scopes the token must carry. Default: any token for the audience will do. */
    scope?: string;
}

/** Options of `startInteractiveLogin`. */
interface StartInteractiveLoginOptions<TAppState = unknown> {
    /** Parameters for this login, over the configured ones. */
    authorizationParams?: AuthorizationParameters;
    /** Any JSON value, handed back by `completeInteractiveLogin`. */
    appState?: TAppState;
    /** Sends the parameters by Pushed Authorization Request (RFC 9126) and redirects with `request_uri`. */
    pushedAuthorizationRequests?: boolean;
}

/** Options of `getAccessTokenForConnection`. */
interface AccessTokenForConnectionOptions {
    /** The federated connection's name, as configured in Auth0 (`google-oauth2`, `github`, ...). */
    connection: string;
    /** Which of the user's accounts on the connection, when the user has several (`login_hint`). */
    loginHint?: string;
}

/** Options of `logout`. */
interface LogoutOptions {
    /** Where the server sends the user after logging out; must be allowed in the Auth0 application. */
    returnTo?: string;
}

/** The tokens a token request returned, in camelCase, as `getTokenByRefreshToken` resolves them. */
interface TokenResponse {
    /** The access token, to send as `Authorization: Bearer`. */
    accessToken: string;
    /** Unix time in seconds. */
    expiresAt: number;
    /** When the server issued one (refreshes with `openid` in scope do). */
    idToken?: string;
    /** A rotated refresh token, when the server issued one: store it in place of the old one. */
    refreshToken?: string;
    /** The scope granted. */
    scope?: string;
    /** `Bearer` or `DPoP`, as registered. */
    tokenType?: string;
}

/** The `act` claim (RFC 8693 section 4.1): who acts for the token's subject. */
interface ActClaim {
    /** The actor's subject identifier. */
    sub: string;
    [claim: string]: unknown;
}
/** Options of `customTokenExchange` and `loginWithCustomTokenExchange` (RFC 8693). */
interface CustomTokenExchangeOptions {
    /**
     * A URI naming the subject token's type, matching a Token Exchange Profile of the tenant. It must
     * be in a namespace of your own: Auth0 reserves `http(s)://auth0.com`, `http(s)://okta.com`,
     * `urn:ietf`, `urn:auth0` and `urn:okta`.
     */
    subjectTokenType: string;
    /** The token to exchange, as it is (no `Bearer ` prefix, no surrounding spaces). */
    subjectToken: string;
    /** The API the access token is for. Default: the configured audience. */
    audience?: string;
    /** The scopes to ask for. `loginWithCustomTokenExchange` adds `openid`. Default: the configured scope. */
    scope?: string;
    /** The type of token asked for (RFC 8693). Default: the server's (an access token). */
    requestedTokenType?: string;
    /** The organization (id or name) to log the user in to. */
    organization?: string;
    /** The acting party's token (delegation): the tokens then carry an `act` claim. Needs `actorTokenType`. */
    actorToken?: string;
    /** The URI naming the actor token's type. Needs `actorToken`. */
    actorTokenType?: string;
    /** More parameters for the tenant's Action (`event.request.body`); they cannot replace the ones above. */
    extra?: Record<string, string>;
}
/** What `customTokenExchange` resolves: the tokens, and the `act` claim when an actor was named. */
interface ExchangedTokens extends TokenResponse {
    /** Who acts for the user, from the tokens' `act` claim. */
    act?: ActClaim;
}

/** The acting party of a session transfer, when not the session's own ID token. */
interface SessionTransferActor {
    /** The actor token: for the default type, an unexpired ID token Auth0 issued to this client. */
    token: string;
    /** Its type URI. Default: `urn:ietf:params:oauth:token-type:id_token`. */
    type?: string;
}
/** Options of `requestSessionTransferToken`. */
interface RequestSessionTransferTokenOptions {
    /** Your proof of which user to hand the session to, validated by your Action. */
    subjectToken: string;
    /** The URI naming its type (your Token Exchange Profile's). */
    subjectTokenType: string;
    /** The actor. Default: the session's ID token (the logged-in agent); the session is not read when given. */
    actor?: SessionTransferActor;
    /** The scopes the target's session asks for. */
    scope?: string;
    /** The organization (id or name) the tenant checks while minting the token. */
    organization?: string;
    /** More parameters for the Action. */
    extra?: Record<string, string>;
}
/** A session transfer token: opaque, single use, short-lived. Hand it to `buildSessionTransferRedirect`. */
interface SessionTransferTokenResult {
    sessionTransferToken: string;
    /** `urn:auth0:params:oauth:token-type:session_transfer_token`: branch on this, not on `tokenType`. */
    issuedTokenType: string;
    /** Seconds it may be redeemed in (about 60). */
    expiresIn: number;
    /** As the server said it (`N_A`); informational. */
    tokenType: string;
    scope?: string;
}

/** The session as `getSession` returns it: the stored session without the SDK's internal fields. */
interface SessionData {
    user: UserClaims | undefined;
    idToken: string | undefined;
    refreshToken: string | undefined;
    tokenSets: TokenSet[];
    /** The Token Vault tokens, one per connection, once `getAccessTokenForConnection` fetched one. */
    connectionTokenSets?: ConnectionTokenSet[];
    [key: string]: unknown;
}
/**
 * The server-side Auth0 client: interactive login, sessions, access tokens, logout and MFA.
 *
 * A thin facade: it validates the configuration once and wires it into the protocol functions that
 * do the work.
 *
 * @example
 * ```ts
 * const client = new ServerClient({ domain, clientId, clientSecret, secret, stateStore, transactionStore,
 *   authorizationParams: { redirect_uri: 'https://app.example.com/auth/callback' } });
 * ```
 */
declare class ServerClient<TStoreOptions = unknown> {
    #private;
    /** Multi-factor authentication: list, enroll, challenge and verify factors with an encrypted mfa token. */
    readonly mfa: MfaClient<TStoreOptions>;
    /**
     * @throws {TypeError} naming the option that is missing or malformed.
     */
    constructor(options: ServerClientOptions<TStoreOptions>);
    /**
     * Starts a login: keeps a transaction (PKCE verifier, state, nonce, appState) under
     * `<transactionIdentifier>.<state>` and returns the URL to redirect the browser to. With a
     * `cookieHandler`, the transaction is bound to this browser (whatever the transaction store): only
     * a callback in the same browser completes it, and a browser keeps at most three pending logins,
     * the newest.
     *
     * @throws {TypeError} when no `redirect_uri` is configured or given, or when `storeOptions` are given
     *   (a browser's request) with a server-side `transactionStore` and no `cookieHandler` to bind to it.
     * @throws {RequestError} `request_failed` / `request_timeout` / `invalid_response` (discovery, PAR).
     * @throws {ServerError} `server_error` when the PAR endpoint refuses the request.
     * @example
     * ```ts
     * res.redirect((await client.startInteractiveLogin({ appState: { returnTo: '/' } }, { req, res })).href);
     * ```
     */
    startInteractiveLogin(options?: StartInteractiveLoginOptions, storeOptions?: TStoreOptions): Promise<URL>;
    /**
     * Completes a login from the callback URL: finds the transaction by `state`, deletes it (a callback
     * URL works once), exchanges the code, validates the ID token and writes a new session.
     *
     * @throws {CallbackError} `missing_transaction` (its `transaction` names the key looked up) or
     *   `invalid_callback` (the server's `error` / `errorDescription`, or no well-formed state, or no
     *   code). Values from the callback URL are never in the message.
     * @throws {IdTokenValidationError} `id_token_invalid`, naming the claim.
     * @throws {ServerError} `server_error` when the code is refused; {@link RequestError} on transport failures.
     * @throws {StoreError} `store_unavailable` when the transaction or session store fails (not `missing_transaction`).
     * @example
     * ```ts
     * const { appState } = await client.completeInteractiveLogin<{ returnTo: string }>(fullUrl, { req, res });
     * ```
     */
    completeInteractiveLogin<TAppState = unknown>(url: string | URL, storeOptions?: TStoreOptions): Promise<{
        appState?: TAppState;
    }>;
    /**
     * The logged-in user's claims, or `undefined` without a (valid) session. Never throws for a bad cookie.
     *
     * @example
     * ```ts
     * const user = await client.getUser({ req, res });
     * ```
     */
    getUser(storeOptions?: TStoreOptions): Promise<UserClaims | undefined>;
    /**
     * The session, or `undefined`: an expired, tampered or foreign cookie reads as no session and
     * never throws.
     *
     * @example
     * ```ts
     * const session = await client.getSession({ req, res });
     * ```
     */
    getSession(storeOptions?: TStoreOptions): Promise<SessionData | undefined>;
    /**
     * An access token for `audience` (default: the configured one) and `scope`: the stored one while it
     * is more than `tokenRefreshLeeway` seconds from expiry, else a refreshed one. Concurrent callers
     * share one refresh; a failed refresh leaves the session as it was.
     *
     * @throws {LoginRequiredError} `login_required`: no session, no refresh token, or `invalid_grant`.
     * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token bound to this session.
     * @throws {ServerError} `server_error`; {@link RequestError} `request_failed` / `request_timeout` / `invalid_response`.
     * @throws {StoreError} `store_unavailable` / `lock_timeout`: the session store or lock failed (retryable).
     * @example
     * ```ts
     * const { accessToken } = await client.getAccessToken({ audience: 'https://api.example.com' }, { req, res });
     * ```
     */
    getAccessToken(options?: GetAccessTokenOptions, storeOptions?: TStoreOptions): Promise<TokenSet>;
    /**
     * The user's access token for a federated connection (Auth0 Token Vault: Google, GitHub, ...):
     * the one kept in the session while it is more than `tokenRefreshLeeway` seconds from expiry,
     * else a new one for the session's refresh token, kept per connection. One request per session
     * and connection, across processes too, as for `getAccessToken`.
     *
     * @throws {LoginRequiredError} `login_required`: no session, or no refresh token in it.
     * @throws {TokenForConnectionError} `token_for_connection_error`: the server refused the exchange.
     * @throws {StoreError} `store_unavailable` / `lock_timeout`; {@link RequestError} on transport failures.
     * @example
     * ```ts
     * const { accessToken } = await client.getAccessTokenForConnection({ connection: 'google-oauth2' }, { req, res });
     * ```
     */
    getAccessTokenForConnection(options: AccessTokenForConnectionOptions, storeOptions?: TStoreOptions): Promise<ConnectionTokenSet>;
    /**
     * Exchanges a token from elsewhere for Auth0 tokens (Custom Token Exchange, RFC 8693), with no
     * session involved. The options are checked before any request (see {@link CustomTokenExchangeOptions}).
     *
     * @throws {TypeError} naming the option Auth0 would refuse (a padded or `Bearer ` subject token, a reserved type).
     * @throws {TokenExchangeError} `token_exchange_error`: the server refused the exchange.
     * @throws {IdTokenValidationError} `id_token_invalid`; {@link RequestError} on transport failures.
     * @example
     * ```ts
     * const { accessToken, act } = await client.customTokenExchange({ subjectTokenType: 'urn:acme:legacy-token', subjectToken });
     * ```
     */
    customTokenExchange(options: CustomTokenExchangeOptions): Promise<ExchangedTokens>;
    /**
     * Logs a user in from a token from elsewhere (Custom Token Exchange, RFC 8693): `openid` is added
     * to the scope, the ID token is validated and a new session is written, as a login would.
     *
     * @throws {TypeError} naming the option Auth0 would refuse.
     * @throws {TokenExchangeError} `token_exchange_error`: refused, or answered without an ID token.
     * @throws {IdTokenValidationError}; {@link StoreError}; {@link RequestError}.
     * @example
     * ```ts
     * await client.loginWithCustomTokenExchange({ subjectTokenType: 'urn:acme:legacy-token', subjectToken }, { req, res });
     * ```
     */
    loginWithCustomTokenExchange(options: CustomTokenExchangeOptions, storeOptions?: TStoreOptions): Promise<Record<string, never>>;
    /**
     * A session transfer token (native-to-web single sign-on, impersonation by an agent): a Custom
     * Token Exchange for the audience `urn:<domain>:session_transfer`, with `actor` or the session's
     * ID token as the actor. Hand the result to {@link buildSessionTransferRedirect}; never keep it.
     *
     * @throws {TypeError} naming the option, before any request.
     * @throws {TokenExchangeError} `actor_unavailable` (before any request) or `token_exchange_error`.
     * @example
     * ```ts
     * const stt = await client.requestSessionTransferToken({ subjectTokenType: 'urn:acme:customer', subjectToken }, { req, res });
     * res.redirect(client.buildSessionTransferRedirect('https://web.example.com/auth/login', stt).href);
     * ```
     */
    requestSessionTransferToken(options: RequestSessionTransferTokenOptions, storeOptions?: TStoreOptions): Promise<SessionTransferTokenResult>;
    /**
     * `targetLoginUrl` (the target app's login route: absolute, https or loopback http) with the
     * session transfer token, and `organization`, added to its query. No request, no session change.
     *
     * @throws {TypeError} naming the argument.
     */
    buildSessionTransferRedirect(targetLoginUrl: string, result: SessionTransferTokenResult, options?: {
        organization?: string;
    }): URL;
    /**
     * Exchanges a refresh token for new tokens, with no session involved.
     *
     * @throws {LoginRequiredError} `login_required` when the server answers `invalid_grant`.
     * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token bound to this client and issuer.
     * @throws {IdTokenValidationError} `id_token_invalid`; {@link ServerError}; {@link RequestError}.
     * @example
     * ```ts
     * const tokens = await client.getTokenByRefreshToken({ refreshToken, audience: 'https://api.example.com' });
     * ```
     */
    getTokenByRefreshToken(options: {
        refreshToken: string;
        audience?: string;
        scope?: string;
    }): Promise<TokenResponse>;
    /**
     * Deletes the session and returns the URL that ends the user's session at Auth0.
     *
     * @throws {RequestError} when discovery fails (the local session is deleted already).
     * @throws {StoreError} `store_unavailable` / `lock_timeout` when the session could not be deleted.
     * @example
     * ```ts
     * res.redirect((await client.logout({ returnTo: 'https://app.example.com/' }, { req, res })).href);
     * ```
     */
    logout(options?: LogoutOptions, storeOptions?: TStoreOptions): Promise<URL>;
    /**
     * Handles an OIDC back-channel logout: validates the logout token completely, then removes the
     * matching sessions with `stateStore.deleteByLogoutToken`.
     *
     * @throws {BackchannelLogoutError} `logout_token_invalid` (naming the claim) or
     *   `backchannel_logout_unsupported` (a store that cannot find sessions by `sid`/`sub`).
     * @throws {RequestError} when discovery or the JWKS cannot be fetched.
     * @example
     * ```ts
     * await client.handleBackchannelLogout(form.get('logout_token') ?? '');
     * ```
     */
    handleBackchannelLogout(logoutToken: string, storeOptions?: TStoreOptions): Promise<void>;
}

export { type Authenticator as A, type ChallengeOptions as C, type DeleteAuthenticatorOptions as D, type EnrollmentFactor as E, type FactorType as F, type GetAccessTokenOptions as G, type LogoutOptions as L, type MfaVerifyResult as M, type RequestSessionTransferTokenOptions as R, ServerClient as S, type TokenResponse as T, type VerifyOptions as V, type WithMfaToken as W, type SessionData as a, type StartInteractiveLoginOptions as b, type EnrollOptions as c, type Enrollment as d, type Challenge as e, type WaitForApprovalOptions as f, type MfaTokenInput as g, type MfaTokenContext as h, type ServerClientOptions as i, Auth0Error as j, MfaRequiredError as k, MfaTokenExpiredError as l, MfaTokenInvalidError as m, type SessionConfiguration as n, type SessionCookieOptions as o, type AccessTokenForConnectionOptions as p, type ActClaim as q, type CustomTokenExchangeOptions as r, type ErrorCode as s, type ExchangedTokens as t, MfaClient as u, type MfaRequirement as v, type MfaRequirements as w, type ServerAnswer as x, type SessionTransferActor as y, type SessionTransferTokenResult as z };
