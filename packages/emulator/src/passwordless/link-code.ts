import { randomUUID } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { LinkParams } from './codes.js';

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * An authorization code for a magic-link login, made with the provider's own models so that the
 * ordinary `authorization_code` grant redeems it: a grant for the scopes asked, no PKCE challenge
 * (Auth0's magic link has none), the link's `redirect_uri` to repeat at the exchange.
 */
export async function mintAuthorizationCode(
  provider: Provider,
  request: LinkParams & { clientId: string; accountId: string },
): Promise<string> {
  const client = await provider.Client.find(request.clientId);
  if (!client) throw new Error('the magic link names no registered client');
  const scopes = request.scope.split(' ').filter(Boolean);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  const grant = new provider.Grant({ clientId: client.clientId, accountId: request.accountId });
  grant.addOIDCScope(scopes.filter((scope) => OIDC_SCOPES.has(scope)).join(' '));
  if (request.audience) {
    grant.addResourceScope(request.audience, scopes.filter((scope) => !OIDC_SCOPES.has(scope)).join(' '));
  }
  const code = new provider.AuthorizationCode({
    client,
    gty: 'authorization_code',
    accountId: request.accountId,
    grantId: await grant.save(),
    redirectUri: request.redirectUri,
    scope: scopes.join(' '),
    ...(request.audience ? { resource: request.audience } : {}),
    acr: 'http://schemas.openid.net/pape/policies/2007/06/none',
    amr: ['email'],
    authTime: Math.floor(Date.now() / 1000),
    sid: randomUUID(),
    claims: { id_token: { sid: null } },
  });
  return code.save();
}
