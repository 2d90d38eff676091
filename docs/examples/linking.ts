// docs/linking.md: linking a GitHub account to the logged-in user, listing the linked accounts, and
// unlinking one. Its test runs every function here against auth0-emulator, whose `connections[].accounts`
// stand in for GitHub.
import {
  CallbackError,
  IdTokenValidationError,
  MissingSessionError,
  type ServerClient,
  type UserClaims,
} from 'auth0-server-ts';

type Linking<O> = Pick<
  ServerClient<O>,
  'startLinkUser' | 'completeLinkUser' | 'startUnlinkUser' | 'completeUnlinkUser' | 'getUser'
>;

// #region start
/** Where to send the browser to link the user's GitHub account (or to unlink it), back on `/settings`. */
export function startGitHubLink<O>(client: Linking<O>, storeOptions: O, unlink = false): Promise<URL> {
  const options = { connection: 'github', appState: { returnTo: '/settings' } };
  return unlink
    ? client.startUnlinkUser(options, storeOptions)
    : client.startLinkUser({ ...options, connectionScope: 'read:user' }, storeOptions);
}
// #endregion start

// #region callback
/** Completes a link at its callback: what to show the user next. */
export async function finishLink<O>(
  client: Linking<O>,
  callbackUrl: string,
  storeOptions: O,
): Promise<'linked' | 'refused' | 'log-in-again'> {
  try {
    await client.completeLinkUser(callbackUrl, storeOptions);
    return 'linked';
  } catch (err) {
    // Cancelled, or the account is linked to someone else: err.errorDescription says which.
    if (err instanceof CallbackError && err.error === 'access_denied') return 'refused';
    // The session ended meanwhile, or is now another user's: it was left as it was.
    if (err instanceof MissingSessionError) return 'log-in-again';
    if (err instanceof IdTokenValidationError && err.code === 'id_token_user_mismatch') return 'log-in-again';
    throw err;
  }
}
// #endregion callback

// #region identities
/** The accounts the user can sign in with, from the `identities` claim (their login first). */
export async function linkedAccounts<O>(client: Linking<O>, storeOptions: O): Promise<string[]> {
  const user: UserClaims | undefined = await client.getUser(storeOptions);
  const identities: unknown[] = Array.isArray(user?.identities) ? user.identities : [];
  return identities.flatMap((identity) =>
    typeof identity === 'object' && identity !== null && 'provider' in identity && 'user_id' in identity
      ? [`${String(identity.provider)}|${String(identity.user_id)}`]
      : [],
  );
}
// #endregion identities
