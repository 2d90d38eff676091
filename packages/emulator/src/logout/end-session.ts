import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

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

/** Options of the logout routes. */
export interface LogoutOptions {
  /** Called with each delivery failure so the console can say why a relying party was not told. */
  onBackchannelError?: (clientId: string, error: unknown) => void;
}

async function revokeGrant(provider: Provider, grantId: string): Promise<void> {
  await Promise.all([
    provider.AccessToken.revokeByGrantId(grantId),
    provider.RefreshToken.revokeByGrantId(grantId),
    provider.Grant.find(grantId).then((grant) => grant?.destroy()),
  ]);
}

/**
 * Ends the browser's session at once, as Auth0's logout endpoints do: tells every relying party of the
 * session by back-channel logout, revokes the session's grants, destroys the session and expires its
 * cookie on `res`. Nothing is sent; the caller answers.
 */
export async function endBrowserSession(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  options: LogoutOptions = {},
): Promise<void> {
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
}
