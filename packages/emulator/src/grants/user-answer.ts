import type { TokenEndpointGrantContext } from 'oidc-provider';
import type { EmulatorUser } from '../config/types.js';
import type { MfaService } from '../mfa/index.js';
import { ACR_PWD } from '../provider/grant-names.js';
import type { MfaRequirement } from '../provider/mfa-requirement.js';
import type { TokenIssuer } from './issue.js';
import type { MfaContext } from './mfa-context.js';

/** What {@link answerForUser} needs from the emulator. */
export interface UserAnswerDeps {
  issuer: TokenIssuer;
  mfa: MfaService;
  mfaRequirement: MfaRequirement;
}

/**
 * The token endpoint's answer to a first-party grant that authenticated `user` (password, passkey):
 * Auth0's 403 `mfa_required` with an mfa_token when the user or the audience needs a second factor,
 * else the tokens asked for.
 */
export async function answerForUser(
  ctx: TokenEndpointGrantContext,
  deps: UserAnswerDeps,
  grant: {
    user: EmulatorUser;
    scope: string;
    audience: string | undefined;
    amr: string[];
    gty: string;
    /** The id of the organization the login is for. */
    organization?: string;
  },
): Promise<void> {
  const { user, scope, audience, gty, amr, organization } = grant;
  const into = organization === undefined ? {} : { organization };
  const authTime = Math.floor(Date.now() / 1000);
  if (deps.mfaRequirement.needed({ user, resource: audience })) {
    const context: MfaContext = {
      kind: 'grant',
      gty,
      scope,
      authTime,
      amr,
      ...(audience ? { audience } : {}),
      ...into,
    };
    const answer = deps.mfa.issueMfaToken({
      userId: user.user_id,
      clientId: ctx.oidc.client.clientId,
      context,
    });
    ctx.body = answer.body;
    ctx.status = answer.status;
    return;
  }
  ctx.body = await deps.issuer.issue(ctx, {
    accountId: user.user_id,
    scope,
    audience,
    amr,
    acr: ACR_PWD,
    authTime,
    gty,
    ...into,
  });
}
