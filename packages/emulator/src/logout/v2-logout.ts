import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { redirect, sendHtml } from '../http/respond.js';
import { errorBox, html, page } from '../http/html.js';
import { sentAndRegistered, signedOutPage } from '../provider/pages.js';
import { endBrowserSession } from './end-session.js';
import type { LogoutOptions } from './end-session.js';

/** Options of {@link v2Logout}. */
export type V2LogoutOptions = LogoutOptions;

/** The logout URLs `returnTo` may be: the client's, or every client's without `client_id`. */
async function logoutUrlsFor(
  provider: Provider,
  clientId: string | null,
  allowed: string[],
): Promise<readonly string[]> {
  if (!clientId) return allowed;
  const client = await provider.Client.find(clientId);
  return client?.postLogoutRedirectUris ?? [];
}

function refusedPage(returnTo: string, clientId: string | null, allowed: readonly string[]): string {
  const whose = clientId ? `of the client ${clientId}` : 'of any client (no client_id was sent)';
  return page(
    'Logout failed',
    html`${errorBox(`returnTo is not an allowed logout URL ${whose}.`)}
      ${sentAndRegistered(returnTo, 'Allowed (post_logout_redirect_uris)', allowed)}
      <p>Matching is exact, trailing slash included.</p>`,
  );
}

/**
 * Auth0's `GET /v2/logout?returnTo=&client_id=`: ends the browser session at once (no confirmation
 * page), then redirects to `returnTo` if it is an allowed logout URL.
 */
export async function v2Logout(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  allowedReturnTo: string[],
  options: V2LogoutOptions = {},
): Promise<void> {
  const url = new URL(req.url ?? '/', provider.issuer);
  const returnTo = url.searchParams.get('returnTo');
  const clientId = url.searchParams.get('client_id');
  if (returnTo) {
    const allowed = await logoutUrlsFor(provider, clientId, allowedReturnTo);
    if (!allowed.includes(returnTo)) return sendHtml(res, 400, refusedPage(returnTo, clientId, allowed));
  }
  await endBrowserSession(provider, req, res, options);
  if (returnTo) redirect(res, returnTo, 302);
  else sendHtml(res, 200, signedOutPage());
}
