import type { ServerClient } from '../../client.js';
import { Auth0Error, CallbackError } from '../../errors/index.js';
import type { AdapterStoreOptions } from './cookies.js';
import { noCookies } from './cookies.js';
import { errorJson } from './error-answers.js';
import {
  crossSiteRefused,
  html,
  isCrossSite,
  json,
  mediaType,
  redirect,
  wantsHtml,
  type AdapterRequest,
  type AdapterResponse,
} from './request-response.js';
import type { Auth0RequestHandle } from './handle.js';
import type { ResolvedAdapterOptions } from './options.js';
import { chosenPath } from './on-callback.js';
import { messagePage } from './pages.js';
import { safeReturnTo } from './return-to.js';

/** What every route handler gets. */
export interface RouteContext {
  req: AdapterRequest;
  handle: Auth0RequestHandle;
  client: ServerClient<AdapterStoreOptions>;
  options: ResolvedAdapterOptions;
}

/**
 * `GET login?returnTo=/path&organization=…&invitation=…`: a new login; `returnTo` must be a path on
 * this app. `organization` and `invitation` make an Auth0 invitation link work as it is sent
 * (`/auth/login?invitation=…&organization=…&organization_name=…`); an invitation without an
 * organization (here or configured) is refused with `400 invalid_request` before any request.
 */
export async function loginRoute({ req, handle }: RouteContext): Promise<AdapterResponse> {
  const query = new URL(req.url, 'http://x.invalid').searchParams;
  const value = (name: string) => {
    const found = query.get(name)?.trim();
    return found ? found : undefined;
  };
  const returnTo = query.get('returnTo') ?? undefined;
  const organization = value('organization');
  const invitation = value('invitation');
  try {
    const url = await handle.login({
      ...(returnTo === undefined ? {} : { returnTo }),
      ...(organization === undefined ? {} : { organization }),
      ...(invitation === undefined ? {} : { invitation }),
    });
    return redirect(url.href);
  } catch (err) {
    if (!(err instanceof TypeError) || invitation === undefined) throw err;
    return json(400, {
      error: 'invalid_request',
      error_description: 'An invitation link needs its organization parameter',
    });
  }
}

/**
 * `GET callback`: completes the login and lands on its `returnTo`, or where `onCallback` says. A
 * stale, replayed or refused callback gets a page with a link to log in again (or, when a session
 * exists already, for example a reloaded callback, the default landing page) - never a 500, and
 * nothing from the URL is shown - unless `onCallback` names a path for it.
 */
export async function callbackRoute(ctx: RouteContext): Promise<AdapterResponse> {
  const { handle, client, options } = ctx;
  const hook = options.onCallback;
  // A fresh context per call: what the hook does to it must not change where the browser goes.
  const context = (returnTo: string) => ({ returnTo, appBaseUrl: options.origin });
  let returnTo: string;
  try {
    returnTo = await completeToReturnTo(ctx, (url, storeOptions) =>
      client.completeInteractiveLogin<{ returnTo?: unknown }>(url, storeOptions),
    );
  } catch (err) {
    if (!(err instanceof Auth0Error)) throw err;
    // A stale or forged link is the visitor's business; anything else is the app's to hear about.
    if (!(err instanceof CallbackError)) options.onLoginError(err);
    // In the catch, not the try: what the hook throws is the app's, never taken for a failed login.
    const chosen = hook && (await chosenPath(hook, err, context(options.defaultReturnTo), null));
    if (chosen !== undefined) return redirect(chosen);
    if (err instanceof CallbackError && err.code === 'missing_transaction' && (await handle.getSession()))
      return redirect(options.defaultReturnTo);
    return failedLogin(options, err);
  }
  if (!hook) return redirect(returnTo);
  let chosen: string | undefined;
  try {
    chosen = await chosenPath(hook, null, context(returnTo), (await handle.getSession()) ?? null);
  } catch (err) {
    // Fail closed, as a hook that refuses a user by throwing expects: no session outlives it.
    await client.logout({}, handle.storeOptions).catch(() => undefined);
    throw err;
  }
  return redirect(chosen ?? returnTo);
}

