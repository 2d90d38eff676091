import * as oauth from 'oauth4webapi';
import type { Auth0Error } from '../errors/index.js';
import { ServerError } from '../errors/index.js';
import type { OauthCallOptions, RunOptions, Transport } from '../http/index.js';

/**
 * Runs an extension grant at the token endpoint (Token Vault's federated-connection exchange, RFC
 * 8693 token exchange) with client authentication, through the transport's error funnel.
 * `invalid_grant` is a plain server answer here: the caller decides what it means. `call` replaces the
 * transport's oauth4webapi options (a grant Auth0 takes as JSON wraps its fetch).
 */
export async function exchangeGrant(
  transport: Transport,
  grantType: string,
  parameters: Record<string, string>,
  run: RunOptions = {},
  call: OauthCallOptions = transport.call,
): Promise<oauth.TokenEndpointResponse> {
  return transport.run(async (as) => {
    const res = await oauth.genericTokenEndpointRequest(
      as,
      transport.client,
      transport.clientAuth,
      grantType,
      parameters,
      call,
    );
    return oauth.processGenericTokenEndpointResponse(as, transport.client, res, {
      // A session transfer token is not for an API: Auth0 answers `token_type: N_A`.
      recognizedTokenTypes: { n_a: () => undefined },
    });
  }, run);
}

/**
 * `err` as the operation's own error class when the server refused the grant (a {@link ServerError},
 * keeping what the server said); anything else (transport failures, a sealed `mfa_required`) as it is.
 */
export function refusedAs<E extends Auth0Error>(
  err: unknown,
  make: (message: string, answer: ServerError) => E,
  message: string,
): unknown {
  return err instanceof ServerError ? make(message, err) : err;
}
