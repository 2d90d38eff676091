import { checkDpopKeyPair, type DpopKeyPair } from './crypto/index.js';
import type { ClientAuthOptions } from './http/index.js';
import {
  argumentError,
  nonNegativeNumber,
  positiveNumber,
  requireCookieName,
  requireMethods,
  requireObject,
  requireString,
  secretList,
  optionalString,
  withoutEmpty,
} from './lib/validate.js';
import { DEFAULT_MFA_TOKEN_TTL } from './mfa/tokens.js';
import { parseDomain, type DomainResolver } from './protocol/domains.js';
import { type SessionConfiguration, type SessionCoordinator } from './session/index.js';
import type {
  AuthorizationParameters,
  BeforeSessionSavedHook,
  CookieHandler,
  ReplayStore,
  StateStore,
  TransactionStore,
} from './types.js';

export type { AuthorizationParameters } from './types.js';
export type { DomainResolver } from './protocol/domains.js';

/** The options of `new ServerClient(...)`. */
export interface ServerClientOptions<TStoreOptions = unknown> {
  /**
   * The Auth0 domain: a bare host (`tenant.eu.auth0.com`, meaning https) or a full origin. Plain
   * `http://` is accepted only for loopback hosts (`127.0.0.1`, `[::1]`, `localhost`).
   *
   * Or a {@link DomainResolver}: a function of each call's `storeOptions` that returns the domain
   * (several custom domains of one tenant). Discovery, keys, issuer checks, transactions and sessions
   * are then kept per domain: a session made on one domain is no session on another. Return only
   * allow-listed hosts (docs/custom-domains.md).
   */
  domain: string | DomainResolver<TStoreOptions>;
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
  /**
   * The organization (an `org_…` id or a name) every interactive login logs into, unless the login
   * names another; the ID token must then name it. Default none.
   */
  organization?: string;
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
  /**
   * Binds the application's tokens to `dpopKeyPair` with DPoP (RFC 9449): every token-endpoint call
   * carries a proof (retried once with the server's nonce on `use_dpop_nonce`), the session's token
   * sets record `tokenType: 'DPoP'`, and `getDPoPHeaders` makes the headers of an API call. Default
   * false. See docs/dpop.md.
   */
  useDpop?: boolean;
  /**
   * The DPoP key pair (ES256 by default: an EC P-256 key; P-384, P-521 and Ed25519 also serve): a
   * `CryptoKeyPair` with an extractable public key, a pair of Node.js `KeyObject`s, or a private JWK.
   * Every instance must share it, so it comes from configuration; `'generate'` makes one per process
   * (warned once). Required with `useDpop`.
   */
  dpopKeyPair?: DpopKeyPair;
  /**
   * Shapes what a session keeps of the user's claims before each write that brings new claims: every
   * login (interactive, passwordless, CIBA, token exchange, passkey, an MFA grant that starts a
   * session), and a refresh, an MFA grant or an account link that brings a new ID token. It runs
   * inside the session's lock and may change `user` only; see {@link BeforeSessionSavedHook}. Default:
   * none, every claim of the ID token is kept (as `@auth0/auth0-server-js` does; nextjs-auth0 keeps
   * only the claims of `filterDefaultIdTokenClaims` by default). An addition over `@auth0/auth0-server-js`.
   *
   * A hook that throws fails the call with `SessionHookError` `session_hook_failed` and writes
   * nothing; one that changes anything but `user` fails it with `session_hook_invalid`. After a
   * refresh, whose refresh token is spent, the new tokens are still written, with the claims the
   * session had, before the error is thrown.
   */
  beforeSessionSaved?: BeforeSessionSavedHook;
}

/** The validated configuration the operations run on. */
export interface ResolvedConfig<TStoreOptions> {
  /** The issuer identifier (the origin with a trailing slash) of a static domain; `undefined` with a resolver. */
  issuer: URL | undefined;
  /** The domain as given: a static one (checked: `issuer`), or the resolver. */
  domain: string | DomainResolver<TStoreOptions>;
  clientId: string;
  clientAuth: ClientAuthOptions;
  secrets: string[];
  authorizationParams: AuthorizationParameters;
  organization: string | undefined;
  stateStore: StateStore<TStoreOptions> | undefined;
  transactionStore: TransactionStore<TStoreOptions> | undefined;
  cookieHandler: CookieHandler<TStoreOptions> | undefined;
  coordinator: SessionCoordinator | undefined;
  refreshShareTtl: number;
  replayStore: ReplayStore | undefined;
  session: SessionConfiguration;
  stateIdentifier: string;
  transactionIdentifier: string;
  fetch: typeof fetch;
  httpTimeout: number;
  mfaTokenTtl: number;
  tokenRefreshLeeway: number;
  clockTolerance: number;
  /** The DPoP key pair, when `useDpop` is on. */
  dpopKeyPair: DpopKeyPair | undefined;
  beforeSessionSaved: BeforeSessionSavedHook | undefined;
}

