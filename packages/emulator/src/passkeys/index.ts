import type Provider from 'oidc-provider';
import type { EmulatorConfig } from '../config/types.js';
import { withDpopProof } from '../grants/dpop.js';
import type { TokenIssuer } from '../grants/issue.js';
import type { ClientAuthenticator } from '../http/client-auth.js';
import type { MfaService } from '../mfa/index.js';
import { GRANT } from '../provider/grant-names.js';
import type { OrganizationDirectory } from '../orgs/directory.js';
import type { MfaRequirement } from '../provider/mfa-requirement.js';
import type { UserDirectory } from '../provider/users.js';
import { PasskeyChallenges } from './auth-sessions.js';
import { PasskeyCredentials } from './credentials.js';
import { PASSKEY_PARAMETERS, passkeyGrant } from './grant.js';
import type { PasskeyRouteDeps } from './routes.js';

/** What a tenant's passkeys are built from. */
export interface PasskeyTenantDeps {
  users: UserDirectory;
  issuer: TokenIssuer;
  clients: ClientAuthenticator;
  config: EmulatorConfig;
  mfa: MfaService;
  mfaRequirement: MfaRequirement;
  orgs: OrganizationDirectory;
  now: () => number;
}

/**
 * Auth0's native passkey API for one tenant (built again on reset): registers the webauthn grant on
 * the provider and returns what the `/passkey/*` routes need. Challenges and passkeys live in memory.
 */
export function passkeyTenant(provider: Provider, deps: PasskeyTenantDeps): PasskeyRouteDeps {
  const challenges = new PasskeyChallenges(deps.now);
  const credentials = new PasskeyCredentials();
  const registered = deps.config.clients;
  provider.registerGrantType(
    GRANT.webauthn,
    withDpopProof(passkeyGrant({ ...deps, challenges, credentials, registered })),
    PASSKEY_PARAMETERS,
  );
  return { clients: deps.clients, registered, users: deps.users, challenges, orgs: deps.orgs };
}
