import { S as ServerClient, a as SessionData, G as GetAccessTokenOptions, b as StartInteractiveLoginOptions, W as WithMfaToken, A as Authenticator, E as EnrollmentFactor, c as EnrollOptions, d as Enrollment, D as DeleteAuthenticatorOptions, C as ChallengeOptions, e as Challenge, V as VerifyOptions, M as MfaVerifyResult, f as WaitForApprovalOptions, g as MfaTokenInput, h as MfaTokenContext, i as ServerClientOptions, j as Auth0Error } from './client-D4U9YiFC.js';
import { C as CookieSerializeOptions, a as CookieHandler, U as UserClaims, T as TokenSet } from './coordinator-dbNHAbIA.js';

/**
 * The store options every adapter passes to the SDK: one request's cookies and a way to set them on
 * its response. An adapter builds one per request; user code never passes it by hand.
 */
interface AdapterStoreOptions {
    /** The request's cookies by name, kept current with this request's own writes. */
    readonly cookies: Record<string, string>;
    /** Sets a cookie on the response; `options.maxAge` is in seconds, as everywhere in this SDK. */
    readonly write: (name: string, value: string, options: CookieSerializeOptions) => void;
}
/**
 * The one {@link CookieHandler} behind every adapter. Writes are mirrored into `cookies`, so a read
 * later in the same request (say, `getAccessToken` after `mfa.verify`) sees what was just written.
 * Pass it to a `StatefulStateStore` to keep sessions server-side with an adapter.
 */
declare const adapterCookies: CookieHandler<AdapterStoreOptions>;

/** `client.mfa`, bound to one request: the same methods without the store options argument. */
interface BoundMfa {
    listAuthenticators(options: WithMfaToken): Promise<Authenticator[]>;
    getEnrollmentFactors(options: WithMfaToken): Promise<EnrollmentFactor[]>;
    enrollAuthenticator(options: EnrollOptions): Promise<Enrollment>;
    deleteAuthenticator(options: DeleteAuthenticatorOptions): Promise<void>;
    challengeAuthenticator(options: ChallengeOptions): Promise<Challenge>;
    verify(options: VerifyOptions): Promise<MfaVerifyResult>;
    waitForApproval(options: WaitForApprovalOptions): Promise<MfaVerifyResult>;
    encryptMfaToken(input: MfaTokenInput): Promise<string>;
    decryptMfaToken(token: string): Promise<MfaTokenContext>;
}
/** What `login()` of a request handle takes. */
interface LoginOptions {
    /** A path on this app to land on after the callback; anything else lands on `defaultReturnTo`. */
    returnTo?: string;
    /** Extra `/authorize` parameters for this login (`acr_values`, `max_age`, `audience`, ...). */
    authorizationParams?: StartInteractiveLoginOptions['authorizationParams'];
}
/**
 * The SDK bound to one request (`req.auth0`, `request.auth0`, or `forRequest(request)`): the same
 * operations as {@link ServerClient}, with this request's cookies as the store options.
 */
interface Auth0RequestHandle {
    /** The client behind every request; its methods take `storeOptions` explicitly. */
    readonly client: ServerClient<AdapterStoreOptions>;
    /** This request's store options, for the client methods not bound here. */
    readonly storeOptions: AdapterStoreOptions;
    /** The session, or `undefined`; never throws for a bad cookie. */
    getSession(): Promise<SessionData | undefined>;
    /** The user's ID token claims, or `undefined`. */
    getUser(): Promise<UserClaims | undefined>;
    /**
     * An access token for `audience` / `scope`, refreshed when near expiry.
     *
     * @throws {LoginRequiredError} `login_required`; {@link MfaRequiredError} `mfa_required` (step-up).
     */
    getAccessToken(options?: GetAccessTokenOptions): Promise<TokenSet>;
    /** Starts a login and returns the URL to send the browser to. */
    login(options?: LoginOptions): Promise<URL>;
    /** MFA with the encrypted token, bound to this request's session. */
    readonly mfa: BoundMfa;
}

/**
 * Where the shared routes are mounted. Each is a path starting with `/`, or `false` to leave the
 * route out.
 */
