import type { ServerClient } from 'auth0-server-ts';

// #region delete
/**
 * Removes one of the user's authenticators. Without an accessToken, the SDK gets one for Auth0's MFA
 * API (scope remove:authenticators) through the session, so the login must have asked for a refresh
 * token (offline_access).
 */
export async function removeAuthenticator<O>(
  client: ServerClient<O>,
  authenticatorId: string,
  storeOptions?: O,
) {
  await client.mfa.deleteAuthenticator({ authenticatorId }, storeOptions);
}
// #endregion delete
