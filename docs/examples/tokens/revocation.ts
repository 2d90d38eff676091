import type { ServerClient } from 'auth0-server-ts';

// #region logout-revoke
/** Logs out and revokes the session's refresh token at Auth0, so no copy of it can be used again. */
export async function logoutEverywhere<O>(client: ServerClient<O>, storeOptions?: O): Promise<URL> {
  return client.logout({ returnTo: 'https://app.example.com/', revokeRefreshToken: true }, storeOptions);
}
// #endregion logout-revoke

// #region revoke-token
/**
 * Revokes a refresh token the app learned about elsewhere (a support tool, a leaked token report).
 * Every session that holds it fails with `login_required` on its next refresh, in every instance.
 */
export async function revokeLeakedToken<O>(client: ServerClient<O>, refreshToken: string): Promise<void> {
  await client.revokeRefreshToken({ token: refreshToken });
}
// #endregion revoke-token

// #region revoke-session
/**
 * Stops this session from refreshing: its refresh token is revoked and removed from the session. The
 * access tokens it holds work until they expire; then the user logs in again.
 */
export async function revokeSessionRefreshToken<O>(client: ServerClient<O>, storeOptions?: O): Promise<void> {
  await client.revokeRefreshToken({}, storeOptions);
}
// #endregion revoke-session
