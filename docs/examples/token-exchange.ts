// docs/token-exchange.md: Custom Token Exchange (RFC 8693). Its test runs it against auth0-emulator,
// whose `token_exchange_profiles` stand in for the tenant's profiles and Actions.
import type { ServerClient } from 'auth0-server-ts';

// #region login
/** Logs in a user of the legacy system from its session token: no password page, a normal session after. */
export async function loginFromLegacy<O>(
  client: Pick<ServerClient<O>, 'loginWithCustomTokenExchange'>,
  legacyToken: string,
  storeOptions: O,
): Promise<void> {
  await client.loginWithCustomTokenExchange(
    { subjectTokenType: 'urn:acme:legacy-token', subjectToken: legacyToken, scope: 'offline_access' },
    storeOptions,
  );
}
// #endregion login

// #region delegate
/** Tokens for `customerToken`'s user that say the logged-in support agent acts for them (`act`). */
export async function actFor<O>(
  client: Pick<ServerClient<O>, 'customTokenExchange' | 'getSession'>,
  customerToken: string,
  storeOptions: O,
) {
  const agent = await client.getSession(storeOptions);
  if (!agent?.idToken) throw new Error('the agent must be logged in');
  const tokens = await client.customTokenExchange({
    subjectTokenType: 'urn:acme:legacy-token',
    subjectToken: customerToken,
    actorToken: agent.idToken,
    actorTokenType: 'urn:ietf:params:oauth:token-type:id_token',
  });
  return { accessToken: tokens.accessToken, actingAgent: tokens.act?.sub };
}
// #endregion delegate
