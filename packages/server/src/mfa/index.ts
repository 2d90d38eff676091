export { MfaClient } from './client.js';
export { createMfaTokens, DEFAULT_MFA_TOKEN_TTL, type MfaTokens, type MfaTokensOptions } from './tokens.js';
export { parseRequirements, sealRequiredAnswers, type MfaBinding } from './required.js';
export { factorsFor, filterByRequirements, isFactorType, requirementOf, type FactorType } from './factors.js';
export type { EnrollmentFactor } from './operations.js';
export type {
  ChallengeOptions,
  DeleteAuthenticatorOptions,
  EnrollFactorOptions,
  EnrollOptions,
  MfaClientOptions,
  OobChannel,
  PeerEnrollOptions,
  VerifyCommon,
  VerifyOptions,
  WaitForApprovalOptions,
  WithMfaToken,
} from './options.js';
export type {
  Authenticator,
  Challenge,
  Enrollment,
  MfaSessionBinding,
  MfaTokenContext,
  MfaTokenInput,
  MfaVerifyResult,
} from './types.js';
