import { Auth0Error } from './auth0-error.js';

/**
 * `client.database.signUp` was refused. `error` carries Auth0's code: `invalid_signup` (the user
 * exists, or the sign-up is not allowed: Auth0 does not say which), `invalid_password` (the password
 * policy; `errorDescription` is then "Password is too weak"), `password_dictionary_error`,
 * `password_no_user_info_error`, `bad.connection`, `invalid_body`, ... A transport failure is a
 * {@link RequestError} instead.
 *
 * @example
 * ```ts
 * if (err instanceof SignUpError && err.error === 'invalid_password') return showForm('Choose a stronger password');
 * ```
 */
export class SignUpError extends Auth0Error {
  readonly code = 'signup_failed' as const;
}

/**
 * `client.database.changePassword` was refused (`error`: `bad.connection`, `invalid_body`,
 * `too_many_requests`, ...). Auth0 answers an unknown email like a known one, so success says nothing
 * about the account.
 */
export class ChangePasswordError extends Auth0Error {
  readonly code = 'change_password_failed' as const;
}