interface Auth0Routes {
    /** `GET`: starts a login; `?returnTo=/path` (a path on this app) is where the callback lands. Default `/auth/login`. */
    login?: string | false;
    /** `GET`: completes a login. Default `/auth/callback`. */
    callback?: string | false;
    /** `GET`: ends the session here and at the authorization server. Default `/auth/logout`. */
    logout?: string | false;
    /** `POST` form `logout_token`: OIDC back-channel logout. Default `/auth/backchannel-logout`. */
    backchannelLogout?: string | false;
    /**
     * Prefix of the JSON MFA routes, driven with the encrypted mfa token: `GET {mfa}/authenticators`,
     * `POST {mfa}/enroll`, `{mfa}/challenge`, `{mfa}/verify`, `{mfa}/wait`. Default `/auth/mfa`.
     */
    mfa?: string | false;
}
/**
 * The options of an adapter's `auth0(...)`: the `ServerClient` options (the adapter supplies the
 * cookie handler) plus where the app runs and where its routes live.
 */
interface Auth0AdapterOptions extends Omit<ServerClientOptions<AdapterStoreOptions>, 'cookieHandler'> {
    /**
     * The app's origin as browsers reach it (`https://app.example.com`). The redirect URI is
     * `appBaseUrl + routes.callback` unless `authorizationParams.redirect_uri` is given; the MFA routes
     * refuse a request whose `Origin` differs.
     */
    appBaseUrl: string;
    /** Route paths; see {@link Auth0Routes} for the defaults. */
    routes?: Auth0Routes;
    /** Where the authorization server sends the browser after logout. Default `appBaseUrl + '/'`. */
    logoutReturnTo?: string;
    /** Where a login lands without (a valid) `returnTo`. Default `/`. */
    defaultReturnTo?: string;
    /** How `POST {mfa}/wait` polls a push: default `{ intervalMs: 5000, timeoutMs: 25000 }`; past `timeoutMs` it answers `202 { status: 'pending' }`. */
    mfaWait?: {
        intervalMs?: number;
        timeoutMs?: number;
    };
    /**
     * Told why a login callback failed when the cause lies with the app or the authorization server
     * (a refused ID token, an error answer, an unreachable server), not with the visitor's link. The
     * browser gets a page either way. Default: one `console.warn` line with the error's code and
     * message, which never carry a token, code or cookie value. Pass a function to log elsewhere, or
     * `false` to stay silent.
     */
    onLoginError?: ((error: Auth0Error) => void) | false;
}

/** The `acr` Auth0 uses for a login that passed a second factor. */
declare const ACR_MULTI_FACTOR = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";
/**
 * What {@link requireStepUp} demands. The `acrValues` / `amr` / `maxAge` checks read the claims of
 * the login's ID token; `audience` / `scope` demand an access token, which the authorization server
 * may refuse until the user passes MFA (`mfa_required`).
 */
interface StepUpOptions {
    /** An access token for this API must be obtainable (a refresh may answer `mfa_required`). */
    audience?: string;
    /** ... with this scope. */
    scope?: string;
    /** The login's `acr` must be one of these (space-separated string or list). */
    acrValues?: string | string[];
    /** Every value here must be in the login's `amr` (for example `['mfa']`). */
    amr?: string[];
    /** The login (`auth_time`) must be at most this many seconds old. */
    maxAge?: number;
}

/** The guards every binding offers, in its framework's handler shape `G`. */
interface AdapterGuards<G> {
    /** A session is required (page navigations go to log in, other requests get `401`). */
    requiresAuth(): G;
    /** MFA or a recent login is required, and started when missing; see {@link StepUpOptions}. */
    requiresStepUp(options: StepUpOptions): G;
}
/** What every binding's `auth0(...)` returns, with guards in its framework's handler shape `G`. */
interface AdapterBinding<G> extends AdapterGuards<G> {
    /** The client behind the routes. */
    readonly client: ServerClient<AdapterStoreOptions>;
}

export { type Auth0RequestHandle as A, type BoundMfa as B, type LoginOptions as L, type StepUpOptions as S, type AdapterBinding as a, type Auth0AdapterOptions as b, ACR_MULTI_FACTOR as c, type AdapterGuards as d, type AdapterStoreOptions as e, type Auth0Routes as f, adapterCookies as g };
