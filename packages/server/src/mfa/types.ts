import type { MfaRequirements } from '../errors/index.js';

/** A factor the user has enrolled, as `GET /mfa/authenticators` lists it, in camelCase. */
export interface Authenticator {
  /** What `deleteAuthenticator` and `challengeAuthenticator` take (`sms|dev_...`). */
  id: string;
  /** `otp`, `oob` or `recovery-code`; other strings pass through as the server sent them. */
  authenticatorType: 'otp' | 'oob' | 'recovery-code' | (string & Record<never, never>);
  /** `false` while an enrollment is not yet confirmed. */
  active: boolean;
  /** For `oob`: `sms`, `voice`, `email` or `auth0` (push). */
  oobChannel?: string;
  /** A display name, such as a masked phone number. */
  name?: string;
}

/**
 * What `POST /mfa/associate` answered: the secret and QR code URI of an authenticator app, or the
 * out-of-band code of an SMS, voice, email or push enrollment.
 *
 * @example
 * ```ts
 * if (enrollment.authenticatorType === 'otp') showQrCode(enrollment.barcodeUri);
 * ```
 */
export type Enrollment =
  | { authenticatorType: 'otp'; secret: string; barcodeUri: string; recoveryCodes?: string[] }
  | {
      authenticatorType: 'oob';
      oobChannel: string;
      oobCode?: string;
      bindingMethod?: string;
      barcodeUri?: string;
      recoveryCodes?: string[];
    };

/** The answer of `POST /mfa/challenge`. */
export interface Challenge {
  /** `otp` or `oob`, as the server chose. */
  challengeType: string;
  /** For `oob`: what `verify` (or `waitForApproval` for push) takes with the user's code. */
  oobCode?: string;
  /** `prompt` when the user must type a binding code (SMS, voice, email); absent for push. */
  bindingMethod?: string;
  /** Seconds the challenge stays valid, when the server said. */
  expiresIn?: number;
}

/** The tokens a completed MFA grant returned. */
export interface MfaVerifyResult {
  /** The access token for `audience`. */
  accessToken: string;
  /** Unix time in seconds. */
  expiresAt: number;
  /** `Bearer` or `DPoP`. */
  tokenType: string;
  /** The audience the tokens were requested for (and stored under when persisted). */
  audience: string;
  /** When the server issued one (a login finished by MFA). */
  idToken?: string;
  /** When the server issued one; persisted in the session by default. */
  refreshToken?: string;
  /** The scope granted. */
  scope?: string;
  /** A NEW recovery code, after a recovery-code grant: show it to the user once. */
  recoveryCode?: string;
}

/** The session an encrypted mfa token is bound to. */
export interface MfaSessionBinding {
  sid: string;
  sub?: string | undefined;
}

/** What {@link MfaClient.encryptMfaToken} seals. */
export interface MfaTokenInput {
  /** The raw mfa token from the authorization server. */
  mfaToken: string;
  audience?: string | undefined;
  scope?: string | undefined;
  mfaRequirements?: MfaRequirements | undefined;
}

/** What an encrypted mfa token carries, once decrypted and checked. */
export interface MfaTokenContext extends MfaTokenInput {
  /** Unix time in seconds after which the encrypted token is refused. */
  expiresAt: number;
  /** The session the token is bound to; absent for a token issued without a session. */
  session?: MfaSessionBinding;
}
