import { errors } from '../lib/oidc-provider.js';
import type { TokenEndpointGrantContext } from 'oidc-provider';
import type { MfaService } from '../mfa/index.js';
import type { MfaRequirement } from '../provider/mfa-requirement.js';
import type { UserDirectory } from '../provider/users.js';
import { USER_BLOCKED } from '../provider/users.js';
import type { TokenIssuer } from './issue.js';
import { GRANT } from '../provider/grant-names.js';
import { answerForUser } from './user-answer.js';
import { nonEmptyString } from '../http/body.js';
import { TOO_MANY_ATTEMPTS } from '../provider/password-attempts.js';

/** What the password grants need from the emulator. */
export interface PasswordGrantDeps {
  users: UserDirectory;
  issuer: TokenIssuer;
  mfa: MfaService;
  mfaRequirement: MfaRequirement;
}

/** The parameters oidc-provider passes through to the password grants. */
export const PASSWORD_PARAMETERS = ['username', 'password', 'realm', 'scope', 'resource', 'audience'];

/**
 * The `password` and Auth0 `password-realm` grants (Resource Owner Password). A request that needs MFA
 * (a user with `mfa: "required"`, or an `audience` whose API has it) gets Auth0's 403 `mfa_required`
 * with an mfa_token instead of tokens. Wrong passwords count against the login name: past the limit it
 * answers 429 `too_many_attempts` with `Retry-After` (see PasswordAttempts).
 */
export function passwordGrant(deps: PasswordGrantDeps, gty: string) {
  return async (ctx: TokenEndpointGrantContext): Promise<void> => {
    const { params } = ctx.oidc;
    const username = nonEmptyString(params.username);
    const password = nonEmptyString(params.password);
    if (!username) throw new errors.InvalidRequest('missing required parameter: username');
    if (!password) throw new errors.InvalidRequest('missing required parameter: password');
    if (gty === GRANT.passwordRealm && !nonEmptyString(params.realm)) {
      throw new errors.InvalidRequest('missing required parameter: realm');
    }

    const check = deps.users.authenticate(username, password);
    if (!check.ok && check.retryAfter !== undefined) {
      ctx.status = 429;
      ctx.body = TOO_MANY_ATTEMPTS;
      ctx.set('Retry-After', String(check.retryAfter));
      return;
    }
    if (!check.ok && check.blocked) {
      ctx.status = 401;
      ctx.body = { error: 'unauthorized', error_description: USER_BLOCKED };
      return;
    }
    if (!check.ok) throw new errors.InvalidGrant('Wrong email or password.');
    const { user } = check;

    await answerForUser(ctx, deps, {
      user,
      scope: nonEmptyString(params.scope) ?? 'openid',
      audience: nonEmptyString(params.resource),
      amr: ['pwd'],
      gty,
    });
  };
}
