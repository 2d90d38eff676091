import { errors } from '../lib/oidc-provider.js';
import type { TokenEndpointGrantContext } from 'oidc-provider';
import type { MfaService, VerifyResult } from '../mfa/index.js';
import type { TokenIssuer, TokenResponseBody } from './issue.js';
import { isMfaContext } from './mfa-context.js';
import type { MfaContext } from './mfa-context.js';
import type { MfaLedger } from './mfa-ledger.js';
import type { RefreshAudiences } from '../provider/refresh-audiences.js';
import { ACR_MFA, GRANT } from '../provider/grant-names.js';
import { nonEmptyString } from '../http/body.js';
import { assertBoundKey } from './dpop.js';

/** What the MFA grants need from the emulator. */
export interface MfaGrantDeps {
  mfa: MfaService;
  issuer: TokenIssuer;
  ledger: MfaLedger;
  audiences: RefreshAudiences;
}

/** Each MFA grant type with the parameters oidc-provider passes through to it. */
export const MFA_GRANT_PARAMETERS: Record<string, string[]> = {
  [GRANT.mfaOtp]: ['mfa_token', 'otp'],
  [GRANT.mfaOob]: ['mfa_token', 'oob_code', 'binding_code'],
  [GRANT.mfaRecoveryCode]: ['mfa_token', 'recovery_code'],
};

function mergeAmr(...lists: Array<string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

function verify(deps: MfaGrantDeps, gty: string, ctx: TokenEndpointGrantContext): VerifyResult {
  const { params, client } = ctx.oidc;
  const base = { clientId: client.clientId, mfaToken: nonEmptyString(params.mfa_token) };
  switch (gty) {
    case GRANT.mfaOtp:
      return deps.mfa.verifyOtp({ ...base, otp: nonEmptyString(params.otp) });
    case GRANT.mfaOob:
      return deps.mfa.verifyOob({
        ...base,
        oobCode: nonEmptyString(params.oob_code),
        bindingCode: nonEmptyString(params.binding_code),
      });
    default:
      return deps.mfa.verifyRecoveryCode({ ...base, recoveryCode: nonEmptyString(params.recovery_code) });
  }
}

/**
 * Finishes a refresh interrupted by step-up: the requested API is added to the refresh token (it may not
 * be the login's audience, see RefreshAudiences), which is then rotated like the built-in grant does.
 */
async function finishRefresh(
  deps: MfaGrantDeps,
  ctx: TokenEndpointGrantContext,
  context: Extract<MfaContext, { kind: 'refresh' }>,
  factors: string[],
): Promise<TokenResponseBody> {
  const { provider, client } = ctx.oidc;
  const refreshToken = await provider.RefreshToken.find(context.refreshToken, { ignoreExpiration: true });
  if (
    !refreshToken ||
    refreshToken.clientId !== client.clientId ||
    refreshToken.isExpired ||
    refreshToken.consumed
  ) {
    throw new errors.InvalidGrant('refresh token is no longer valid');
  }
  await assertBoundKey(ctx, refreshToken);
  if (context.audience) await deps.audiences.extend(provider, refreshToken, context.audience, context.scope);
  await refreshToken.consume();
  if (refreshToken.grantId) deps.ledger.markPassed(refreshToken.grantId);
  return deps.issuer.issue(ctx, {
    accountId: refreshToken.accountId,
    scope: context.scope ?? refreshToken.scope ?? 'openid',
    audience: context.audience ?? deps.audiences.original(refreshToken),
    // The login's own first factor first; a refresh token that recorded none counts as a password login.
    amr: mergeAmr(refreshToken.amr ?? ['pwd'], factors),
    acr: ACR_MFA,
    authTime: refreshToken.authTime ?? Math.floor(Date.now() / 1000),
    gty: 'refresh_token',
    ...(refreshToken.sid ? { sid: refreshToken.sid } : {}),
    ...(refreshToken.grantId ? { grantId: refreshToken.grantId } : {}),
    rotates: refreshToken,
  });
}

/**
 * Auth0's MFA grants (`mfa-otp`, `mfa-oob`, `mfa-recovery-code`). The MFA module checks the factor;
 * on success the request that answered `mfa_required` is finished here with the provider's models,
 * and the grant it created or refreshed counts as having passed MFA from then on.
 */
export function mfaGrant(deps: MfaGrantDeps, gty: string) {
  return async (ctx: TokenEndpointGrantContext): Promise<void> => {
    const result = verify(deps, gty, ctx);
    if (!result.ok) {
      ctx.body = result.body;
      ctx.status = result.status;
      for (const [name, value] of Object.entries(result.headers ?? {})) ctx.set(name, value);
      return;
    }
    const { context } = result;
    if (!isMfaContext(context) || context.kind === 'interaction') {
      throw new errors.InvalidGrant('this mfa_token cannot be redeemed at the token endpoint');
    }
    const body =
      context.kind === 'refresh'
        ? await finishRefresh(deps, ctx, context, result.amr)
        : await deps.issuer.issue(ctx, {
            accountId: result.userId,
            scope: context.scope,
            audience: context.audience,
            amr: mergeAmr(context.amr, result.amr),
            acr: ACR_MFA,
            authTime: context.authTime,
            gty: context.gty,
            ...(context.organization === undefined ? {} : { organization: context.organization }),
          });
    if (result.recoveryCode) body.recovery_code = result.recoveryCode;
    ctx.body = body;
  };
}