/**
 * A check for the methods that read or write cookies: with a `cookieHandler` that declares a
 * `storeOptions` parameter (its `getCookies` takes one, or its `getCookie` a second), calling such a
 * method without `storeOptions` is a mistake that would otherwise read as "no session".
 *
 * @throws {TypeError} naming the method, from the returned function.
 */
export function storeOptionsCheck<O>(
  config: ResolvedConfig<O>,
): (storeOptions: O | undefined, method: string) => void {
  const handler = config.cookieHandler;
  const usesHandler = config.stateStore === undefined || config.transactionStore === undefined;
  if (!handler || !usesHandler || (handler.getCookies.length < 1 && handler.getCookie.length < 2))
    return () => undefined;
  return (storeOptions, method) => {
    if (storeOptions === undefined)
      throw argumentError(
        `"${method}" needs its storeOptions argument: the cookieHandler reads and writes cookies through it (for example { req, res })`,
        'ERR_INVALID_ARG_TYPE',
      );
  };
}

/** The scope asked for when the configuration names none. */
export const DEFAULT_SCOPE = 'openid profile email offline_access';

/**
 * Checks the options of `new ServerClient(...)` and fills in the defaults.
 *
 * @throws {TypeError} naming the first field that is missing or malformed.
 */
export function resolveConfig<TStoreOptions>(
  options: ServerClientOptions<TStoreOptions>,
): ResolvedConfig<TStoreOptions> {
  requireObject(options, 'options');
  const clientId = nonEmpty(options.clientId, 'clientId');
  const secrets = secretList(options.secret);
  const fetchImpl = options.customFetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function')
    throw argumentError('"customFetch" must be a function', 'ERR_INVALID_ARG_TYPE');

  if (options.cookieHandler === undefined && options.stateStore === undefined) {
    throw argumentError('"stateStore" is required when no "cookieHandler" is given', 'ERR_INVALID_ARG_TYPE');
  }
  if (options.cookieHandler === undefined && options.transactionStore === undefined) {
    throw argumentError(
      '"transactionStore" is required when no "cookieHandler" is given',
      'ERR_INVALID_ARG_TYPE',
    );
  }

  const authorizationParams = resolveAuthorizationParams(options.authorizationParams);
  const session = resolveSession(options.session);
  return {
    issuer: typeof options.domain === 'function' ? undefined : resolveIssuer(options.domain),
    domain: options.domain,
    clientId,
    clientAuth: resolveClientAuth(options),
    secrets,
    authorizationParams,
    organization: organizationOption(options.organization),
    stateStore: options.stateStore,
    transactionStore: options.transactionStore,
    cookieHandler: options.cookieHandler,
    coordinator: withMethods(options.coordinator, 'coordinator', ['withLock', 'share', 'shared']),
    refreshShareTtl: positiveNumber(options.refreshShareTtl, 'refreshShareTtl', 30, 'seconds'),
    replayStore: withMethods(options.replayStore, 'replayStore', ['has', 'add', 'remove']),
    session,
    stateIdentifier:
      optionalName(options.stateIdentifier, 'stateIdentifier') ??
      optionalName(options.session?.cookie?.name, 'session.cookie.name') ??
      '__a0_session',
    transactionIdentifier: optionalName(options.transactionIdentifier, 'transactionIdentifier') ?? '__a0_tx',
    fetch: fetchImpl,
    httpTimeout: positiveNumber(options.httpTimeout, 'httpTimeout', 10_000, 'milliseconds'),
    mfaTokenTtl: positiveNumber(options.mfaTokenTtl, 'mfaTokenTtl', DEFAULT_MFA_TOKEN_TTL, 'seconds'),
    tokenRefreshLeeway: nonNegativeNumber(options.tokenRefreshLeeway, 'tokenRefreshLeeway', 60, 'seconds'),
    clockTolerance: nonNegativeNumber(options.clockTolerance, 'clockTolerance', 60, 'seconds'),
    dpopKeyPair: resolveDpop(options.useDpop, options.dpopKeyPair),
    beforeSessionSaved: optionalFunction(options.beforeSessionSaved, 'beforeSessionSaved'),
  };
}

