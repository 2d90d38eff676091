import type { TokenEndpointGrantContext } from 'oidc-provider';
import { dpopProofs, errors } from '../lib/oidc-provider.js';

/** The key thumbprint of each request's checked proof (`undefined`: no proof), so the checks run once. */
const checked = new WeakMap<TokenEndpointGrantContext, Promise<string | undefined>>();

async function check(ctx: TokenEndpointGrantContext): Promise<string | undefined> {
  const { provider, client } = ctx.oidc;
  const proof = await dpopProofs.validate(provider, ctx);
  // The code grant's refusal, word for word.
  if (!proof && client.dpopBoundAccessTokens) throw new errors.InvalidGrant('DPoP proof JWT not provided');
  await dpopProofs.checkReplay(provider, ctx, proof, client.clientId, errors.InvalidGrant);
  return proof?.thumbprint;
}

/**
 * The JWK thumbprint the request's `DPoP` proof binds its tokens to, or `undefined` without a proof.
 * The proof is checked as oidc-provider checks it for its own grants (RFC 9449 §4.3: `typ`, an
 * asymmetric `alg`, a public `jwk`, the signature, `htm`, `htu`, `iat`, the provider's nonce when the
 * client requires one, `jti` not seen before); a client with `dpop_bound_access_tokens` must send one.
 */
export function dpopKey(ctx: TokenEndpointGrantContext): Promise<string | undefined> {
  let result = checked.get(ctx);
  if (!result) {
    result = check(ctx);
    checked.set(ctx, result);
  }
  return result;
}

/**
 * A grant handler that checks the request's DPoP proof before anything else, as the built-in grants
 * do: a `use_dpop_nonce` answer must not spend an mfa_token, a code or a refresh token, since the
 * client sends the same request again with the nonce.
 */
export function withDpopProof(
  handler: (ctx: TokenEndpointGrantContext) => Promise<void>,
): (ctx: TokenEndpointGrantContext) => Promise<void> {
  return async (ctx) => {
    await dpopKey(ctx);
    await handler(ctx);
  };
}

/** Refuses a request whose proof is not signed by the key `token` is bound to (a public client's refresh token). */
export async function assertBoundKey(ctx: TokenEndpointGrantContext, token: { jkt?: string | undefined }) {
  if (token.jkt && token.jkt !== (await dpopKey(ctx)))
    throw new errors.InvalidGrant('failed jkt verification');
}
