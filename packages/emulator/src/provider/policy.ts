import { interactionPolicy } from '../lib/oidc-provider.js';
import type { interactionPolicy as InteractionPolicy } from 'oidc-provider';
import { ACR_MFA } from './grant-names.js';
import type { MfaRequirement } from './mfa-requirement.js';
import type { OrganizationDirectory } from '../orgs/directory.js';
import { organizationCheck } from '../orgs/policy.js';
import { linkingCheck } from '../linking/request.js';

/**
 * oidc-provider's default prompts plus one login check: a request that needs MFA (`acr_values`
 * multi-factor, an `audience` whose API has `mfa: "always"`, or the MFA API for a session user with an
 * active factor) must show the login (and MFA) pages
 * again when the existing session has not passed a second factor, as Auth0 does for step-up
 * authentication. A second check sends logins into an organization through the pages when they must
 * decide (see organizationCheck).
 */
export function interactionPolicyWithMfa(
  requirement: MfaRequirement,
  orgs: OrganizationDirectory,
): InteractionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  policy.get('login')?.checks.add(
    new interactionPolicy.Check('mfa_required', 'multi-factor authentication is required', (ctx) => {
      const params = ctx.oidc.params;
      const userId = ctx.oidc.session?.accountId;
      if (!requirement.needed({ resource: params?.resource, acrValues: params?.acr_values, userId })) {
        return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      }
      return ctx.oidc.session?.acr === ACR_MFA
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );
  policy.get('login')?.checks.add(organizationCheck(orgs));
  policy.get('login')?.checks.add(linkingCheck());
  return policy;
}
