import type Provider from 'oidc-provider';
import { MFA_GRANT_PARAMETERS, mfaGrant } from './mfa-grants.js';
import type { MfaGrantDeps } from './mfa-grants.js';
import { PASSWORD_PARAMETERS, passwordGrant } from './password.js';
import type { PasswordGrantDeps } from './password.js';
import { GRANT } from '../provider/grant-names.js';
import type { EmulatorConnection } from '../config/types.js';
import { FEDERATED_CONNECTION_PARAMETERS, federatedConnectionGrant } from './federated-connection.js';
import { TOKEN_EXCHANGE_PARAMETERS, tokenExchangeGrant, type TokenExchangeDeps } from './token-exchange.js';

/** Adds Auth0's extension grants to the provider's token endpoint. */
export function registerAuth0Grants(
  provider: Provider,
  deps: PasswordGrantDeps &
    MfaGrantDeps &
    Omit<TokenExchangeDeps, 'issuer'> & {
      connections: readonly EmulatorConnection[];
      /** Whether the user connected an account on the connection (My Account API). */
      connected: (userId: string, connection: string) => boolean;
    },
): void {
  for (const gty of [GRANT.password, GRANT.passwordRealm]) {
    provider.registerGrantType(gty, passwordGrant(deps, gty), PASSWORD_PARAMETERS);
  }
  for (const [gty, parameters] of Object.entries(MFA_GRANT_PARAMETERS)) {
    provider.registerGrantType(gty, mfaGrant(deps, gty), parameters);
  }
  provider.registerGrantType(
    GRANT.federatedConnection,
    federatedConnectionGrant(deps.connections, deps.connected),
    FEDERATED_CONNECTION_PARAMETERS,
  );
  provider.registerGrantType(GRANT.tokenExchange, tokenExchangeGrant(deps), TOKEN_EXCHANGE_PARAMETERS);
}
