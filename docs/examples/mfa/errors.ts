import { Auth0Error } from 'auth0-server-ts';

// #region errors
/** What to tell the user when an MFA step fails. Never shows a token or code. */
export function mfaErrorMessage(err: unknown): string {
  if (!(err instanceof Auth0Error)) return 'Something went wrong.';
  switch (err.code) {
    case 'mfa_token_expired':
      return 'This sign-in step took too long. Please start again.';
    case 'mfa_token_invalid':
      return 'This sign-in step is not valid for your session. Please start again.';
    case 'mfa_required':
      return 'One more verification step is needed.';
    case 'server_error':
      switch (err.error) {
        case 'invalid_grant':
          return 'That code is not right, or the request was rejected.';
        case 'expired_token':
          return 'The code expired. Request a new one.';
        case 'too_many_attempts':
          return `Too many attempts. Try again${err.retryAfter ? ` in ${err.retryAfter} seconds` : ' later'}.`;
        default:
          return 'The verification could not be completed.';
      }
    default:
      return 'Something went wrong.';
  }
}
// #endregion errors
