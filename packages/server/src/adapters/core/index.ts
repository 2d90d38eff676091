import { ServerClient } from '../../client.js';
import { adapterCookies, type AdapterStoreOptions } from './cookies.js';
import { bindRequest, type Auth0RequestHandle } from './handle.js';
import { BodyTooLargeError, bodyTooLargeAnswer } from './body.js';
import type { AdapterRequest, AdapterResponse } from './request-response.js';
import { mfaRoute } from './mfa-routes.js';
import { connectAccountRoute, connectCallbackRoute } from './connect-routes.js';
import { accessTokenRoute, profileRoute } from './session-routes.js';
import { resolveAdapterOptions, type Auth0AdapterOptions, type ResolvedAdapterOptions } from './options.js';
import {
  backchannelLogoutRoute,
  callbackRoute,
  loginRoute,
  logoutRoute,
  type RouteContext,
} from './routes.js';
import {
  checkRequiresAuthOptions,
  checkStepUpOptions,
  requireSession,
  requireStepUp,
  type RequiresAuthOptions,
  type StepUpOptions,
} from './guards.js';

export { adapterCookies, headerCookies, noCookies, type AdapterStoreOptions } from './cookies.js';
export type { Auth0RequestHandle, BoundMfa, LoginOptions } from './handle.js';
export { parseBody, parseForm, type AdapterRequest, type AdapterResponse } from './request-response.js';
export { BodyTooLargeError, MAX_BODY_BYTES, readLimitedText } from './body.js';
export type { Auth0AdapterOptions, Auth0Routes } from './options.js';
export type { OnCallback, OnCallbackContext } from './on-callback.js';
export { ACR_MULTI_FACTOR, type RequiresAuthOptions, type StepUpOptions } from './guards.js';
export { safeReturnTo } from './return-to.js';

/** What a guard runs: `undefined` lets the request through, an answer stops it. */
export type AdapterCheck = (
  req: AdapterRequest,
  handle: Auth0RequestHandle,
) => Promise<AdapterResponse | undefined>;

/** The guards every binding offers, in its framework's handler shape `G`. */
export interface AdapterGuards<G> {
  /**
   * A session is required (page navigations go to log in, other requests get `401`), into
   * `options.organization` when given (see {@link RequiresAuthOptions}).
   */
  requiresAuth(options?: RequiresAuthOptions): G;
  /** MFA or a recent login is required, and started when missing; see {@link StepUpOptions}. */
  requiresStepUp(options: StepUpOptions): G;
}

/** What every binding's `auth0(...)` returns, with guards in its framework's handler shape `G`. */
export interface AdapterBinding<G> extends AdapterGuards<G> {
  /** The client behind the routes. */
  readonly client: ServerClient<AdapterStoreOptions>;
}

/** The framework-neutral adapter every binding wraps. */
export interface AdapterCore {
  readonly client: ServerClient<AdapterStoreOptions>;
  readonly options: ResolvedAdapterOptions;
  /** The request handle for one request's cookies. */
  bind(storeOptions: AdapterStoreOptions): Auth0RequestHandle;
  /** Whether `method path` is one of the mounted routes (the path without its query). */
  matches(method: string, path: string): boolean;
  /** Answers a mounted route, or `undefined` when the request is for the app. */
  route(req: AdapterRequest, handle: Auth0RequestHandle): Promise<AdapterResponse | undefined>;
  /** The binding's guards, each check wrapped by `wrap` (step-up options are checked at once). */
  guards<G>(wrap: (check: AdapterCheck) => G): AdapterGuards<G>;
  /** The mounted paths with their methods, for frameworks that register routes one by one. */
  readonly mounted: { method: 'GET' | 'POST'; path: string }[];
}

/**
 * Builds the client and the shared routes from an adapter's options.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 */
export function createAdapterCore(options: Auth0AdapterOptions): AdapterCore {
  const resolved = resolveAdapterOptions(options);
  const client = new ServerClient<AdapterStoreOptions>({ ...resolved.client, cookieHandler: adapterCookies });
  const { routes } = resolved;
  const mounted: AdapterCore['mounted'] = [];
  const fixed = new Map<string, (ctx: RouteContext) => Promise<AdapterResponse>>();
  const add = (
    method: 'GET' | 'POST',
    path: string | false,
    fn: (ctx: RouteContext) => Promise<AdapterResponse>,
  ) => {
    if (path === false) return;
    fixed.set(`${method} ${path}`, fn);
    mounted.push({ method, path });
  };
  add('GET', routes.login, loginRoute);
  add('GET', routes.callback, callbackRoute);
  add('GET', routes.logout, logoutRoute);
  add('POST', routes.backchannelLogout, backchannelLogoutRoute);
  add('GET', routes.connectAccount, connectAccountRoute);
  add('GET', routes.connectCallback, connectCallbackRoute);
  add('GET', routes.profile, profileRoute);
  add('GET', routes.accessToken, accessTokenRoute);
  const mfaPrefix = routes.mfa === false ? undefined : `${routes.mfa}/`;
  if (routes.mfa !== false) {
    mounted.push({ method: 'GET', path: `${routes.mfa}/authenticators` });
    for (const action of ['enroll', 'challenge', 'verify', 'wait'])
      mounted.push({ method: 'POST', path: `${routes.mfa}/${action}` });
  }

  const pathOf = (url: string) => url.split('?')[0] ?? '';
  const find = (method: string, path: string) => {
    const upper = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    const exact = fixed.get(`${upper} ${path}`);
    if (exact) return exact;
    if (mfaPrefix && path.startsWith(mfaPrefix)) {
      const action = path.slice(mfaPrefix.length);
      if (mounted.some((m) => m.method === upper && m.path === path))
        return (ctx: RouteContext): Promise<AdapterResponse | undefined> => mfaRoute(ctx, action);
    }
    return undefined;
  };

  return {
    client,
    options: resolved,
    mounted,
    bind: (storeOptions) => bindRequest(client, storeOptions, resolved.defaultReturnTo),
    matches: (method, path) => find(method, path) !== undefined,
    async route(req, handle) {
      const fn = find(req.method, pathOf(req.url));
      if (!fn) return undefined;
      try {
        return await fn({ req, handle, client, options: resolved });
      } catch (err) {
        if (err instanceof BodyTooLargeError) return bodyTooLargeAnswer();
        throw err;
      }
    },
    guards: (wrap) => ({
      requiresAuth(options = {}) {
        checkRequiresAuthOptions(options);
        const copy = { ...options };
        return wrap((req, handle) => requireSession(req, handle, copy));
      },
      requiresStepUp(stepUp) {
        checkStepUpOptions(stepUp);
        const copy = { ...stepUp };
        return wrap((req, handle) => requireStepUp(req, handle, copy));
      },
    }),
  };
}
