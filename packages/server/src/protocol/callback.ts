import * as oauth from 'oauth4webapi';
import { CallbackError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import { untrustedText } from '../lib/untrusted.js';
import type { TransactionData, UserClaims } from '../types.js';
import { verifyIdTokenSignature } from './id-token.js';

/** What a completed code exchange produced: the token answer and the ID token's validated claims. */
export interface ExchangedCode {
  response: oauth.TokenEndpointResponse;
  claims: UserClaims;
}

/**
 * The shape of every `state` this SDK makes (oauth4webapi's 32 random bytes, base64url), with room
 * to spare. A callback's `state` is checked against it before it names a store key or a cookie.
 */
const STATE_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

/** The longest `error` / `error_description` of a callback kept on the error, in characters. */
const MAX_ERROR_LENGTH = 128;
const MAX_DESCRIPTION_LENGTH = 512;

/**
 * The callback URL's `state` when it has the shape of one this SDK makes, else `undefined`: the value
 * is attacker-controlled and becomes a store key and a cookie name.
 */
export function wellFormedState(url: URL): string | undefined {
  const state = url.searchParams.get('state');
  return state !== null && STATE_SHAPE.test(state) ? state : undefined;
}

/**
 * Reads the `state` of a callback URL, after turning a server `error` in it into a
 * {@link CallbackError}. The callback's values never reach the error's message: `error` and
 * `errorDescription` carry them, without control characters and cut to 128 and 512 characters.
 *
 * @throws {CallbackError} `invalid_callback` when the callback carries `error`, or no well-formed `state`.
 */
export function callbackState(url: URL): string {
  const error = url.searchParams.get('error');
  if (error !== null) {
    const description = url.searchParams.get('error_description');
    throw new CallbackError(
      'invalid_callback',
      'The authorization server answered the login with an error (see the error and errorDescription fields)',
      {
        error: untrustedText(error, MAX_ERROR_LENGTH),
        errorDescription:
          description === null ? undefined : untrustedText(description, MAX_DESCRIPTION_LENGTH),
      },
    );
  }
  const state = wellFormedState(url);
  if (state === undefined) {
    throw new CallbackError(
      'invalid_callback',
      url.searchParams.has('state')
        ? 'The callback URL has a malformed state parameter'
        : 'The callback URL has no state parameter',
    );
  }
  return state;
}

/**
 * Exchanges the callback's code for tokens (with the PKCE `codeVerifier`, or `oauth.nopkce` for a
 * magic link, which has none) and validates the answer completely: the callback
 * (`state`, `iss` where the server supports it), then the ID token's signature, `iss`, `aud`, `exp`
 * (jose over the JWKS) and `nonce`, `azp`, `iat` and `auth_time` when `max_age` was sent
 * (oauth4webapi).
 *
 * @throws {CallbackError} `invalid_callback` when the callback has no code or a wrong `iss`.
 * @throws {IdTokenValidationError} `id_token_invalid`, naming the claim.
 * @throws {ServerError} `server_error` when the token endpoint refuses the code (`invalid_grant`).
 * @throws {RequestError} `request_failed` / `request_timeout` / `invalid_response`, also when the JWKS
 *   cannot be loaded (the code is then not sent).
 */
export async function exchangeCode(
  transport: Transport,
  url: URL,
  transaction: TransactionData,
  codeVerifier: string | typeof oauth.nopkce,
): Promise<ExchangedCode> {
  const as = await transport.metadata();
  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(
      as,
      transport.client,
      url,
      transaction.state ?? oauth.skipStateCheck,
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'invalid callback';
    throw new CallbackError(
      'invalid_callback',
      `The callback URL is not a valid authorization response: ${reason}`,
    );
  }
  const redirectUri = transaction.redirectUri ?? `${url.origin}${url.pathname}`;
  // Before the code is spent: the answer's ID token needs the keys.
  await transport.keys.ready();
  const response = await transport.run(async (server) => {
    const res = await oauth.authorizationCodeGrantRequest(
      server,
      transport.client,
      transport.clientAuth,
      parameters,
      redirectUri,
      codeVerifier,
      transport.call,
    );
    return oauth.processAuthorizationCodeResponse(server, transport.client, res, {
      expectedNonce: transaction.nonce ?? oauth.expectNoNonce,
      maxAge: transaction.maxAge ?? oauth.skipAuthTimeCheck,
      requireIdToken: true,
    });
  });
  const claims = await validatedClaims(transport, response);
  if (!claims) throw new CallbackError('invalid_callback', 'The token endpoint answered without an ID token');
  return { response, claims };
}

/**
 * The claims of the ID token in a processed token answer, once its signature is verified too;
 * `undefined` when the answer has no ID token.
 *
 * @throws {IdTokenValidationError} `id_token_invalid`.
 */
export async function validatedClaims(
  transport: Transport,
  response: oauth.TokenEndpointResponse,
): Promise<UserClaims | undefined> {
  const claims = oauth.getValidatedIdTokenClaims(response);
  if (!claims || response.id_token === undefined) return undefined;
  await verifyIdTokenSignature(transport, response.id_token);
  return { ...claims };
}
