import { Auth0Error } from './auth0-error.js';

/**
 * What the passkey errors share: the peer's `statusCode` beside this SDK's `status`, and `cause`
 * holding the server's `{ error, error_description }` as the peer's does. A transport failure is a
 * {@link RequestError} instead, as everywhere in this SDK.
 */
abstract class PasskeyError extends Auth0Error {
  /** The HTTP status of the server's answer: the peer's name for {@link Auth0Error.status}. */
  get statusCode(): number | undefined {
    return this.status;
  }
}

/**
 * `client.passkey.register` was refused: `error` says why (`invalid_signup` when the user exists,
 * `invalid_request` for a bad profile or realm, `invalid_client`, `unauthorized_client` when passkeys
 * are not enabled for the application, `too_many_requests`, ...).
 *
 * @example
 * ```ts
 * if (err instanceof PasskeyRegisterError && err.error === 'invalid_signup') return showForm('That email is taken');
 * ```
 */
export class PasskeyRegisterError extends PasskeyError {
  readonly code = 'passkey_register_error' as const;
}

/**
 * `client.passkey.challenge` was refused (`invalid_request`, `invalid_client`, `unauthorized_client`,
 * `too_many_requests`, ...).
 */
export class PasskeyChallengeError extends PasskeyError {
  readonly code = 'passkey_challenge_error' as const;
}

/**
 * `client.passkey.getToken` was refused: the credential did not verify, is unknown or was made for
 * another site, or the `authSession` is unknown, used or expired (`error` `invalid_grant`, status 403);
 * a malformed request is `invalid_request`. No session is written. An `mfa_required` answer is a
 * {@link MfaRequiredError} instead, and an ID token without the organization asked for an
 * {@link OrganizationValidationError}.
 *
 * @example
 * ```ts
 * if (err instanceof PasskeyGetTokenError && err.error === 'invalid_grant') return showPage('That passkey did not work');
 * ```
 */
export class PasskeyGetTokenError extends PasskeyError {
  readonly code = 'passkey_get_token_error' as const;
}