/** The DPoP key when `useDpop` is on; a key without `useDpop` is refused rather than ignored. */
function resolveDpop(useDpop: unknown, keyPair: unknown): DpopKeyPair | undefined {
  if (useDpop !== undefined && typeof useDpop !== 'boolean')
    throw argumentError('"useDpop" must be a boolean', 'ERR_INVALID_ARG_TYPE');
  if (!useDpop) {
    if (keyPair !== undefined) throw argumentError('"dpopKeyPair" is given but "useDpop" is not true');
    return undefined;
  }
  if (keyPair === undefined)
    throw argumentError(
      `"dpopKeyPair" is required with "useDpop": the key every instance signs DPoP proofs with (or 'generate' for one per process)`,
      'ERR_INVALID_ARG_TYPE',
    );
  return checkDpopKeyPair(keyPair);
}

/** The session options as given; the stores check each value and name the field they reject. */
function resolveSession(session: unknown): SessionConfiguration {
  if (session === undefined) return {};
  requireObject(session, 'session');
  return session;
}

/** `tenant.auth0.com` → `https://tenant.auth0.com/`; `http://127.0.0.1:4400` → `http://127.0.0.1:4400/`. */
export function resolveIssuer(domain: unknown): URL {
  return parseDomain(domain, 'domain');
}

function resolveClientAuth<O>(options: ServerClientOptions<O>): ClientAuthOptions {
  const { clientSecret, clientAssertionSigningKey, clientAssertionSigningAlg, clientAuthMethod } = options;
  if (clientAssertionSigningKey !== undefined) {
    if (typeof clientAssertionSigningKey !== 'string' && !(clientAssertionSigningKey instanceof CryptoKey)) {
      throw argumentError(
        '"clientAssertionSigningKey" must be a PKCS#8 PEM string or a CryptoKey',
        'ERR_INVALID_ARG_TYPE',
      );
    }
    if (clientAssertionSigningAlg !== undefined)
      nonEmpty(clientAssertionSigningAlg, 'clientAssertionSigningAlg');
    return { method: 'private_key_jwt', clientAssertionSigningKey, clientAssertionSigningAlg };
  }
  if (clientSecret === undefined) {
    throw argumentError('"clientSecret" or "clientAssertionSigningKey" is required', 'ERR_INVALID_ARG_TYPE');
  }
  nonEmpty(clientSecret, 'clientSecret');
  const method = clientAuthMethod ?? 'client_secret_post';
  if (method !== 'client_secret_post' && method !== 'client_secret_basic') {
    throw argumentError('"clientAuthMethod" must be "client_secret_post" or "client_secret_basic"');
  }
  return { method, clientSecret };
}

function resolveAuthorizationParams(params: AuthorizationParameters | undefined): AuthorizationParameters {
  if (params === undefined) return { scope: DEFAULT_SCOPE };
  requireObject(params, 'authorizationParams');
  params = withoutEmpty(params);
  if (params.redirect_uri !== undefined) {
    if (!URL.canParse(nonEmpty(params.redirect_uri, 'authorizationParams.redirect_uri')))
      throw argumentError(
        '"authorizationParams.redirect_uri" must be an absolute URL: join a relative path to your app\'s base URL, new URL(path, appBaseUrl).href (Auth0 refuses a relative one)',
      );
  }
  if (params.audience !== undefined) nonEmpty(params.audience, 'authorizationParams.audience');
  return {
    ...params,
    scope: params.scope === undefined ? DEFAULT_SCOPE : nonEmpty(params.scope, 'authorizationParams.scope'),
  };
}

/** `value` when it is undefined or has every method in `methods`. */
function withMethods<T>(value: T | undefined, field: string, methods: string[]): T | undefined {
  if (value !== undefined) requireMethods(value, field, methods);
  return value;
}

function nonEmpty(value: unknown, field: string): string {
  requireString(value, field);
  return value;
}

function optionalName(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  requireCookieName(value, field);
  return value;
}

function organizationOption(value: unknown): string | undefined {
  optionalString(value, 'organization');
  return value;
}

function optionalFunction<T>(value: T | undefined, field: string): T | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw argumentError(`"${field}" must be a function`, 'ERR_INVALID_ARG_TYPE');
  return value;
}
