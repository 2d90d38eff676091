export { MfaService } from './service.js';
export { checkTotpSecret, generateTotp } from './totp.js';
export { qrSvg } from './qr.js';
export { OTP_ALREADY_USED } from './handlers/grants.js';
export type { AssociateAuth } from './handlers/associate.js';
export type { AuthenticatorsAuth } from './handlers/authenticators.js';
export type { VerifyOobInput, VerifyOtpInput, VerifyRecoveryCodeInput } from './handlers/grants.js';
export type {
  AuthenticatorKind,
  AuthenticatorView,
  ErrorBody,
  HandlerResult,
  MfaRequiredBody,
  MfaRequirements,
  MfaServiceOptions,
  MfaUserInput,
  OobChannel,
  OutboxEntry,
  RequirementType,
  SeedAuthenticator,
  SeededUser,
  VerifyFailure,
  VerifyResult,
  VerifySuccess,
} from './types.js';
