import type { ClientAuthOptions } from './http/index.js';
import { isRecord } from './lib/is-record.js';
import { isLoopback } from './lib/loopback.js';
import { requireString } from './lib/validate.js';
import { DEFAULT_MFA_TOKEN_TTL } from './mfa/tokens.js';
import type { SessionConfiguration, SessionCoordinator } from './session/index.js';
import type { CookieHandler, ReplayStore, StateStore, TransactionStore } from './types.js';

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

/** The options of `new ServerClient(...)`. */
export interface ServerClientOptions<TStoreOptions = unknown> {
  /**
   * The Auth0 domain: a bare host (`tenant.eu.auth0.com`, meaning https) or a full origin. Plain
   * `http://` is accepted only for loopback hosts (`127.0.0.1`, `[::1]`, `localhost`).
   */
  domain: string;
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
  /** Reads and writes cookies; enables the default cookie stores. */
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
  /** The session's key in the state store (its cookie name). Default `session.cookie.name`, else `__a0_session`. */
  stateIdentifier?: string;
  /** The prefix of transaction keys (`<prefix>.<state>`). Default `__a0_tx`. */
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

/** The validated configuration the operations run on. */
export interface ResolvedConfig<TStoreOptions> {
  /** The issuer identifier: the origin with a trailing slash. */
  issuer: URL;
  clientId: string;
  clientAuth: ClientAuthOptions;
  secrets: string[];
  authorizationParams: AuthorizationParameters;
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
  if (typeof options !== 'object' || options === null)
    throw new TypeError('ServerClient options are required');
  const clientId = nonEmpty(options.clientId, 'clientId');
  const secrets = resolveSecrets(options.secret);
  const fetchImpl = options.customFetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('"customFetch" must be a function');

  if (options.cookieHandler === undefined && options.stateStore === undefined) {
    throw new TypeError('"stateStore" is required when no "cookieHandler" is given');
  }
  if (options.cookieHandler === undefined && options.transactionStore === undefined) {
    throw new TypeError('"transactionStore" is required when no "cookieHandler" is given');
  }

  return {
    issuer: resolveIssuer(options.domain),
    clientId,
    clientAuth: resolveClientAuth(options),
    secrets,
    authorizationParams: resolveAuthorizationParams(options.authorizationParams),
    stateStore: options.stateStore,
    transactionStore: options.transactionStore,
    cookieHandler: options.cookieHandler,
    coordinator: withMethods(options.coordinator, 'coordinator', ['withLock', 'share', 'shared']),
    refreshShareTtl: positive(options.refreshShareTtl, 'refreshShareTtl', 30),
    replayStore: withMethods(options.replayStore, 'replayStore', ['add', 'remove']),
    session: resolveSession(options.session),
    stateIdentifier:
      optionalName(options.stateIdentifier, 'stateIdentifier') ??
      optionalName(options.session?.cookie?.name, 'session.cookie.name') ??
      '__a0_session',
    transactionIdentifier: optionalName(options.transactionIdentifier, 'transactionIdentifier') ?? '__a0_tx',
    fetch: fetchImpl,
    httpTimeout: positive(options.httpTimeout, 'httpTimeout', 10_000),
    mfaTokenTtl: positive(options.mfaTokenTtl, 'mfaTokenTtl', DEFAULT_MFA_TOKEN_TTL),
    tokenRefreshLeeway: nonNegative(options.tokenRefreshLeeway, 'tokenRefreshLeeway', 60),
    clockTolerance: nonNegative(options.clockTolerance, 'clockTolerance', 60),
  };
}

/** The session options as given; the stores check each value and name the field they reject. */
function resolveSession(session: unknown): SessionConfiguration {
  if (session === undefined) return {};
  if (typeof session !== 'object' || session === null) throw new TypeError('"session" must be an object');
  return session;
}

/** `tenant.auth0.com` → `https://tenant.auth0.com/`; `http://127.0.0.1:4400` → `http://127.0.0.1:4400/`. */
export function resolveIssuer(domain: unknown): URL {
  const value = nonEmpty(domain, 'domain');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TypeError('"domain" must be a host name or an origin such as https://tenant.auth0.com');
  }
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new TypeError('"domain" must be a host name or an origin, without path, query or credentials');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new TypeError('"domain" may use plain http only for a loopback host (127.0.0.1, [::1], localhost)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('"domain" must use https');
  }
  return new URL(`${url.origin}/`);
}

function resolveSecrets(secret: unknown): string[] {
  const list = typeof secret === 'string' ? [secret] : secret;
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError('"secret" is required: a string, or a non-empty array of strings');
  }
  return list.map((s, i) => {
    if (typeof s !== 'string' || s.length < 32) {
      throw new TypeError(
        `"secret"${Array.isArray(secret) ? `[${i}]` : ''} must be a string of at least 32 characters`,
      );
    }
    return s;
  });
}

function resolveClientAuth<O>(options: ServerClientOptions<O>): ClientAuthOptions {
  const { clientSecret, clientAssertionSigningKey, clientAssertionSigningAlg, clientAuthMethod } = options;
  if (clientAssertionSigningKey !== undefined) {
    if (typeof clientAssertionSigningKey !== 'string' && !(clientAssertionSigningKey instanceof CryptoKey)) {
      throw new TypeError('"clientAssertionSigningKey" must be a PKCS#8 PEM string or a CryptoKey');
    }
    if (clientAssertionSigningAlg !== undefined)
      nonEmpty(clientAssertionSigningAlg, 'clientAssertionSigningAlg');
    return { method: 'private_key_jwt', clientAssertionSigningKey, clientAssertionSigningAlg };
  }
  if (clientSecret === undefined) {
    throw new TypeError('"clientSecret" or "clientAssertionSigningKey" is required');
  }
  nonEmpty(clientSecret, 'clientSecret');
  const method = clientAuthMethod ?? 'client_secret_post';
  if (method !== 'client_secret_post' && method !== 'client_secret_basic') {
    throw new TypeError('"clientAuthMethod" must be "client_secret_post" or "client_secret_basic"');
  }
  return { method, clientSecret };
}

function resolveAuthorizationParams(params: AuthorizationParameters | undefined): AuthorizationParameters {
  if (params === undefined) return { scope: DEFAULT_SCOPE };
  if (typeof params !== 'object' || params === null)
    throw new TypeError('"authorizationParams" must be an object');
  if (params.redirect_uri !== undefined) {
    try {
      new URL(nonEmpty(params.redirect_uri, 'authorizationParams.redirect_uri'));
    } catch {
      throw new TypeError('"authorizationParams.redirect_uri" must be an absolute URL');
    }
  }
  if (params.audience !== undefined) nonEmpty(params.audience, 'authorizationParams.audience');
  return {
    ...params,
    scope: params.scope === undefined ? DEFAULT_SCOPE : nonEmpty(params.scope, 'authorizationParams.scope'),
  };
}

/** `value` when it is undefined or has every method in `methods`. */
function withMethods<T>(value: T | undefined, field: string, methods: string[]): T | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || !methods.every((m) => typeof value[m] === 'function')) {
    throw new TypeError(`"${field}" must have the methods ${methods.join(', ')}`);
  }
  return value;
}

function nonEmpty(value: unknown, field: string): string {
  requireString(value, field);
  return value;
}

function optionalName(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  const name = nonEmpty(value, field);
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name))
    throw new TypeError(`"${field}" must be a valid cookie name`);
  return name;
}

function positive(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`"${field}" must be a positive number`);
  }
  return value;
}

function nonNegative(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`"${field}" must be a number of at least 0`);
  }
  return value;
}
