import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { redirect, sendHtml } from '../http/respond.js';
import { errorBox, page } from '../login/html.js';
import { signedOutPage } from '../provider/pages.js';

interface BackchannelCapable {
  backchannelLogout(sub: string, sid: string | undefined): Promise<void>;
}

/** oidc-provider's Client has `backchannelLogout` at run time, but its published types omit it. */
function canBackchannel(client: unknown): client is BackchannelCapable {
  return (
    typeof client === 'object' &&
    client !== null &&
    typeof Reflect.get(client, 'backchannelLogout') === 'function'
  );
}

/** Options of {@link v2Logout}. */
export interface V2LogoutOptions {
  /** Called with each delivery failure so the console can say why a relying party was not told. */
  onBackchannelError?: (clientId: string, error: unknown) => void;
}

async function returnToAllowed(
  provider: Provider,
  returnTo: string,
  clientId: string | null,
  allowed: string[],
): Promise<boolean> {
  if (clientId) {
    const client = await provider.Client.find(clientId);
    return client?.postLogoutRedirectUriAllowed(returnTo) ?? false;
  }
  return allowed.includes(returnTo);
}

/**
 * Auth0's `GET /v2/logout?returnTo=&client_id=`: ends the browser session at once (no confirmation
 * page, unlike /oidc/logout), tells every relying party of the session by back-channel logout,
 * revokes the session's grants, then redirects to `returnTo` if it is an allowed logout URL.
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
  if (returnTo && !(await returnToAllowed(provider, returnTo, clientId, allowedReturnTo))) {
    sendHtml(
      res,
      400,
      page('Logout failed', errorBox('returnTo is not an allowed logout URL of this client.')),
    );
    return;
  }

  const ctx = provider.createContext(req, res);
  const session = await provider.Session.get(ctx);
  const accountId = session.accountId;
  if (accountId) {
    for (const [id, authorization] of Object.entries(session.authorizations ?? {})) {
      const client = await provider.Client.find(id);
      if (client?.backchannelLogoutUri && canBackchannel(client)) {
        await client
          .backchannelLogout(accountId, session.sidFor(id))
          .catch((error: unknown) => options.onBackchannelError?.(id, error));
      }
      if (authorization.grantId) await revokeGrant(provider, authorization.grantId);
    }
    await session.destroy();
  }
  // Koa's cookie jar writes the expiring Set-Cookie header straight onto `res`.
  ctx.cookies.set(provider.cookieName('session'), null);

  if (returnTo) redirect(res, returnTo, 302);
  else sendHtml(res, 200, signedOutPage());
}

async function revokeGrant(provider: Provider, grantId: string): Promise<void> {
  await Promise.all([
    provider.AccessToken.revokeByGrantId(grantId),
    provider.RefreshToken.revokeByGrantId(grantId),
    provider.Grant.find(grantId).then((grant) => grant?.destroy()),
  ]);
}
