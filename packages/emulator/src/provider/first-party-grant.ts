import type { Grant, KoaContextWithOIDC } from 'oidc-provider';

type GrantInstance = InstanceType<typeof Grant>;

/**
 * `loadExistingGrant` for first-party applications: Auth0 skips the consent screen for them, so the
 * session's grant is extended with whatever the request asks for (OIDC scopes, claims, and each
 * requested API's scopes) and the consent prompt never has anything to ask.
 */
export async function loadFirstPartyGrant(ctx: KoaContextWithOIDC): Promise<GrantInstance | undefined> {
  const { oidc } = ctx;
  const { client, session, account } = oidc;
  if (!client || !session || !account) return undefined;

  const grantId = oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  const grant =
    existing ?? new oidc.provider.Grant({ clientId: client.clientId, accountId: account.accountId });

  grant.addOIDCScope(oidc.requestParamOIDCScopes);
  grant.addOIDCClaims(oidc.requestParamClaims);
  for (const [indicator, server] of Object.entries(oidc.resourceServers ?? {})) {
    grant.addResourceScope(
      indicator,
      [...oidc.requestParamScopes].filter((scope) => server.scopes.has(scope)),
    );
  }
  await grant.save();
  return grant;
}
