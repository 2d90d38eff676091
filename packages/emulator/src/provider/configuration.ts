import { errors } from '../lib/oidc-provider.js';
import type { Configuration, JWK } from 'oidc-provider';
import type { EmulatorConfig } from '../config/types.js';
import type { RefreshAudiences } from './refresh-audiences.js';
import type { ApiRegistry } from './apis.js';
import type { CibaRequests } from '../ciba/requests.js';
import { cibaExpiry, cibaFeature } from './ciba.js';
import { clientMetadata } from './clients.js';
import { dpopFeature } from './dpop.js';
import { loadFirstPartyGrant } from './first-party-grant.js';
import { loopbackFriendlyFetch } from './loopback-fetch.js';
import { createMemoryAdapter } from './memory-adapter.js';
import type { MfaRequirement } from './mfa-requirement.js';
import { logoutSource, postLogoutSuccessSource, renderError } from './pages.js';
import { interactionPolicyWithMfa } from './policy.js';
import type { UserDirectory } from './users.js';
import { ACR_MFA, ACR_PWD } from './grant-names.js';
import type { OrganizationDirectory } from '../orgs/directory.js';
import { organizationParams } from '../orgs/authorize.js';
import { organizationClaims, withOrganization } from '../orgs/tokens.js';
import type { AccountLinks } from '../linking/links.js';
import { withIdentities } from '../linking/claims.js';
import { linkingParams } from '../linking/request.js';

/** The emulator's parts that the oidc-provider configuration is built from. */
export interface ProviderConfigurationInput {
  config: EmulatorConfig;
  users: UserDirectory;
  apis: ApiRegistry;
  mfaRequirement: MfaRequirement;
  audiences: RefreshAudiences;
  ciba: CibaRequests;
  orgs: OrganizationDirectory;
  /** Linked accounts: the `identities` claim, and the linking parameters' checks. */
  links: AccountLinks;
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

/** Auth0's endpoint paths, so SDKs that hard-code them (rather than read discovery) work too. */
export const ROUTES = {
  authorization: '/authorize',
  token: '/oauth/token',
  pushed_authorization_request: '/oauth/par',
  revocation: '/oauth/revoke',
  introspection: '/oauth/introspect',
  userinfo: '/userinfo',
  jwks: '/.well-known/jwks.json',
  end_session: '/oidc/logout',
  backchannel_authentication: '/bc-authorize',
};

/** Where oidc-provider sends the browser for login, MFA and consent (Auth0's Universal Login lives under /u/). */
export const INTERACTION_PATH = '/u/';

/** The oidc-provider configuration of the emulator. */
export function providerConfiguration(input: ProviderConfigurationInput): Configuration {
  const { config, users, apis, mfaRequirement, audiences, ciba, orgs, links, jwks, cookieKeys } = input;
  const { ttl } = config;
  return {
    clients: config.clients.map(clientMetadata),
    // The token the account is loaded for (code, refresh token, access token) names the grant, and
    // the grant the organization its login was for.
    findAccount: (_ctx, sub, token) =>
      withOrganization(withIdentities(users.account(sub), links), orgs.forGrant(token?.grantId)),
    extraTokenClaims: (_ctx, token) =>
      organizationClaims('grantId' in token ? orgs.forGrant(token.grantId) : undefined),
    // Organizations (validated), session transfer (/authorize logs the token's user in: login/routes.ts)
    // and account linking (linking/).
    extraParams: { ...organizationParams(orgs), session_transfer_token: null, ...linkingParams(links) },
    claims: {
      // Auth0 ID tokens always carry how and when the user authenticated; oidc-provider includes these
      // only when requested unless the openid scope lists them.
      openid: ['sub', 'amr', 'acr', 'auth_time', 'org_id', 'org_name', 'identities'],
      email: ['email', 'email_verified'],
      profile: ['name', 'nickname'],
    },
    // link_account / unlink_account: account linking (linking/); oidc-provider drops scopes it does not know.
    scopes: ['openid', 'offline_access', 'profile', 'email', 'link_account', 'unlink_account'],
    responseTypes: ['code'],
    acrValues: [ACR_PWD, ACR_MFA],
    // ID tokens keep profile claims even when an access token is also issued, as Auth0's do.
    conformIdTokenClaims: false,
    jwks,
    cookies: { keys: cookieKeys },
    routes: ROUTES,
    pkce: { required: () => true },
    rotateRefreshToken: true,
    loadExistingGrant: loadFirstPartyGrant,
    fetch: loopbackFriendlyFetch,
    adapter: createMemoryAdapter(),
    interactions: {
      url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}`,
      policy: interactionPolicyWithMfa(mfaRequirement, orgs),
    },
    ttl: {
      AccessToken: ttl.accessToken,
      ClientCredentials: ttl.accessToken,
      IdToken: ttl.idToken,
      RefreshToken: ttl.refreshToken,
      Grant: ttl.refreshToken,
      Session: ttl.refreshToken,
      AuthorizationCode: 60,
      Interaction: 3600,
      BackchannelAuthenticationRequest: cibaExpiry,
    },
    renderError,
    features: {
      devInteractions: { enabled: false },
      ciba: cibaFeature(users, ciba),
      claimsParameter: { enabled: true },
      dPoP: dpopFeature(),
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: {
        enabled: true,
        // Auth0 lets only the application a token was issued to revoke it; another one is refused.
        allowedPolicy: (_ctx, client, token) => {
          if (token.clientId !== client.clientId)
            throw new errors.InvalidRequest('the token was not issued to this client');
          return true;
        },
      },
      userinfo: { enabled: true },
      backchannelLogout: { enabled: true },
      pushedAuthorizationRequests: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      resourceIndicators: {
        enabled: true,
        // A refresh or code exchange without `audience` keeps the audience chosen at /authorize, like Auth0.
        useGrantedResource: () => true,
        // A refresh token that gained audiences (MRRT) has a list of them; without `audience` the
        // refresh answers for the login's, or gives the /userinfo token when the login had none.
        defaultResource: (ctx, _client, oneOf) => {
          // Rotation has already replaced the entity; the record is still under the redeemed token.
          const { RotatedRefreshToken, RefreshToken } = ctx.oidc.entities;
          const chain = RotatedRefreshToken ?? RefreshToken;
          return oneOf && chain && audiences.extended(chain) ? audiences.original(chain) : oneOf;
        },
        getResourceServerInfo: (ctx, indicator, client) => {
          // Auth0 issues Management API tokens to machine-to-machine clients it was granted to, by
          // client_credentials only.
          if (indicator === apis.managementAudience) {
            const granted = config.clients.some((c) => c.client_id === client.clientId && c.management_api);
            if (ctx.oidc.params?.grant_type !== 'client_credentials' || !granted)
              throw new errors.AccessDenied(
                `Client is not authorized to access "${indicator}". You need to create a "client-grant" associated to this API.`,
              );
          }
          // The MFA API acts for a user; a client_credentials token (sub = the client) would let a client
          // manage the factors of a user whose id happens to equal its client_id.
          if (indicator === apis.mfaAudience && ctx.oidc.params?.grant_type === 'client_credentials')
            throw new errors.InvalidTarget('the MFA API does not accept client_credentials tokens');
          const info = apis.resourceServer(indicator);
          if (!info) throw new errors.InvalidTarget(`unknown audience ${indicator}`);
          return info;
        },
      },
    },
  };
}
