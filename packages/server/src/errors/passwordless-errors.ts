import { Auth0Error } from './auth0-error.js';

/**
 * `startPasswordless` was refused: the server's `error` says why (`bad.connection`, `bad.email`,
 * `bad.phone_number`, `bad.redirect_uri`, `invalid_client`, `too_many_requests`, ...). A transport
 * failure is a {@link RequestError} instead, as everywhere in this SDK.
 *
 * @example
 * ```ts
 * if (err instanceof PasswordlessStartError && err.error === 'bad.email') return showForm('Check the address');
 * ```
 */
export class PasswordlessStartError extends Auth0Error {
  readonly code = 'passwordless_start_failed' as const;
}

/**
 * A passwordless login could not be completed: the code was wrong, expired or used up (`error` is
 * `invalid_grant`, `errorDescription` Auth0's words), the server refused the request
 * (`too_many_attempts`, `unauthorized_client`, ...), or the answer had no ID token to log in with. No
 * session is written. An `mfa_required` answer is a {@link MfaRequiredError} instead.
 *
 * @example
 * ```ts
 * if (err instanceof PasswordlessVerifyError && err.error === 'invalid_grant') return showForm('Wrong or expired code');
 * ```
 */
export class PasswordlessVerifyError extends Auth0Error {
  readonly code = 'passwordless_verify_failed' as const;
}
