import type { ServerClientOptions } from '../../config.js';
import type { Auth0Error } from '../../errors/index.js';
import type { AdapterStoreOptions } from './cookies.js';
import { argumentError, positiveNumber, requireObject } from '../../lib/validate.js';
import { safeReturnTo } from './return-to.js';
import { checkOnCallback, type OnCallback } from './on-callback.js';

/**
 * Where the shared routes are mounted. Each is a path starting with `/`, or `false` to leave the
 * route out.
 */
export interface Auth0Routes {
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
  /**
   * `GET ?connection=…&returnTo=/path&scopes=…`: starts connecting an account (Connected Accounts,
   * nextjs-auth0's `routes.connectAccount`); cross-site requests are refused. Default `/auth/connect`.
   */
  connectAccount?: string | false;
  /** `GET`: completes connecting an account (`connect_code`). Default `/auth/connect/callback`. */
  connectCallback?: string | false;
  /**
   * `GET`: the session's user (the ID token's claims) as JSON, for the app's own page scripts; `401
   * { error: 'login_required' }` without a session (or `204`, see
   * {@link Auth0AdapterOptions.noContentProfileResponseWhenUnauthenticated}). Cross-site requests are
   * refused. Default `/auth/profile`.
   */
  profile?: string | false;
  /**
   * `GET ?audience=…&scope=…`: an access token for the app's own page scripts, `{ token, scope,
   * expires_at, expires_in, token_type? }`, refreshed when near expiry. Mounted only with
   * {@link Auth0AdapterOptions.enableAccessTokenEndpoint}; cross-site requests are refused. Default
   * `/auth/access-token`.
   */
  accessToken?: string | false;
}

/**
 * The options of an adapter's `auth0(...)`: the `ServerClient` options (the adapter supplies the
 * cookie handler) plus where the app runs and where its routes live.
 */
export interface Auth0AdapterOptions extends Omit<ServerClientOptions<AdapterStoreOptions>, 'cookieHandler'> {
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
  mfaWait?: { intervalMs?: number; timeoutMs?: number };
  /**
   * Told why a login callback failed when the cause lies with the app or the authorization server
   * (a refused ID token, an error answer, an unreachable server), not with the visitor's link. The
   * browser gets a page either way. Default: one `console.warn` line with the error's code and
   * message, which never carry a token, code or cookie value. Pass a function to log elsewhere, or
   * `false` to stay silent.
   */
  onLoginError?: ((error: Auth0Error) => void) | false;
  /**
   * Decides where the browser goes after the login callback, as nextjs-auth0's option of the same
   * name: `(error, { returnTo, appBaseUrl }, session) => path | undefined` (maybe async). After a
   * login the session is written before it runs; after a failure its path replaces the error page
   * (`onLoginError` is told first, as without it). A value that is not a path on this app, or
   * `undefined`, keeps the default. When it throws, the session just written is deleted and the
   * error goes to the framework's error handling. Default: none.
   */
  onCallback?: OnCallback;
  /**
   * Mounts `routes.accessToken`, which hands the session's access tokens to any script running on the
   * app's pages. Off unless set: a token that page scripts can read (and so an XSS can) is a choice
   * the app makes. nextjs-auth0's option of the same name defaults to `true`. Default `false`.
   */
  enableAccessTokenEndpoint?: boolean;
  /**
   * `routes.profile` answers `204` with no body, instead of `401`, when there is no session (as
   * nextjs-auth0's option of the same name). Default `false`.
   */
  noContentProfileResponseWhenUnauthenticated?: boolean;
}

/** The options after checking, with every default filled in. */
export interface ResolvedAdapterOptions {
  origin: string;
  routes: { [K in keyof Auth0Routes]-?: string | false };
  logoutReturnTo: string;
  defaultReturnTo: string;
  mfaWait: { intervalMs: number; timeoutMs: number };
  onLoginError: (error: Auth0Error) => void;
  onCallback: OnCallback | undefined;
  noContentProfileResponseWhenUnauthenticated: boolean;
  client: ServerClientOptions<AdapterStoreOptions>;
}

const DEFAULT_ROUTES = {
  login: '/auth/login',
  callback: '/auth/callback',
  logout: '/auth/logout',
  backchannelLogout: '/auth/backchannel-logout',
  mfa: '/auth/mfa',
  connectAccount: '/auth/connect',
  connectCallback: '/auth/connect/callback',
  profile: '/auth/profile',
  accessToken: '/auth/access-token',
} as const;
const ROUTE_KEYS = [
  'login',
  'callback',
  'logout',
  'backchannelLogout',
  'mfa',
  'connectAccount',
  'connectCallback',
  'profile',
  'accessToken',
] as const;

