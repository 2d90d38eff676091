import { randomBytes } from 'node:crypto';
import type { Configuration } from 'oidc-provider';

/**
 * oidc-provider's DPoP (RFC 9449): a proof on a token request binds the tokens to its key (`cnf.jkt`,
 * `token_type: DPoP`; a public client's refresh token too), from any client. A client registered with
 * `dpop_bound_access_tokens` must send a proof, with a nonce this server issued (`use_dpop_nonce`
 * first, as Auth0 does). The nonces are derived from a secret of this run: they need not outlive it.
 */
export function dpopFeature(): NonNullable<NonNullable<Configuration['features']>['dPoP']> {
  return {
    enabled: true,
    nonceSecret: randomBytes(32),
    requireNonce: (ctx) => ctx.oidc.client?.dpopBoundAccessTokens === true,
  };
}
