/**
 * Public types of the MFA module: what the host passes in and what it gets back. Every handler answers a
 * {@link HandlerResult} that the host writes to the wire as is (status, JSON body, headers).
 */

/** An authenticator kind as the emulator stores it; `push` is Auth0 Guardian (`oob_channel: "auth0"`). */
export type AuthenticatorKind = 'otp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code';

/** The `oob_channel` values of Auth0's MFA API. */
export type OobChannel = 'sms' | 'voice' | 'email' | 'auth0';

/** The factor names used in `mfa_requirements`. */
export type RequirementType = 'otp' | 'phone' | 'email' | 'push-notification' | 'recovery-code';

/** `mfa_requirements` of an `mfa_required` answer: factors to challenge, or factors to enroll first. */
export type MfaRequirements =
  { challenge: Array<{ type: RequirementType }> } | { enroll: Array<{ type: RequirementType }> };

/** An authenticator given in configuration; it starts active. */
export type SeedAuthenticator =
  | { type: 'otp'; secret?: string }
  | { type: 'sms' | 'voice'; phone_number: string }
  | { type: 'email'; email: string }
  | { type: 'push' };

/** A user as the host declares it. */
export interface MfaUserInput {
  /** The `sub` of the user, for example `auth0|alice`. */
  userId: string;
  /** Used in the otpauth label and as the default address of an email authenticator. */
  email?: string;
  /** How many distinct factors one login needs (chained MFA). Defaults to 1. */
  factorsRequired?: number;
  /** Authenticators that are already enrolled and active. */
  authenticators?: SeedAuthenticator[];
}

/** One authenticator as `GET /mfa/authenticators` lists it. */
export interface AuthenticatorView {
  id: string;
  authenticator_type: 'otp' | 'oob' | 'recovery-code';
  active: boolean;
  oob_channel?: OobChannel;
  /** A masked phone number or email address, as Auth0 shows them. */
  name?: string;
}

/** What {@link MfaUserInput} registration produced, for the host to print at start-up. */
export interface SeededUser {
  userId: string;
  /** The seeded authenticators in order; `secret` is set for otp ones (given or generated). */
  authenticators: Array<AuthenticatorView & { secret?: string }>;
  /** The user's recovery code, issued when at least one authenticator was seeded. */
  recoveryCode?: string;
}

/** An HTTP answer for the host to send: JSON `body` (absent for 204) and extra `headers`. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The OAuth-style error body every failure carries. */
export interface ErrorBody {
  error: string;
  error_description: string;
}

/** The body of a 403 `mfa_required` answer. */
export interface MfaRequiredBody extends ErrorBody {
  error: 'mfa_required';
  mfa_token: string;
  mfa_requirements: MfaRequirements;
}

/** A token-endpoint MFA grant that passed every required factor: the host now issues tokens. */
export interface VerifySuccess {
  ok: true;
  userId: string;
  /** The opaque value given to {@link MfaService.issueMfaToken}, unchanged. */
  context: unknown;
  /** `mfa` followed by one method per factor verified in this flow, in order (RFC 8176 names where one exists). */
  amr: string[];
  /** The user's NEW recovery code after the recovery-code grant: add it to the token response once. */
  recoveryCode?: string;
}

/** A token-endpoint MFA grant that did not (yet) succeed: send `status`, `body` and `headers` as is. */
export interface VerifyFailure {
  ok: false;
  status: number;
  body: ErrorBody | MfaRequiredBody;
  headers?: Record<string, string>;
}

/** The outcome of the mfa-otp, mfa-oob and mfa-recovery-code grants. */
export type VerifyResult = VerifySuccess | VerifyFailure;

/** A code "sent" by SMS, voice call or email, as `GET /__dev/outbox` lists it. */
export interface OutboxEntry {
  channel: 'sms' | 'voice' | 'email';
  /** The phone number or email address. */
  to: string;
  /** The 6-digit code, to be sent as `binding_code`. */
  code: string;
  /** The oob_code of the challenge or enrollment the code belongs to (MFA codes only). */
  oob_code?: string;
  /** What the message is for: absent for MFA codes, else a passwordless login or a password reset. */
  purpose?: 'passwordless' | 'password_reset';
  /** The link in the message: a magic link, or the password-reset page. */
  link?: string;
  /** When it was sent, ISO 8601. */
  at: string;
}

/** Options of {@link MfaService}. */
export interface MfaServiceOptions {
  /** The tenant name: the label and `issuer` of enrollment `otpauth://` URIs, as authenticator apps show it. */
  tenant: string;
  /** The issuer URL, given to Guardian-like apps as `base_url` in push enrollment URIs. */
  baseUrl: string;
  /** Receives one line per code sent and per push started, so the console shows them. */
  log?: (line: string) => void;
  /** The clock in milliseconds; tests inject one to move time. */
  now?: () => number;
  /** Minimum seconds between two polls of a push challenge before `slow_down`. Defaults to 5. */
  pushIntervalSeconds?: number;
  /** Lifetime of an oob_code (sms, voice, email code or push). Defaults to 300, like Auth0's OTP codes. */
  oobTtlSeconds?: number;
  /** Lifetime of an mfa_token. Defaults to 600. */
  mfaTokenTtlSeconds?: number;
  /** Wrong codes a user may submit before `too_many_attempts`. Defaults to 5. */
  maxAttempts?: number;
  /** How long a user stays locked out after too many wrong codes. Defaults to 300. */
  lockoutSeconds?: number;
}
