import { Auth0Error } from './auth0-error.js';

/**
 * A token does not have the binding the client expects (RFC 9449): `dpop_token_type_mismatch` when a
 * client configured with `useDpop` sent a proof and the server answered a `Bearer` token (the
 * application or API does not accept DPoP, so the token is not bound), or `dpop_key_required` when the
 * session holds a `DPoP` token set and this client has no DPoP key to refresh or use it with (raised
 * before any request, so the refresh token is not spent).
 */
export class DPoPError extends Auth0Error {
  readonly code: 'dpop_token_type_mismatch' | 'dpop_key_required';

  constructor(code: 'dpop_token_type_mismatch' | 'dpop_key_required', message: string) {
    super(message);
    this.code = code;
  }
}
