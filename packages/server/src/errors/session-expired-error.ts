import { Auth0Error } from './auth0-error.js';

/**
 * A login's ID token carries an IPSIE `session_expiry` that is already reached, or within 30 seconds
 * of the token's `iat`: the session would be born expired, so none is written. The same name as in
 * `@auth0/auth0-server-js`; send the user to log in again at the identity provider.
 *
 * @example
 * ```ts
 * if (err instanceof SessionExpiredError) return res.redirect('/auth/login');
 * ```
 */
export class SessionExpiredError extends Auth0Error {
  readonly code = 'session_expired' as const;
}
