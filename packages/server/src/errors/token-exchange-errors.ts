import { Auth0Error } from './auth0-error.js';

/**
 * The authorization server refused to exchange the session's refresh token for a federated
 * connection's access token (Token Vault): the connection is unknown or not enabled for token
 * storage, the user has no account on it, or the upstream token could not be obtained. `error`,
 * `errorDescription` and `status` say what the server answered.
 *
 * @example
 * ```ts
 * if (err instanceof TokenForConnectionError) return res.redirect('/connect/google');
 * ```
 */
export class TokenForConnectionError extends Auth0Error {
  readonly code = 'token_for_connection_error' as const;
}

/**
 * A token exchange (Custom Token Exchange, session transfer) failed. `code` is
 * `token_exchange_error` when the server refused it (`error`, `errorDescription` and `status` say
 * how: an unknown subject token type, a subject token the profile rejected, an actor the tenant
 * would not take), or `actor_unavailable` when a session transfer token was asked for without an
 * actor and the session has no ID token to act as one (raised before any request).
 */
export class TokenExchangeError extends Auth0Error {
  readonly code: 'token_exchange_error' | 'actor_unavailable';

  constructor(
    code: 'token_exchange_error' | 'actor_unavailable',
    message: string,
    answer?: ConstructorParameters<typeof Auth0Error>[1],
    options?: { cause?: unknown },
  ) {
    super(message, answer, options);
    this.code = code;
  }
}