/**
 * Checks the adapter's own options and builds the client's.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 */
export function resolveAdapterOptions(options: Auth0AdapterOptions): ResolvedAdapterOptions {
  requireObject(options, 'options');
  const {
    appBaseUrl,
    routes,
    logoutReturnTo,
    defaultReturnTo,
    mfaWait,
    onLoginError,
    onCallback,
    enableAccessTokenEndpoint,
    noContentProfileResponseWhenUnauthenticated,
    ...client
  } = options;
  const origin = resolveOrigin(appBaseUrl);
  const resolved: ResolvedAdapterOptions['routes'] = { ...DEFAULT_ROUTES };
  if (routes !== undefined) requireObject(routes, 'routes');
  for (const key of ROUTE_KEYS) {
    const value = routes?.[key];
    if (value === undefined) continue;
    if (value !== false && (typeof value !== 'string' || !/^\/[^?#\s]*$/.test(value)))
      throw argumentError(`"routes.${key}" must be a path starting with "/", or false`);
    resolved[key] = value === false ? false : value.replace(/(.)\/$/, '$1');
  }
  resolved.accessToken = accessTokenRoute(
    enableAccessTokenEndpoint,
    routes?.accessToken,
    resolved.accessToken,
  );
  if (logoutReturnTo !== undefined && !URL.canParse(logoutReturnTo))
    throw argumentError('"logoutReturnTo" must be an absolute URL');
  if (defaultReturnTo !== undefined && safeReturnTo(defaultReturnTo, '') !== defaultReturnTo)
    throw argumentError('"defaultReturnTo" must be a path on this app, such as "/" or "/home"');
  const callback = resolved.callback === false ? DEFAULT_ROUTES.callback : resolved.callback;
  return {
    origin,
    routes: resolved,
    logoutReturnTo: logoutReturnTo ?? `${origin}/`,
    defaultReturnTo: defaultReturnTo ?? '/',
    mfaWait: {
      intervalMs: positiveNumber(mfaWait?.intervalMs, 'mfaWait.intervalMs', 5000, 'milliseconds'),
      timeoutMs: positiveNumber(mfaWait?.timeoutMs, 'mfaWait.timeoutMs', 25_000, 'milliseconds'),
    },
    onLoginError: resolveOnLoginError(onLoginError),
    onCallback: checkOnCallback(onCallback),
    noContentProfileResponseWhenUnauthenticated: optionalBoolean(
      noContentProfileResponseWhenUnauthenticated,
      'noContentProfileResponseWhenUnauthenticated',
    ),
    client: {
      ...client,
      authorizationParams: { redirect_uri: `${origin}${callback}`, ...client.authorizationParams },
    },
  };
}

/**
 * Where the access-token route is mounted: nowhere unless enabled. A path or `false` given for it
 * that contradicts `enableAccessTokenEndpoint` is refused, so a route the app expects is never
 * silently missing.
 */
function accessTokenRoute(enabled: unknown, given: unknown, path: string | false): string | false {
  if (!optionalBoolean(enabled, 'enableAccessTokenEndpoint')) {
    if (typeof given === 'string')
      throw argumentError(
        '"routes.accessToken" is mounted only with "enableAccessTokenEndpoint: true"; set it, or leave the path out',
      );
    return false;
  }
  if (given === false)
    throw argumentError('"routes.accessToken" is false while "enableAccessTokenEndpoint" is true');
  return path;
}

function optionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw argumentError(`"${field}" must be a boolean`, 'ERR_INVALID_ARG_TYPE');
  return value;
}

function resolveOnLoginError(value: Auth0AdapterOptions['onLoginError']): (error: Auth0Error) => void {
  if (value === undefined) return warnLoginError;
  if (value === false) return () => {};
  if (typeof value !== 'function') throw argumentError('"onLoginError" must be a function or false');
  return value;
}

function warnLoginError(error: Auth0Error): void {
  console.warn(`auth0-server-ts: a login callback failed (${error.code}): ${error.message}`);
}

function resolveOrigin(appBaseUrl: unknown): string {
  if (typeof appBaseUrl !== 'string' || !URL.canParse(appBaseUrl))
    throw argumentError('"appBaseUrl" must be an absolute URL such as https://app.example.com');
  const url = new URL(appBaseUrl);
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  )
    throw argumentError(
      '"appBaseUrl" must be an origin (scheme, host and port, no path) such as https://app.example.com',
    );
  return url.origin;
}
