import type { ServerClient, TokenSet } from 'auth0-server-ts';

// #region force-refresh
/**
 * An access token that reflects a change just made to the user (roles, permissions, metadata): the
 * stored token was issued before the change and stays valid until it expires, so the refresh is
 * forced. Requests of the same session that do this at the same moment share one refresh.
 */
export async function tokenAfterChange<O>(
  client: ServerClient<O>,
  change: () => Promise<void>,
  audience: string,
  storeOptions?: O,
): Promise<TokenSet> {
  await change();
  return client.getAccessToken({ audience, refresh: true }, storeOptions);
}
// #endregion force-refresh
