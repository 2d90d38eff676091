import type Provider from 'oidc-provider';
import { MFA_GRANT_PARAMETERS, mfaGrant } from './mfa-grants.js';
import type { MfaGrantDeps } from './mfa-grants.js';
import { PASSWORD_PARAMETERS, passwordGrant } from './password.js';
import type { PasswordGrantDeps } from './password.js';
import { GRANT } from '../provider/grant-names.js';
import type { EmulatorConnection } from '../config/types.js';
import { FEDERATED_CONNECTION_PARAMETERS, federatedConnectionGrant } from './federated-connection.js';
import { TOKEN_EXCHANGE_PARAMETERS, tokenExchangeGrant, type TokenExchangeDeps } from './token-exchange.js';
import { withDpopProof } from './dpop.js';

/**
 * Adds Auth0's extension grants to the provider's token endpoint. Those that issue this server's tokens
 * check a DPoP proof first and bind their tokens to its key; the federated connection grant hands out
 * the upstream provider's tokens, which no proof here can bind.
 */
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
    provider.registerGrantType(gty, withDpopProof(passwordGrant(deps, gty)), PASSWORD_PARAMETERS);
  }
  for (const [gty, parameters] of Object.entries(MFA_GRANT_PARAMETERS)) {
    provider.registerGrantType(gty, withDpopProof(mfaGrant(deps, gty)), parameters);
  }
  provider.registerGrantType(
    GRANT.federatedConnection,
    federatedConnectionGrant(deps.connections, deps.connected),
    FEDERATED_CONNECTION_PARAMETERS,
  );
  provider.registerGrantType(
    GRANT.tokenExchange,
    withDpopProof(tokenExchangeGrant(deps)),
    TOKEN_EXCHANGE_PARAMETERS,
  );
}
