import { Auth0Error } from './auth0-error.js';
import type { BackchannelAuthenticationError } from './backchannel-authentication-error.js';
import type { BackchannelLogoutError } from './backchannel-logout-error.js';
import type { CallbackError } from './callback-error.js';
import type { IdTokenValidationError } from './id-token-error.js';
import type { LoginRequiredError } from './login-required-error.js';
import type { MfaRequiredError, MfaTokenExpiredError, MfaTokenInvalidError } from './mfa-errors.js';
import type { RequestError } from './request-error.js';
import type { ServerError } from './server-error.js';
import type { SessionTooLargeError } from './session-too-large-error.js';
import type { StoreError } from './store-error.js';
import type { OrganizationValidationError } from './organization-error.js';
import type { SessionExpiredError } from './session-expired-error.js';
import type { SessionHookError } from './session-hook-error.js';
import type { PasswordlessStartError, PasswordlessVerifyError } from './passwordless-errors.js';
import type { ChangePasswordError, SignUpError } from './database-errors.js';
import type { PasskeyChallengeError, PasskeyGetTokenError, PasskeyRegisterError } from './passkey-errors.js';
import type { TokenExchangeError, TokenForConnectionError } from './token-exchange-errors.js';
import type { MyAccountApiError } from './my-account-error.js';
import type { DPoPError } from './dpop-error.js';

/**
 * Every error class this SDK throws, as a union discriminated by `code`: after
 * {@link isAuth0Error}, `switch (err.code)` narrows to the class, so `case 'mfa_required':` can read
 * `err.mfaToken`.
 *
 * @example
 * ```ts
 * function describe(err: AnyAuth0Error) { return `${err.code}: ${err.message}`; }
 * ```
 */
export type AnyAuth0Error =
  | RequestError
  | ServerError
  | LoginRequiredError
  | CallbackError
  | IdTokenValidationError
  | BackchannelLogoutError
  | BackchannelAuthenticationError
  | SessionTooLargeError
  | MfaRequiredError
  | MfaTokenExpiredError
  | MfaTokenInvalidError
  | StoreError
  | OrganizationValidationError
  | SessionExpiredError
  | SessionHookError
  | PasswordlessStartError
  | PasswordlessVerifyError
  | SignUpError
  | ChangePasswordError
  | PasskeyRegisterError
  | PasskeyChallengeError
  | PasskeyGetTokenError
  | TokenForConnectionError
  | TokenExchangeError
  | MyAccountApiError
  | DPoPError;

/**
 * Whether `value` is an error thrown by this SDK, typed as the union of its classes.
 *
 * @example
 * ```ts
 * if (isAuth0Error(err)) {
 *   switch (err.code) {
 *     case 'mfa_required': return renderMfa(err.mfaToken);
 *     case 'login_required': return redirectToLogin();
 *   }
 * }
 * ```
 */
export function isAuth0Error(value: unknown): value is AnyAuth0Error {
  // Auth0Error is abstract and every concrete subclass is a member of the union.
  return value instanceof Auth0Error;
}
