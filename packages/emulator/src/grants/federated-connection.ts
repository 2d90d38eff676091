import { randomBytes } from 'node:crypto';
import type { TokenEndpointGrantContext } from 'oidc-provider';
import type { EmulatorConnection } from '../config/types.js';
import { nonEmptyString } from '../http/body.js';
import { errors } from '../lib/oidc-provider.js';

export const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';
export const FEDERATED_TOKEN_TYPE = 'http://auth0.com/oauth/token-type/federated-connection-access-token';

/** The parameters oidc-provider passes through to the federated-connection grant. */
export const FEDERATED_CONNECTION_PARAMETERS = [
  'subject_token',
  'subject_token_type',
  'requested_token_type',
  'connection',
  'login_hint',
];

/**
 * Token Vault's grant: the client presents a user's refresh token and a connection's name, and gets
 * that user's access token at the upstream provider. The emulator is the upstream provider too: each
 * exchange mints a fresh opaque token with the connection's configured lifetime. The refresh token is
 * checked (this client's, unexpired, not consumed) but not rotated, as Auth0 does. A user has an
 * account on a connection when its `users` list names them (every user without a list), or when they
 * connected one through the My Account API (`connected`).
 */
export function federatedConnectionGrant(
  connections: readonly EmulatorConnection[],
  connected: (userId: string, connection: string) => boolean = () => false,
) {
  return async (ctx: TokenEndpointGrantContext): Promise<void> => {
    const { params, client, provider } = ctx.oidc;
    const subject = nonEmptyString(params.subject_token);
    const name = nonEmptyString(params.connection);
    if (!subject) throw new errors.InvalidRequest('missing required parameter: subject_token');
    if (params.subject_token_type !== REFRESH_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`subject_token_type must be ${REFRESH_TOKEN_TYPE}`);
    }
    if (params.requested_token_type !== FEDERATED_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`requested_token_type must be ${FEDERATED_TOKEN_TYPE}`);
    }
    if (!name) throw new errors.InvalidRequest('missing required parameter: connection');
    const refreshToken = await provider.RefreshToken.find(subject, { ignoreExpiration: true });
    if (
      !refreshToken ||
      refreshToken.isExpired ||
      refreshToken.consumed ||
      refreshToken.clientId !== client.clientId
    ) {
      throw new errors.InvalidGrant('Invalid refresh token.');
    }
    const connection = connections.find((c) => c.name === name);
    if (!connection) throw new errors.InvalidRequest('connection is not enabled for this client');
    const accountId = refreshToken.accountId;
    if (connection.users && !connection.users.includes(accountId) && !connected(accountId, name)) {
      throw new errors.InvalidGrant('Federated connection Refresh Token not found.');
    }
    ctx.body = {
      access_token: `upstream.${name}.${randomBytes(24).toString('base64url')}`,
      token_type: 'Bearer',
      expires_in: connection.expires_in,
      issued_token_type: FEDERATED_TOKEN_TYPE,
      ...(connection.scope ? { scope: connection.scope } : {}),
    };
  };
}
