import { Auth0Error } from './auth0-error.js';

/**
 * A Client-Initiated Backchannel Authentication (CIBA) request ended without tokens.
 *
 * - `access_denied`: the user denied the request on their device (`error` is `access_denied`).
 * - `expired_token`: the request expired before the user answered: the server said so (`error` is
 *   `expired_token`), or its `expires_in` ran out while the SDK waited (`error` is `undefined`).
 *   Start a new request.
 *
 * @example
 * ```ts
 * if (err instanceof BackchannelAuthenticationError && err.code === 'access_denied') return res.status(403).end();
 * ```
 */
export class BackchannelAuthenticationError extends Auth0Error {
  readonly code: 'access_denied' | 'expired_token';

  constructor(
    code: BackchannelAuthenticationError['code'],
    message: string,
    answer?: ConstructorParameters<typeof Auth0Error>[1],
  ) {
    super(message, answer);
    this.code = code;
  }
}
