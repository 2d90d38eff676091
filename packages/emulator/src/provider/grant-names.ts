/** Auth0's extension grant types (`grant_type` values at /oauth/token). */
export const GRANT = {
  password: 'password',
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  mfaOob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  mfaRecoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  passwordlessOtp: 'http://auth0.com/oauth/grant-type/passwordless/otp',
  tokenExchange: 'urn:ietf:params:oauth:grant-type:token-exchange',
  federatedConnection: 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token',
  webauthn: 'urn:okta:params:oauth:grant-type:webauthn',
} as const;

/** Client-Initiated Backchannel Authentication (`/bc-authorize`, then polling /oauth/token). */
export const CIBA_GRANT = 'urn:openid:params:grant-type:ciba';

/** Every Auth0 extension grant type, for client metadata. */
export const AUTH0_GRANT_TYPES: string[] = Object.values(GRANT);

/** `acr` of a session or grant that passed a second factor (the value Auth0 uses in `acr_values`). */
export const ACR_MFA = 'http://schemas.openid.net/pape/policies/2007/06/multi-factor';
/** `acr` of a password-only authentication: PAPE's "no policy applied". */
export const ACR_PWD = 'http://schemas.openid.net/pape/policies/2007/06/none';
