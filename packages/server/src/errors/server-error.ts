import { Auth0Error } from './auth0-error.js';

/**
 * The authorization server answered with an OAuth error (`error` / `error_description`) that has no
 * more specific class: `invalid_request`, `too_many_attempts`, `authorization_pending`, `slow_down`,
 * `expired_token`, `unauthorized_client`, ... Read `error`, `errorDescription`, `status` and
 * `retryAfter` for the details.
 *
 * @example
 * ```ts
 * if (err instanceof ServerError && err.error === 'too_many_attempts') wait(err.retryAfter);
 * ```
 */
export class ServerError extends Auth0Error {
  readonly code = 'server_error' as const;
}
