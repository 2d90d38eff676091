import { Auth0Error, CallbackError, LoginRequiredError } from '../../errors/index.js';
import {
  crossSiteRefused,
  html,
  isCrossSite,
  json,
  redirect,
  type AdapterResponse,
} from './request-response.js';
import { messagePage } from './pages.js';
import { safeReturnTo } from './return-to.js';
import { landOnReturnTo, type RouteContext } from './routes.js';

/**
 * `GET connectAccount?connection=…&returnTo=/path&scopes=a&scopes=b`: starts connecting one of the
 * user's accounts and sends the browser to the connect page; the callback lands on `returnTo`. A
 * request the browser marks as cross-site is refused (another site must not start one for the user);
 * without a session the browser goes to log in first, and lands back on `returnTo`.
 */
export async function connectAccountRoute({
  req,
  handle,
  client,
  options,
}: RouteContext): Promise<AdapterResponse> {
  if (isCrossSite(req, options.origin)) return crossSiteRefused();
  const query = new URL(req.url, 'http://x.invalid').searchParams;
  const connection = query.get('connection')?.trim();
  if (!connection)
    return json(400, { error: 'invalid_request', error_description: 'connection is required' });
  const scopes = query.getAll('scopes').filter(Boolean);
  const { connectCallback, login } = options.routes;
  const returnTo = safeReturnTo(query.get('returnTo') ?? undefined, options.defaultReturnTo);
  try {
    const url = await client.connectAccount(
      {
        connection,
        ...(connectCallback === false ? {} : { redirectUri: `${options.origin}${connectCallback}` }),
        ...(scopes.length ? { scopes } : {}),
        appState: { returnTo },
      },
      handle.storeOptions,
    );
    return redirect(url.href);
  } catch (err) {
    if (err instanceof LoginRequiredError && login !== false)
      // Back to the page that offered the connection: a login's redirects arrive cross-site, so they
      // could not start the connection here anyway.
      return redirect(`${login}?returnTo=${encodeURIComponent(returnTo)}`);
    if (!(err instanceof Auth0Error)) throw err;
    options.onLoginError(err);
    return failedConnect(err, 'The account could not be connected.');
  }
}

/**
 * `GET connectCallback`: completes connecting the account and lands on its `returnTo`. A stale,
 * replayed or refused callback gets a page - never a 500, and nothing from the URL is shown.
 */
export async function connectCallbackRoute(ctx: RouteContext): Promise<AdapterResponse> {
  try {
    return await landOnReturnTo(ctx, (url, storeOptions) =>
      ctx.client.completeConnectAccount<{ returnTo?: unknown }>(url, storeOptions),
    );
  } catch (err) {
    if (!(err instanceof Auth0Error)) throw err;
    if (!(err instanceof CallbackError)) ctx.options.onLoginError(err);
    const message =
      err.code === 'missing_transaction'
        ? 'This link has expired or was already used.'
        : err instanceof CallbackError && err.error === 'access_denied'
          ? 'Connecting the account was cancelled or refused.'
          : 'The account could not be connected.';
    return failedConnect(err, message);
  }
}

function failedConnect(err: Auth0Error, message: string): AdapterResponse {
  const unreachable = err.code === 'request_failed' || err.code === 'request_timeout';
  return html(
    unreachable ? 502 : 400,
    messagePage(
      'Connecting the account did not complete',
      unreachable ? 'The sign-in service could not be reached. Please try again in a moment.' : message,
      { href: '/', text: 'Back to the start page' },
    ),
  );
}