/** Completes the callback in `req` with `complete`, then redirects to the `returnTo` its transaction kept. */
export async function landOnReturnTo(
  ctx: RouteContext,
  complete: (url: URL, storeOptions: AdapterStoreOptions) => Promise<{ appState?: { returnTo?: unknown } }>,
): Promise<AdapterResponse> {
  return redirect(await completeToReturnTo(ctx, complete));
}

/** Completes the callback in `req` with `complete`; the `returnTo` its transaction kept, checked. */
async function completeToReturnTo(
  { req, handle, options }: RouteContext,
  complete: (url: URL, storeOptions: AdapterStoreOptions) => Promise<{ appState?: { returnTo?: unknown } }>,
): Promise<string> {
  const { appState } = await complete(new URL(req.url, options.origin), handle.storeOptions);
  return safeReturnTo(appState?.returnTo, options.defaultReturnTo);
}

function failedLogin(options: ResolvedAdapterOptions, err: Auth0Error): AdapterResponse {
  const unreachable = err.code === 'request_failed' || err.code === 'request_timeout';
  const message = unreachable
    ? 'The sign-in service could not be reached. Please try again in a moment.'
    : err.code === 'missing_transaction'
      ? 'This sign-in link has expired or was already used.'
      : err instanceof CallbackError && err.error === 'access_denied'
        ? 'Sign-in was cancelled or refused.'
        : 'Sign-in could not be completed.';
  const login = options.routes.login;
  return html(
    unreachable ? 502 : 400,
    messagePage('Sign-in did not complete', message, {
      href: login === false ? '/' : login,
      text: login === false ? 'Back to the start page' : 'Log in again',
    }),
  );
}

/**
 * `GET logout` (and `HEAD`): deletes the session and ends the one at the authorization server. A
 * request the browser marks as cross-site is refused, so another site cannot log the user out (a
 * link, an image, a form): a page navigation gets a small page whose link, followed from this
 * origin, logs out; anything else gets `403`. Links on the app itself, typed URLs and bookmarks
 * (`Sec-Fetch-Site` `same-origin`, `same-site` or `none`) log out at once.
 */
export async function logoutRoute({ req, handle, client, options }: RouteContext): Promise<AdapterResponse> {
  if (isCrossSite(req, options.origin)) {
    if (!wantsHtml(req) || options.routes.logout === false) return crossSiteRefused();
    return html(
      403,
      messagePage('Log out?', 'Another site sent you here to log out. You are still signed in.', {
        href: options.routes.logout,
        text: 'Log out',
      }),
    );
  }
  try {
    return redirect((await client.logout({ returnTo: options.logoutReturnTo }, handle.storeOptions)).href);
  } catch (err) {
    if (!(err instanceof Auth0Error)) throw err;
    // The local session is gone already; only the server's end-session URL could not be found.
    return redirect(options.logoutReturnTo);
  }
}

/**
 * `POST backchannel-logout` with form field `logout_token` (OpenID Connect Back-Channel Logout 1.0,
 * section 2.8): `200` when the sessions are removed, `400` for a bad token, `501` when the state
 * store cannot find sessions by `sid` / `sub` (the default cookie store cannot).
 */
export async function backchannelLogoutRoute({ req, client }: RouteContext): Promise<AdapterResponse> {
  if (mediaType(req.header('content-type')) !== 'application/x-www-form-urlencoded')
    return json(400, { error: 'invalid_request' });
  const body = await req.readBody();
  const token = isFields(body) ? body.logout_token : undefined;
  if (typeof token !== 'string' || token === '') return json(400, { error: 'invalid_request' });
  try {
    await client.handleBackchannelLogout(token, noCookies(req.header('host')));
    return { status: 200, headers: { 'cache-control': 'no-store' }, body: '' };
  } catch (err) {
    if (err instanceof Auth0Error && err.code === 'backchannel_logout_unsupported')
      return json(501, { error: err.code });
    if (err instanceof Auth0Error && err.code === 'logout_token_invalid')
      return json(400, { error: 'invalid_request' });
    const answer = errorJson(err);
    if (!answer) throw err;
    return answer;
  }
}

/** A parsed JSON object or form. */
export function isFields(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}
