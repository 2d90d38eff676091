import type { TokenEndpointGrantContext } from 'oidc-provider';
import { GRANT } from '../provider/grant-names.js';
import { answerForUser, type UserAnswerDeps } from '../grants/user-answer.js';
import { nonEmptyString } from '../http/body.js';
import type { UserDirectory } from '../provider/users.js';
import { errors } from '../lib/oidc-provider.js';
import { refusalDescription, type PasswordlessCodes } from './codes.js';
import { passwordlessUser } from './users.js';

/** The parameters oidc-provider passes through to the passwordless grant. */
export const PASSWORDLESS_PARAMETERS = ['username', 'otp', 'realm', 'scope', 'resource', 'audience'];

/** What the passwordless grant needs from the emulator. */
export interface PasswordlessGrantDeps extends UserAnswerDeps {
  users: UserDirectory;
  codes: PasswordlessCodes;
}

/**
 * Auth0's `http://auth0.com/oauth/grant-type/passwordless/otp` grant: `username` (the email or phone
 * number), `otp` (the code sent) and `realm` (`email` or `sms`). A wrong, expired or spent code answers
 * 403 `invalid_grant` with Auth0's description; after three wrong ones the code is spent. A user or
 * an audience that needs MFA gets `mfa_required`, as after a password.
 */
export function passwordlessGrant(deps: PasswordlessGrantDeps) {
  return async (ctx: TokenEndpointGrantContext): Promise<void> => {
    const { params, client } = ctx.oidc;
    const username = nonEmptyString(params.username);
    const otp = nonEmptyString(params.otp);
    const realm = params.realm;
    if (!username) throw new errors.InvalidRequest('missing required parameter: username');
    if (!otp) throw new errors.InvalidRequest('missing required parameter: otp');
    if (realm !== 'email' && realm !== 'sms') throw new errors.InvalidRequest('realm must be email or sms');
    const check = deps.codes.redeem(client.clientId, realm, username, otp);
    if (!check.ok) {
      ctx.status = 403;
      ctx.body = { error: 'invalid_grant', error_description: refusalDescription(check.reason, realm) };
      return;
    }
    const user = passwordlessUser(deps.users, realm, username);
    await answerForUser(ctx, deps, {
      user,
      scope: nonEmptyString(params.scope) ?? 'openid',
      audience: nonEmptyString(params.resource),
      amr: [realm],
      gty: GRANT.passwordlessOtp,
    });
  };
}
