import { Auth0Error } from './auth0-error.js';

/**
 * The user must log in (again): there is no session, the session holds no refresh token, or the
 * authorization server rejected the refresh token (`error` is then `invalid_grant`). The session is
 * left as it was; redirect the user to the login route.
 *
 * @example
 * ```ts
 * if (err instanceof LoginRequiredError) return res.redirect('/auth/login');
 * ```
 */
export class LoginRequiredError extends Auth0Error {
  readonly code = 'login_required' as const;
}
