import type { ClientMetadata } from 'oidc-provider';
import type { EmulatorClient } from '../config/types.js';
import { AUTH0_GRANT_TYPES, CIBA_GRANT } from './grant-names.js';

/** Every client is a first-party application that may use any grant the emulator supports, as in Auth0. */
export function clientMetadata(client: EmulatorClient): ClientMetadata {
  const interactive = client.redirect_uris.length > 0;
  const confidential = client.token_endpoint_auth_method !== 'none';
  const grantTypes = [
    ...(interactive ? ['authorization_code'] : []),
    'refresh_token',
    // CIBA needs a client that authenticates: Auth0 offers it to confidential applications only.
    ...(confidential ? ['client_credentials', CIBA_GRANT] : []),
    ...AUTH0_GRANT_TYPES,
  ];
  const metadata: ClientMetadata = {
    client_id: client.client_id,
    client_name: client.name ?? client.client_id,
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris,
    response_types: interactive ? ['code'] : [],
    grant_types: grantTypes,
    token_endpoint_auth_method: client.token_endpoint_auth_method,
  };
  if (confidential) metadata.backchannel_token_delivery_mode = 'poll';
  if (client.client_secret) metadata.client_secret = client.client_secret;
  if (client.jwks) metadata.jwks = { keys: client.jwks.keys };
  if (client.dpop_bound_access_tokens) metadata.dpop_bound_access_tokens = true;
  if (client.backchannel_logout_uri) {
    metadata.backchannel_logout_uri = client.backchannel_logout_uri;
    metadata.backchannel_logout_session_required = true;
  }
  return metadata;
}
