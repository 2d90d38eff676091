// docs/connected-accounts.md: connecting a user's Google account, listing and removing connected accounts.
// Its test runs it against auth0-emulator, whose connect page stands in for Google's consent screen.
import { MyAccountApiError, type ServerClient } from 'auth0-server-ts';

// #region start
/** Starts connecting the user's Google Calendar; redirect the browser to the URL returned. */
export async function startConnect<O>(
  client: Pick<ServerClient<O>, 'connectAccount'>,
  storeOptions: O,
): Promise<URL> {
  return client.connectAccount(
    {
      connection: 'google-oauth2',
      scopes: ['https://www.googleapis.com/auth/calendar.events'],
      appState: { returnTo: '/settings' },
    },
    storeOptions,
  );
}
// #endregion start

// #region callback
/** At the redirect URI: files the account, then says where to land. */
export async function finishConnect<O>(
  client: Pick<ServerClient<O>, 'completeConnectAccount'>,
  callbackUrl: string,
  storeOptions: O,
): Promise<string> {
  const { appState } = await client.completeConnectAccount<{ returnTo: string }>(callbackUrl, storeOptions);
  return appState?.returnTo ?? '/';
}
// #endregion callback

// #region manage
/** Removes every account the user connected on `connection`; returns how many. */
export async function disconnect<O>(
  client: Pick<ServerClient<O>, 'listConnectedAccounts' | 'deleteConnectedAccount'>,
  connection: string,
  storeOptions: O,
): Promise<number> {
  let removed = 0;
  let from: string | undefined;
  do {
    const page = await client.listConnectedAccounts({ connection, ...(from ? { from } : {}) }, storeOptions);
    for (const account of page.accounts) {
      await client.deleteConnectedAccount(account.id, storeOptions);
      removed += 1;
    }
    from = page.next;
  } while (from);
  return removed;
}
// #endregion manage

// #region errors
/** The API's RFC 7807 answer, for a log line: no token is ever in it. */
export function describeRefusal(err: unknown): string | undefined {
  if (!(err instanceof MyAccountApiError)) return undefined;
  return `${err.status ?? '?'} ${err.title ?? ''}: ${err.detail ?? ''}`;
}
// #endregion errors
