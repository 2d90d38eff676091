export { Auth0Error, type ErrorCode, type PeerErrorCode, type ServerAnswer } from './auth0-error.js';
export { RequestError } from './request-error.js';
export { ServerError } from './server-error.js';
export { LoginRequiredError } from './login-required-error.js';
export { CallbackError } from './callback-error.js';
export { IdTokenValidationError } from './id-token-error.js';
export { BackchannelLogoutError } from './backchannel-logout-error.js';
export { BackchannelAuthenticationError } from './backchannel-authentication-error.js';
export { SessionTooLargeError } from './session-too-large-error.js';
export {
  MfaRequiredError,
  MfaTokenExpiredError,
  MfaTokenInvalidError,
  type MfaRequirement,
  type MfaRequirements,
} from './mfa-errors.js';
export { StoreError } from './store-error.js';
export { OrganizationValidationError } from './organization-error.js';
export { SessionExpiredError } from './session-expired-error.js';
export { SessionHookError } from './session-hook-error.js';
export { PasswordlessStartError, PasswordlessVerifyError } from './passwordless-errors.js';
export { SignUpError, ChangePasswordError } from './database-errors.js';
export { PasskeyChallengeError, PasskeyGetTokenError, PasskeyRegisterError } from './passkey-errors.js';
export { TokenExchangeError, TokenForConnectionError } from './token-exchange-errors.js';
export { MyAccountApiError, type MyAccountValidationError } from './my-account-error.js';
export { DPoPError } from './dpop-error.js';
export { isAuth0Error, type AnyAuth0Error } from './any-error.js';
export {
  InvalidConfigurationError,
  MfaChallengeError,
  MfaDeleteAuthenticatorError,
  MfaEnrollmentError,
  MfaListAuthenticatorsError,
  MfaVerifyError,
  MissingRequiredArgumentError,
  MissingSessionError,
  MissingTransactionError,
  StartLinkUserError,
  TokenByCodeError,
  TokenByRefreshTokenError,
  VerifyLogoutTokenError,
  asPeerOperation,
  withPeerCode,
} from './peer.js';
