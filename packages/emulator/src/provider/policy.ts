import { interactionPolicy } from 'oidc-provider';
import { ACR_MFA } from '../grants/names.js';

/**
 * oidc-provider's default prompts plus one login check: a request with
 * `acr_values=http://schemas.openid.net/pape/policies/2007/06/multi-factor` must show the login
 * (and MFA) pages again when the existing session has not passed a second factor, as Auth0 does
 * for step-up authentication.
 */
export function interactionPolicyWithMfa(): interactionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  policy.get('login')?.checks.add(
    new interactionPolicy.Check('mfa_requested', 'multi-factor authentication was requested', (ctx) => {
      const requested = String(ctx.oidc.params?.acr_values ?? '').split(' ');
      if (!requested.includes(ACR_MFA)) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      return ctx.oidc.session?.acr === ACR_MFA
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}
