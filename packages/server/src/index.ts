/**
 * `auth0-server-ts`: server-side Auth0 / OpenID Connect for Node.js, Bun, Deno and Cloudflare Workers,
 * with first-class MFA.
 *
 * @packageDocumentation
 */
export { ServerClient } from './client.js';
export { filterDefaultIdTokenClaims } from './session/default-claims.js';
export type { ServerClientOptions, AuthorizationParameters, DomainResolver } from './config.js';
export type { StartInteractiveLoginOptions } from './protocol/authorize.js';
export type { StartLinkUserOptions, StartUnlinkUserOptions } from './protocol/link-user.js';
export type { GetAccessTokenOptions } from './protocol/access-token.js';
export type { DPoPHeaders, GetDPoPHeadersOptions } from './protocol/dpop.js';
export type { DpopKeyPair, KeyObjectLike } from './crypto/index.js';
export type { AccessTokenForConnectionOptions } from './protocol/connection-token.js';
export type {
  CompleteConnectAccountResult,
  ConnectAccountOptions,
  ConnectedAccount,
  ConnectedAccountsPage,
  ListConnectedAccountsOptions,
} from './protocol/connected-accounts.js';
export type { ActClaim, CustomTokenExchangeOptions, ExchangedTokens } from './protocol/token-exchange.js';
export type {
  RequestSessionTransferTokenOptions,
  SessionTransferActor,
  SessionTransferTokenResult,
} from './protocol/session-transfer.js';
export type { LogoutOptions } from './protocol/logout.js';
export type { RevokeRefreshTokenOptions } from './protocol/revoke.js';
export type {
  AuthorizationDetails,
  BackchannelClock,
  BackchannelLoginStart,
  BackchannelPollResult,
  LoginBackchannelOptions,
  LoginBackchannelResult,
} from './protocol/ciba.js';
export type { TokenResponse } from './protocol/token-response.js';
export type {
  StartPasswordlessOptions,
  StartPasswordlessEmailCodeOptions,
  StartPasswordlessEmailLinkOptions,
  StartPasswordlessSmsOptions,
  CompletePasswordlessOptions,
  CompletePasswordlessEmailOptions,
  CompletePasswordlessSmsOptions,
  CompletePasswordlessResult,
} from './protocol/passwordless.js';
export type {
  DatabaseClient,
  SignUpOptions,
  SignUpResult,
  ChangePasswordOptions,
} from './protocol/database.js';
export type { PasskeyClient } from './protocol/passkey-client.js';
export type {
  PasskeyChallengeOptions,
  PasskeyChallengeResponse,
  PasskeyCreationOptions,
  PasskeyCredentialResponse,
  PasskeyGetTokenOptions,
  PasskeyGetTokenResult,
  PasskeyRegisterOptions,
  PasskeyRegisterResponse,
  PasskeyRequestOptions,
} from './protocol/passkey.js';
export { BACKCHANNEL_LOGOUT_EVENT } from './protocol/backchannel-logout.js';
export {
  AbstractStateStore,
  AbstractTransactionStore,
  StatelessStateStore,
  StatefulStateStore,
  CookieTransactionStore,
  MemoryTransactionStore,
  MemorySessionStore,
  serializeCookie,
  parseCookieHeader,
  type StatelessStateStoreOptions,
  type StatefulStateStoreOptions,
  type CookieTransactionStoreOptions,
  type EncryptedStoreOptions,
  type SessionStore,
} from './stores/index.js';
export type { SessionConfiguration, SessionCookieOptions } from './session/index.js';
export {
  type MfaClient,
  type Authenticator,
  type Challenge,
  type Enrollment,
  type EnrollmentFactor,
  type FactorType,
  type MfaTokenContext,
  type MfaVerifyResult,
  type ChallengeOptions,
  type DeleteAuthenticatorOptions,
  type EnrollFactorOptions,
  type EnrollOptions,
  type OobChannel,
  type PeerEnrollOptions,
  type VerifyOptions,
  type WaitForApprovalOptions,
  type WithMfaToken,
} from './mfa/index.js';
export {
  Auth0Error,
  RequestError,
  ServerError,
  LoginRequiredError,
  CallbackError,
  IdTokenValidationError,
  BackchannelLogoutError,
  BackchannelAuthenticationError,
  SessionTooLargeError,
  MfaRequiredError,
  MfaTokenExpiredError,
  MfaTokenInvalidError,
  StoreError,
  OrganizationValidationError,
  SessionExpiredError,
  SessionHookError,
  PasswordlessStartError,
  PasswordlessVerifyError,
  SignUpError,
  ChangePasswordError,
  PasskeyRegisterError,
  PasskeyChallengeError,
  PasskeyGetTokenError,
  TokenForConnectionError,
  TokenExchangeError,
  MyAccountApiError,
  type MyAccountValidationError,
  DPoPError,
  isAuth0Error,
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
  type AnyAuth0Error,
  type ErrorCode,
  type PeerErrorCode,
  type ServerAnswer,
  type MfaRequirement,
  type MfaRequirements,
} from './errors/index.js';
export type {
  UserClaims,
  TokenSet,
  ConnectionTokenSet,
  StateData,
  SessionData,
  BeforeSessionSavedHook,
  SessionUpdate,
  InternalStateData,
  TransactionData,
  LogoutTokenClaims,
  AbstractDataStore,
  StateStore,
  TransactionStore,
  CookieHandler,
  CookieSerializeOptions,
} from './types.js';
