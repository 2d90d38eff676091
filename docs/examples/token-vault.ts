// docs/token-vault.md: calling a user's Google Calendar with their Token Vault token. Its test runs it
// against auth0-emulator, whose `connections` stand in for Google.
import { LoginRequiredError, TokenForConnectionError, type ServerClient } from 'auth0-server-ts';

// #region calendar
/** The user's next events, with the Google token Auth0 keeps for them (fetched once, then cached). */
export async function nextEvents<O>(
  client: Pick<ServerClient<O>, 'getAccessTokenForConnection'>,
  storeOptions: O,
  fetchImpl: typeof fetch = fetch,
): Promise<unknown> {
  const { accessToken } = await client.getAccessTokenForConnection(
    { connection: 'google-oauth2' },
    storeOptions,
  );
  const res = await fetchImpl(
    'https://www.googleapis.com/calendar/v3/calendars/primary/events?maxResults=5',
    {
      headers: { authorization: `Bearer ${accessToken}` },
    },
  );
  if (!res.ok) throw new Error(`Google Calendar answered HTTP ${res.status}`);
  return res.json();
}
// #endregion calendar

// #region errors
/** What to do when there is no token: log in again, or connect the account first. */
export function whenNoToken(err: unknown): 'login' | 'connect' | undefined {
  if (err instanceof LoginRequiredError) return 'login';
  if (err instanceof TokenForConnectionError) return 'connect'; // err.error, err.errorDescription say why
  return undefined;
}
// #endregion errors
