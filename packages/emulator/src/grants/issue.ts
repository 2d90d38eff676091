import { randomUUID } from 'node:crypto';
import { errors } from '../lib/oidc-provider.js';
import type { RefreshToken, ResourceServerInstance, TokenEndpointGrantContext } from 'oidc-provider';
import type { OrganizationDirectory } from '../orgs/directory.js';
import { organizationClaims } from '../orgs/tokens.js';
import type { ApiRegistry } from '../provider/apis.js';
import type { UserDirectory } from '../provider/users.js';
import { dpopKey } from './dpop.js';

/** Scopes that select ID-token and /userinfo claims rather than API permissions. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
const CLAIMS_BY_SCOPE: Record<string, string[]> = {
  openid: ['sub'],
  profile: ['name', 'nickname'],
  email: ['email', 'email_verified'],
};

/** Everything the extension grants know about the authentication they are issuing tokens for. */
export interface UserTokenRequest {
  accountId: string;
  /** The scope the client asked for (space separated). */
  scope: string;
  /** The API the access token is for (Auth0 `audience`), or none for an opaque /userinfo token. */
  audience: string | undefined;
  amr: string[];
  acr: string;
  authTime: number;
  /** The grant type recorded on the tokens. */
  gty: string;
  /** Keeps a session id across refreshes; a new one is minted otherwise. */
  sid?: string;
  /** Reuses an existing grant (step-up on refresh) instead of creating one. */
  grantId?: string;
  /**
   * The consumed refresh token this request rotates (step-up on refresh): the new one continues its
   * chain (audiences, scope, first issue time, rotation count) as the built-in refresh grant does.
   */
  rotates?: RefreshToken;
  /** The `act` claim of a delegated token exchange (RFC 8693), set on the access and ID tokens. */
  act?: { sub: string };
  /**
   * The id of the organization the login is for: the grant is bound to it, so these tokens and every
   * refresh carry its `org_id` and `org_name`. A reused grant keeps the organization it was bound to.
   */
  organization?: string;
}

/** The JSON body of a successful token response. */
export interface TokenResponseBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
  id_token?: string;
  refresh_token?: string;
  [extra: string]: unknown;
}

/**
 * Issues tokens for the grants oidc-provider does not implement (password, password-realm, the MFA
 * grants), with the provider's own models so they are indistinguishable from the built-in grants'
 * tokens: same signing keys, same storage, revocable by grant, refreshable by the refresh_token grant.
 * A request with a DPoP proof gets tokens bound to its key, as the built-in grants do (see dpop.ts).
 */
export class TokenIssuer {
  constructor(
    private readonly users: UserDirectory,
    private readonly apis: ApiRegistry,
    private readonly orgs: OrganizationDirectory,
  ) {}

  async issue(ctx: TokenEndpointGrantContext, request: UserTokenRequest): Promise<TokenResponseBody> {
    const { provider, client } = ctx.oidc;
    const account = this.users.account(request.accountId);
    const user = this.users.byId(request.accountId);
    if (!account || !user) throw new errors.InvalidGrant('user not found');

    const scopes = new Set(request.scope.split(' ').filter(Boolean));
    const existing = request.grantId ? await provider.Grant.find(request.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ clientId: client.clientId, accountId: request.accountId });
    grant.addOIDCScope([...scopes].filter((scope) => OIDC_SCOPES.has(scope)));

    let resourceServer: ResourceServerInstance | undefined;
    if (request.audience) {
      const info = this.apis.resourceServer(request.audience);
      if (!info) throw new errors.InvalidTarget(`unknown audience ${request.audience}`);
      resourceServer = new provider.ResourceServer(request.audience, info);
      grant.addResourceScope(
        request.audience,
        [...scopes].filter((scope) => resourceServer?.scopes.has(scope)),
      );
    }
    const grantId = await grant.save();
    const asked = request.organization === undefined ? undefined : this.orgs.byId(request.organization);
    if (asked) this.orgs.bind(grantId, asked);
    const org = this.orgs.forGrant(grantId);
    const sid = request.sid ?? randomUUID();

    const at = new provider.AccessToken({
      accountId: request.accountId,
      client,
      grantId,
      gty: request.gty,
      sid,
    });
    if (resourceServer && request.audience) {
      at.resourceServer = resourceServer;
      at.scope = grant.getResourceScopeFiltered(request.audience, scopes) || undefined;
    } else {
      at.scope = grant.getOIDCScopeFiltered(scopes) || undefined;
    }
    if (request.act) at.extra = { act: request.act };
    const jkt = await dpopKey(ctx);
    if (jkt) at.setThumbprint('jkt', jkt);
    const accessToken = await at.save();

    const body: TokenResponseBody = {
      access_token: accessToken,
      token_type: at.tokenType,
      expires_in: at.expiration,
    };
    const grantedScope = [...scopes].filter(
      (scope) => OIDC_SCOPES.has(scope) || resourceServer?.scopes.has(scope),
    );
    if (grantedScope.length) body.scope = grantedScope.join(' ');

    const { rotates } = request;
    if (rotates || (scopes.has('offline_access') && client.grantTypeAllowed('refresh_token'))) {
      const rt = new provider.RefreshToken({
        accountId: request.accountId,
        client,
        grantId,
        gty: request.gty,
        scope: rotates?.scope ?? grantedScope.join(' '),
        resource: rotates ? rotates.resource : request.audience,
        acr: request.acr,
        amr: request.amr,
        authTime: request.authTime,
        sid,
        rotations: rotates ? (rotates.rotations ?? 0) + 1 : 0,
        ...(rotates?.iiat ? { iiat: rotates.iiat } : {}),
        ...(rotates?.claims ? { claims: rotates.claims } : {}),
      });
      // RFC 9449 §5: a public client's refresh token is bound to the key; a rotation keeps the binding.
      const rtJkt = rotates ? rotates.jkt : client.clientAuthMethod === 'none' ? at.jkt : undefined;
      if (rtJkt) rt.jkt = rtJkt;
      body.refresh_token = await rt.save();
      // As the built-in refresh grant does, so `grant.success` listeners see the rotation.
      if (rotates) ctx.oidc.entity('RotatedRefreshToken', rotates);
      ctx.oidc.entity('RefreshToken', rt);
    }

    if (scopes.has('openid')) {
      const available = await account.claims('id_token', request.scope, {}, []);
      // IdToken's scope mask is not part of its public API, so the allowed claims are set explicitly.
      const idToken = new provider.IdToken({}, { ctx });
      for (const scope of scopes) {
        for (const claim of CLAIMS_BY_SCOPE[scope] ?? []) idToken.set(claim, available[claim]);
      }
      idToken.set('sub', request.accountId);
      idToken.set('acr', request.acr);
      idToken.set('amr', request.amr);
      idToken.set('auth_time', request.authTime);
      idToken.set('sid', sid);
      if (request.act) idToken.set('act', request.act);
      for (const [claim, value] of Object.entries(organizationClaims(org))) idToken.set(claim, value);
      body.id_token = await idToken.issue({ use: 'idtoken' });
    }
    return body;
  }
}
